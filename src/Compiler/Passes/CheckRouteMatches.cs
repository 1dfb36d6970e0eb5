using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks the matches of every rule: regular expressions Envoy's RE2 accepts (path, header, query, gRPC method),
/// header names that are RFC 7230 tokens, and Exact/PathPrefix paths that are absolute and clean. Each finding
/// rejects the route (Accepted=False UnsupportedValue), whether or not it attaches anywhere.
/// </summary>
internal sealed class CheckRouteMatches : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Routes.All)
        foreach (var match in facts.Route.Rules.SelectMany(r => r.Matches))
        {
            if (match.Path is { } path) CheckPath(context, facts, path);
            foreach (var header in match.Headers)
            {
                if (!HeaderNames.IsValid(header.Name))
                    facts.Reject(context.Diagnostics.ReportInvalidHeaderName(header.Origin, header.Name).Message);
                if (header.Kind == StringMatchKind.Regex) CheckRegex(context, facts, header.Value, header.Origin);
            }
            foreach (var query in match.QueryParams.Where(q => q.Kind == StringMatchKind.Regex))
                CheckRegex(context, facts, query.Value, query.Origin);
            if (match.GrpcMethod is { Kind: StringMatchKind.Regex } method)
            {
                if (method.Service is { } service) CheckRegex(context, facts, service, method.Origin);
                if (method.Method is { } name) CheckRegex(context, facts, name, method.Origin);
            }
        }
    }

    private static void CheckPath(PassContext context, RouteFacts facts, PathMatch path)
    {
        if (path.Kind == PathMatchKind.Regex)
        {
            CheckRegex(context, facts, path.Value, path.Origin);
            return;
        }
        if (PathProblem(path.Value) is { } reason)
            facts.Reject(context.Diagnostics.ReportInvalidPath(path.Origin, path.Value, reason).Message);
    }

    /// <summary>The Gateway API's rules for Exact and PathPrefix values.</summary>
    internal static string? PathProblem(string value)
    {
        if (!value.StartsWith('/')) return "it must start with '/'";
        if (value.Contains("//", StringComparison.Ordinal)) return "it must not contain '//'";
        if (value.Contains("/./", StringComparison.Ordinal) || value.Contains("/../", StringComparison.Ordinal) ||
            value.EndsWith("/.", StringComparison.Ordinal) || value.EndsWith("/..", StringComparison.Ordinal))
            return "it must not contain '.' or '..' segments";
        if (value.Contains('#') || value.Contains('?')) return "it must not contain a query ('?') or fragment ('#')";
        return null;
    }

    private static void CheckRegex(PassContext context, RouteFacts facts, string pattern, SourceLocation at)
    {
        if (Re2Syntax.Problem(pattern) is { } reason)
            facts.Reject(context.Diagnostics.ReportInvalidRegex(at, pattern, reason).Message);
    }
}
