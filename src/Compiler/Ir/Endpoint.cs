using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>One endpoint: addresses and conditions (ready, serving, terminating), plus the pod it stands for.</summary>
public sealed record Endpoint(
    ValueList<string> Addresses,
    bool Ready,
    bool Serving,
    bool Terminating,
    string? TargetName,
    string? Zone,
    SourceLocation Origin) : IHasOrigin;
