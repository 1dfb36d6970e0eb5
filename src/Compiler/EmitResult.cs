using System.Collections.Immutable;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler;

/// <summary>What a compilation returns: all diagnostics, the model, the status, and the bundle (null when there were errors).</summary>
public sealed record EmitResult(
    ImmutableArray<Diagnostic> Diagnostics,
    MeshModel Model,
    StatusReport Status,
    CompiledBundle? Bundle)
{
    public bool Success => Bundle is not null;
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
