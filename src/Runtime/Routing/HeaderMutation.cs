#pragma warning disable CS0612 // the deprecated append flag is still honoured, as Envoy honours it
using Envoy.Config.Core.V3;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Google.Protobuf.Collections;

namespace Meshc.Runtime.Routing;

/// <summary>One level's header edits (weighted cluster, route, virtual host or route configuration): removals, then additions.</summary>
public sealed record HeaderMutation(IReadOnlyList<string> Remove, IReadOnlyList<HeaderAdd> Add)
{
    public static HeaderMutation Empty { get; } = new([], []);

    public static HeaderMutation From(RepeatedField<HeaderValueOption> add, RepeatedField<string> remove) =>
        add.Count == 0 && remove.Count == 0 ? Empty : new(remove.ToList(), add.Select(HeaderAdd.From).ToList());

    /// <summary>Applies the levels in order; a later level's overwrite wins, as Envoy's default order makes it.</summary>
    public static void ApplyAll(IEnumerable<HeaderMutation> levels, IHeaderDictionary headers)
    {
        foreach (var level in levels) level.Apply(headers);
    }

    public void Apply(IHeaderDictionary headers)
    {
        foreach (var name in Remove)
            if (!name.StartsWith(':') && !name.Equals("host", StringComparison.OrdinalIgnoreCase)) headers.Remove(name);
        foreach (var add in Add) add.Apply(headers);
    }
}

/// <summary>A header to add with its append action; pseudo headers and Host are never set this way.</summary>
public sealed record HeaderAdd(string Name, string Value, HeaderValueOption.Types.HeaderAppendAction Action, bool KeepEmpty)
{
    public static HeaderAdd From(HeaderValueOption o)
    {
        var action = o.Append is { } append
            ? append ? HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd : HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd
            : o.AppendAction;
        var value = o.Header.Value.Length > 0 ? o.Header.Value : o.Header.RawValue.ToStringUtf8();
        // Only literal values are supported; "%%" is Envoy's escape for a literal '%'.
        return new(o.Header.Key, value.Replace("%%", "%"), action, o.KeepEmptyValue);
    }

    public void Apply(IHeaderDictionary headers)
    {
        if (Name.StartsWith(':') || Name.Equals("host", StringComparison.OrdinalIgnoreCase)) return;
        if (Value.Length == 0 && !KeepEmpty) return;
        var exists = headers.ContainsKey(Name);
        switch (Action)
        {
            case HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd:
                headers[Name] = exists ? StringValues.Concat(headers[Name], Value) : new StringValues(Value);
                break;
            case HeaderValueOption.Types.HeaderAppendAction.AddIfAbsent:
                if (!exists) headers[Name] = Value;
                break;
            case HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd:
                headers[Name] = Value;
                break;
            case HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExists:
                if (exists) headers[Name] = Value;
                break;
        }
    }
}
