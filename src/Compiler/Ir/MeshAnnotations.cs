namespace Meshc.Compiler.Ir;

/// <summary>
/// The route annotations that carry what the Gateway API cannot say and meshc compiles (the DSL's retry conditions,
/// per-try timeout, <c>clusters</c> and <c>paths</c> settings), and their vocabularies, shared by the readers and the writers.
/// Cilium reads none of them: on a cluster they are inert, which docs/dsl.md explains.
/// <code>
/// meshc.io/retry-on: 5xx,reset              every rule with a retry also retries on these Envoy conditions
/// meshc.io/per-try-timeout: 1s              every rule with a retry limits each attempt
/// meshc.io/connect-timeout: 2s              the route's clusters
/// meshc.io/lb-policy: least-request
/// meshc.io/outlier-detection: local-failures=2, interval=10s
/// meshc.io/paths: normalize, merge-slashes, escaped-slashes=reject      the listener of the route's Services
/// </code>
/// </summary>
public static class MeshAnnotations
{
    public const string Prefix = "meshc.io/";
    public const string RetryOn = Prefix + "retry-on";
    public const string PerTryTimeout = Prefix + "per-try-timeout";
    public const string ConnectTimeout = Prefix + "connect-timeout";
    public const string LbPolicy = Prefix + "lb-policy";
    public const string OutlierDetection = Prefix + "outlier-detection";
    public const string Paths = Prefix + "paths";

    /// <summary>Every key above, in the order a writer lists them.</summary>
    public static readonly IReadOnlyList<string> All = [RetryOn, PerTryTimeout, ConnectTimeout, LbPolicy, OutlierDetection, Paths];

    /// <summary>Envoy's router retry conditions (<c>x-envoy-retry-on</c> and <c>x-envoy-retry-grpc-on</c>).</summary>
    public static readonly IReadOnlyList<string> RetryConditions =
    [
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "envoy-ratelimited", "retriable-4xx",
        "refused-stream", "retriable-status-codes", "retriable-headers", "http3-post-connect-failure",
        "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    ];

    /// <summary>The load-balancing words, as the DSL and the annotation spell them.</summary>
    public static readonly IReadOnlyDictionary<string, LoadBalancing> LoadBalancingNames = new Dictionary<string, LoadBalancing>(StringComparer.Ordinal)
    {
        ["round-robin"] = LoadBalancing.RoundRobin,
        ["least-request"] = LoadBalancing.LeastRequest,
        ["random"] = LoadBalancing.Random,
        ["ring-hash"] = LoadBalancing.RingHash,
        ["maglev"] = LoadBalancing.Maglev,
    };

    /// <summary>The outlier settings, as the DSL and the annotation spell them, and the kind of value each takes.</summary>
    public static readonly IReadOnlyDictionary<string, OutlierValue> OutlierSettings = new Dictionary<string, OutlierValue>(StringComparer.Ordinal)
    {
        ["local-failures"] = OutlierValue.Count,
        ["consecutive-5xx"] = OutlierValue.Count,
        ["gateway-failures"] = OutlierValue.Count,
        ["interval"] = OutlierValue.Duration,
        ["ejection"] = OutlierValue.Duration,
        ["max-ejection"] = OutlierValue.Percent,
    };

    /// <summary>The path settings without a value, as the DSL and the annotation spell them.</summary>
    public const string Normalize = "normalize";
    public const string MergeSlashes = "merge-slashes";
    public const string EscapedSlashesSetting = "escaped-slashes";

    /// <summary>The escaped-slashes actions, as the DSL and the annotation spell them.</summary>
    public static readonly IReadOnlyDictionary<string, EscapedSlashes> EscapedSlashesNames = new Dictionary<string, EscapedSlashes>(StringComparer.Ordinal)
    {
        ["keep"] = EscapedSlashes.KeepUnchanged,
        ["reject"] = EscapedSlashes.RejectRequest,
        ["unescape-and-redirect"] = EscapedSlashes.UnescapeAndRedirect,
        ["unescape-and-forward"] = EscapedSlashes.UnescapeAndForward,
    };

    /// <summary>The path settings as words (<c>escaped-slashes</c> with its action), in the order above.</summary>
    public static IEnumerable<(string Name, string? Value)> Settings(PathHandling p)
    {
        if (p.Normalize) yield return (Normalize, null);
        if (p.MergeSlashes) yield return (MergeSlashes, null);
        if (p.EscapedSlashes is { } action) yield return (EscapedSlashesSetting, EscapedSlashesNames.First(e => e.Value == action).Key);
    }

    /// <summary>The word for a load-balancing policy.</summary>
    public static string Name(LoadBalancing policy) => LoadBalancingNames.First(e => e.Value == policy).Key;

    /// <summary>Outlier settings as <c>name=value</c> pairs in the order above; <paramref name="duration"/> spells durations.</summary>
    public static IEnumerable<(string Name, string Value)> Settings(OutlierDetection o, Func<TimeSpan, string> duration)
    {
        static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (o.LocalOriginFailures is { } local) yield return ("local-failures", N(local));
        if (o.Consecutive5xx is { } c5xx) yield return ("consecutive-5xx", N(c5xx));
        if (o.GatewayFailures is { } gateway) yield return ("gateway-failures", N(gateway));
        if (o.Interval is { } interval) yield return ("interval", duration(interval));
        if (o.BaseEjectionTime is { } ejection) yield return ("ejection", duration(ejection));
        if (o.MaxEjectionPercent is { } max) yield return ("max-ejection", N(max) + "%");
    }

    /// <summary>Sets one outlier setting by name; the caller has checked the name and the value's kind.</summary>
    public static OutlierDetection With(OutlierDetection o, string name, int? count, TimeSpan? duration) => name switch
    {
        "local-failures" => o with { LocalOriginFailures = count },
        "consecutive-5xx" => o with { Consecutive5xx = count },
        "gateway-failures" => o with { GatewayFailures = count },
        "interval" => o with { Interval = duration },
        "ejection" => o with { BaseEjectionTime = duration },
        "max-ejection" => o with { MaxEjectionPercent = count },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an outlier setting"),
    };

    public static readonly OutlierDetection NoOutlier = new(null, null, null, null, null, null);
}

/// <summary>The kind of value an outlier setting takes.</summary>
public enum OutlierValue { Count, Duration, Percent }
