using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A rule's retry policy: status codes that retry, the attempt count and the backoff base.</summary>
public sealed record RetryPolicy(ValueList<int> Codes, int? Attempts, TimeSpan? Backoff, SourceLocation Origin) : IHasOrigin;
