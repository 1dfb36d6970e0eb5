using System.Text.Json.Serialization;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A rule's retry policy: status codes that retry, the attempt count and the backoff base.</summary>
public sealed record RetryPolicy(ValueList<int> Codes, int? Attempts, TimeSpan? Backoff, SourceLocation Origin) : IHasOrigin
{
    /// <summary>
    /// Envoy retry conditions beyond status codes (<c>5xx</c>, <c>gateway-error</c>, …), which the Gateway API cannot
    /// name (<see cref="MeshAnnotations.RetryOn"/>). Left out of the printed IR when empty.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ValueList<string> Conditions { get; init; }

    /// <summary>A timeout for each attempt (<see cref="MeshAnnotations.PerTryTimeout"/>); null: only the route's timeout applies.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan? PerTryTimeout { get; init; }
}
