using System.Text.Json.Nodes;

namespace Meshc.Compiler.Cli;

/// <summary>One comparable object of a bundle: an xDS resource, a Kubernetes object or a whole file, as JSON.</summary>
public sealed record DiffObject(string Identity, JsonNode? Content);
