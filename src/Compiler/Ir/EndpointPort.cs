namespace Meshc.Compiler.Ir;

/// <summary>A port of an EndpointSlice; its name ties it to the Service port of the same name.</summary>
public sealed record EndpointPort(string? Name, int Port, string Protocol);
