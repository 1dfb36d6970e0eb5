using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>
/// A canonical text for "what a match selects", so two matches that select the same requests compare equal.
/// A missing path is PathPrefix "/"; gRPC methods become the paths Cilium gives them (<c>/S/M</c>, <c>/S/</c>,
/// <c>/.+/M</c>), so an HTTPRoute and a GRPCRoute on one hostname can clash too; headers and query parameters
/// are order-free, header names case-free.
/// </summary>
internal static class MatchKeys
{
    /// <summary>The matches of a rule, with the implicit catch-all when it lists none.</summary>
    public static IEnumerable<(string Key, Text.SourceLocation Origin)> Of(RouteRule rule) =>
        rule.Matches.IsEmpty
            ? [("path:prefix:/", rule.Origin)]
            : rule.Matches.Select(m => (For(m), m.Origin));

    public static string For(RouteMatch match)
    {
        var parts = new List<string> { Path(match) };
        if (match.Method is { } method) parts.Add($"method:{method.ToUpperInvariant()}");
        parts.AddRange(match.Headers.Select(h => $"header:{h.Kind}:{h.Name.ToLowerInvariant()}={h.Value}").Order(StringComparer.Ordinal));
        parts.AddRange(match.QueryParams.Select(q => $"query:{q.Kind}:{q.Name}={q.Value}").Order(StringComparer.Ordinal));
        return string.Join("|", parts);
    }

    private static string Path(RouteMatch match)
    {
        if (match.GrpcMethod is { } grpc) return GrpcPath(grpc);
        return match.Path is { } path ? $"path:{path.Kind.ToString().ToLowerInvariant()}:{path.Value}" : "path:prefix:/";
    }

    private static string GrpcPath(GrpcMethodMatch grpc)
    {
        var exact = grpc.Kind == StringMatchKind.Exact;
        return (grpc.Service, grpc.Method) switch
        {
            ({ } s, { } m) => exact ? $"path:exact:/{s}/{m}" : $"path:regex:/{s}/{m}",
            ({ } s, null) => exact ? $"path:prefix:/{s}/" : $"path:regex:/{s}/.+",
            (null, { } m) => $"path:regex:/.+/{m}",
            _ => "path:prefix:/",
        };
    }
}
