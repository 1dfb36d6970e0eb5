namespace Meshc.EnvoyApi.Validation;

/// <summary>One step of a field path (a field name, a list index or a map key), kept unrendered until a violation needs the text.</summary>
internal readonly struct PathSegment
{
    private readonly string? _field;
    private readonly int _index;
    private readonly object? _key;

    private PathSegment(string? field, int index, object? key)
    {
        _field = field;
        _index = index;
        _key = key;
    }

    /// <summary>A field (or oneof) name.</summary>
    public static PathSegment Field(string name) => new(name, -1, null);

    /// <summary>A list index.</summary>
    public static PathSegment Index(int index) => new(null, index, null);

    /// <summary>A map key.</summary>
    public static PathSegment Key(object key) => new(null, -1, key);

    /// <summary>The text <see cref="FieldPath"/> gives when the segments are appended one by one from the root.</summary>
    public static string Render(List<PathSegment> segments)
    {
        string path = string.Empty;
        foreach (PathSegment segment in segments)
        {
            path = segment._field is { } name ? FieldPath.Field(path, name)
                : segment._key is { } key ? FieldPath.Key(path, key)
                : FieldPath.Index(path, segment._index);
        }

        return path;
    }
}
