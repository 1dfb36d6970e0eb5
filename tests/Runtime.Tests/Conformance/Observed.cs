using System.Text.Json;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>An answer: the Host sent, status, Location, response headers, and the echo backend's JSON when one answered.</summary>
internal sealed record Observed(string SentHost, int Status, string? Location, IReadOnlyDictionary<string, string> Headers, JsonElement? Echo, string Body);
