namespace Meshc.Compiler.Ir;

/// <summary>A Kubernetes label or annotation: key and value.</summary>
public sealed record Label(string Key, string Value);
