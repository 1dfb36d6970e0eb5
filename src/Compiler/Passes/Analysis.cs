using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>The outcome of the pass pipeline: the bound model for the back ends, and the status of every object.</summary>
public sealed record Analysis(BoundMesh Bound, StatusReport Status);
