using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// One raw Envoy resource of a CiliumEnvoyConfig: its type URL, its name as written, and canonical proto-JSON
/// (checked strictly against Envoy's types by the front end).
/// </summary>
public sealed record EnvoyResource(string TypeUrl, string Name, string Json, SourceLocation Origin) : IHasOrigin;
