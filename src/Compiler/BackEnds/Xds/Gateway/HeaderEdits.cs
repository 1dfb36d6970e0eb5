using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Meshc.Compiler.Ir;
using Route = Envoy.Config.Route.V3.Route;
using IrHeaderValue = Meshc.Compiler.Ir.HeaderValue;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>The header changes of a route or of one weighted cluster: request and response, add/set and remove.</summary>
internal sealed record HeaderEdits(
    IReadOnlyList<HeaderValueOption> RequestToAdd,
    IReadOnlyList<string> RequestToRemove,
    IReadOnlyList<HeaderValueOption> ResponseToAdd,
    IReadOnlyList<string> ResponseToRemove)
{
    // Most rules and backends have no header modifier; they share this instance instead of four empty lists each.
    private static readonly HeaderEdits s_none = new([], [], [], []);

    /// <summary>The edits of the RequestHeaderModifier and ResponseHeaderModifier filters among <paramref name="filters"/>, in order.</summary>
    public static HeaderEdits From(IEnumerable<RouteFilter> filters)
    {
        var modifiers = RuleFilters.Of(filters).Headers;
        if (modifiers.Count == 0) return s_none;
        var request = modifiers.Where(m => m.Direction == HeaderDirection.Request).ToList();
        var response = modifiers.Where(m => m.Direction == HeaderDirection.Response).ToList();
        return new HeaderEdits(
            request.SelectMany(ToAdd).ToList(), request.SelectMany(m => m.Remove).ToList(),
            response.SelectMany(ToAdd).ToList(), response.SelectMany(m => m.Remove).ToList());
    }

    /// <summary>These edits followed by <paramref name="other"/>'s.</summary>
    public HeaderEdits Then(HeaderEdits other) => ReferenceEquals(other, s_none) ? this : ReferenceEquals(this, s_none) ? other : new(
        [.. RequestToAdd, .. other.RequestToAdd], [.. RequestToRemove, .. other.RequestToRemove],
        [.. ResponseToAdd, .. other.ResponseToAdd], [.. ResponseToRemove, .. other.ResponseToRemove]);

    /// <summary>Appends the edits to a route's header lists.</summary>
    public void ApplyTo(Route route)
    {
        route.RequestHeadersToAdd.Add(RequestToAdd);
        route.RequestHeadersToRemove.Add(RequestToRemove);
        route.ResponseHeadersToAdd.Add(ResponseToAdd);
        route.ResponseHeadersToRemove.Add(ResponseToRemove);
    }

    /// <summary>Appends the edits to one weighted cluster's header lists.</summary>
    public void ApplyTo(WeightedCluster.Types.ClusterWeight cluster)
    {
        cluster.RequestHeadersToAdd.Add(RequestToAdd);
        cluster.RequestHeadersToRemove.Add(RequestToRemove);
        cluster.ResponseHeadersToAdd.Add(ResponseToAdd);
        cluster.ResponseHeadersToRemove.Add(ResponseToRemove);
    }

    // Cilium lists "add" before "set"; add appends a value, set replaces the header.
    private static IEnumerable<HeaderValueOption> ToAdd(HeaderModifierFilter filter) =>
        filter.Add.Select(h => Option(h, HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd))
            .Concat(filter.Set.Select(h => Option(h, HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd)));

    private static HeaderValueOption Option(IrHeaderValue header, HeaderValueOption.Types.HeaderAppendAction action) => new()
    {
        Header = new Envoy.Config.Core.V3.HeaderValue { Key = header.Name, Value = header.Value },
        AppendAction = action,
    };
}
