namespace Meshc.Runtime.Routing;

/// <summary>What the connection manager's path handling decided for a request's <c>:path</c>.</summary>
public enum PathOutcome
{
    /// <summary>Route and forward <see cref="PathVerdict.Path"/>.</summary>
    Continue,

    /// <summary>Answer 307 with <see cref="PathVerdict.Path"/> as <c>Location</c> (400 for gRPC, which cannot follow it).</summary>
    Redirect,

    /// <summary>Answer 400: a fragment, an escaped slash under REJECT_REQUEST, or a path the canonicalizer refuses.</summary>
    Reject,
}

/// <summary>The outcome and, unless rejected, the path after the listener's transformations (query kept as sent).</summary>
public readonly record struct PathVerdict(PathOutcome Outcome, string Path)
{
    public static PathVerdict Rejected { get; } = new(PathOutcome.Reject, "");
}
