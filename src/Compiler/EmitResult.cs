using System.Collections.Immutable;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler;

/// <summary>
/// What a compilation returns: all diagnostics, the model, the status, and the bundle (null when a blocking error — or,
/// with <see cref="CompilationOptions.NoEmitOnError"/>, any error — was found). A bundle can come with errors: then it
/// holds what Cilium would program, with the parts the errors name left out.
/// </summary>
public sealed record EmitResult(
    ImmutableArray<Diagnostic> Diagnostics,
    MeshModel Model,
    StatusReport Status,
    CompiledBundle? Bundle)
{
    public bool Success => Bundle is not null;
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
