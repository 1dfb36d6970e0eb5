namespace Meshc.Runtime.Routing;

/// <summary>What the router decided for a request. Response header edits apply to every outcome but "no route".</summary>
public abstract record RouteDecision(IReadOnlyList<HeaderMutation> ResponseHeaders);

/// <summary>No virtual host or no route matched: 404 with an empty body.</summary>
public sealed record NoRouteDecision() : RouteDecision([]);

/// <summary>A <c>direct_response</c>.</summary>
public sealed record DirectResponseDecision(int Status, string Body, IReadOnlyList<HeaderMutation> ResponseHeaders) : RouteDecision(ResponseHeaders);

/// <summary>A redirect with its computed <c>Location</c>.</summary>
public sealed record RedirectDecision(int Status, string Location, IReadOnlyList<HeaderMutation> ResponseHeaders) : RouteDecision(ResponseHeaders);

/// <summary>Forward upstream to <see cref="Cluster"/> with the rewritten raw path (query included).</summary>
public sealed record ForwardDecision(
    string Cluster,
    string UpstreamPath,
    string? HostRewrite,
    TimeSpan? Timeout,
    RetrySpec? Retry,
    IReadOnlyList<HeaderMutation> RequestHeaders,
    IReadOnlyList<HeaderMutation> ResponseHeaders) : RouteDecision(ResponseHeaders)
{
    /// <summary>The mirror policies that apply (the most specific non-empty list).</summary>
    public IReadOnlyList<MirrorSpec> Mirrors { get; init; } = [];

    /// <summary>Whether <c>x-envoy-attempt-count</c> goes upstream and/or back downstream.</summary>
    public AttemptCount AttemptCount { get; init; } = AttemptCount.None;

    /// <summary>The status when <see cref="Cluster"/> is not in the snapshot: the route's <c>cluster_not_found_response_code</c>.</summary>
    public int ClusterNotFoundStatus { get; init; } = 503;
}

/// <summary>The virtual host's <c>include_request_attempt_count</c> and <c>include_attempt_count_in_response</c>.</summary>
public sealed record AttemptCount(bool InRequest, bool InResponse)
{
    public static AttemptCount None { get; } = new(false, false);
}
