using Google.Protobuf.Reflection;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// Protobuf well-known types whose JSON form is not an object of their fields (a Duration is <c>"1s"</c>, a
/// UInt32Value a bare number, a Struct any mapping). The walker checks only their shape; the parser checks values.
/// </summary>
internal static class WellKnownLeaves
{
    private static readonly HashSet<string> Scalars = new(StringComparer.Ordinal)
    {
        "google.protobuf.Duration", "google.protobuf.Timestamp", "google.protobuf.FieldMask",
        "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
        "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
        "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue",
    };

    private const string Struct = "google.protobuf.Struct";
    private const string ListValue = "google.protobuf.ListValue";
    private const string Value = "google.protobuf.Value";

    /// <summary>Whether the type's JSON form is a leaf.</summary>
    public static bool Contains(MessageDescriptor type) =>
        Scalars.Contains(type.FullName) || type.FullName is Struct or ListValue or Value;

    /// <summary>Whether the node has the shape the type's JSON form needs.</summary>
    public static bool Fits(MessageDescriptor type, YamlNode node) => type.FullName switch
    {
        Struct => node is YamlMappingNode,
        ListValue => node is YamlSequenceNode,
        Value => true,
        _ => node is YamlScalarNode,
    };

    /// <summary>What the type's JSON form looks like, for messages.</summary>
    public static string Expected(MessageDescriptor type) => type.FullName switch
    {
        Struct => "a mapping (google.protobuf.Struct)",
        ListValue => "a list (google.protobuf.ListValue)",
        "google.protobuf.Duration" => "a duration such as \"1s\" or \"0.25s\"",
        _ => $"a single value ({type.FullName})",
    };
}
