using System.Text.Json.Nodes;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// One JSON Schema, loaded into the form the validator walks: each keyword meshc's schemas use, parsed once.
/// Immutable after loading, so one tree serves every thread.
/// </summary>
internal sealed class SchemaNode
{
    public JsonTypes Types { get; init; }
    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }

    /// <summary>The property names in order, for "did you mean" hints.</summary>
    public string[] PropertyNames { get; init; } = [];

    /// <summary>additionalProperties: false.</summary>
    public bool ClosedObject { get; init; }

    /// <summary>additionalProperties as a schema (string maps such as labels).</summary>
    public SchemaNode? AdditionalProperties { get; init; }

    public string[] Required { get; init; } = [];
    public SchemaNode? Items { get; init; }
    public JsonNode?[]? Enum { get; init; }

    /// <summary>The enum's members when all are strings (the common case), for a quick lookup.</summary>
    public IReadOnlySet<string>? StringEnum { get; init; }

    public JsonNode? Const { get; init; }
    public SchemaPattern? Pattern { get; init; }
    public string? Format { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public double? ExclusiveMinimum { get; init; }
    public double? ExclusiveMaximum { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public int? MinProperties { get; init; }
    public int? MaxProperties { get; init; }
    public SchemaNode[]? AllOf { get; init; }
    public SchemaNode[]? AnyOf { get; init; }
    public SchemaNode? Not { get; init; }
}
