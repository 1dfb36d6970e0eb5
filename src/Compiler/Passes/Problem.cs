using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>Why a status condition is False: the reason, and a short message naming what is wrong.</summary>
internal sealed record Problem(ConditionReason Reason, string Message);
