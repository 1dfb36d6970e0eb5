namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Cilium's <c>ResourceQualifiedName(ns, cecName, name)</c>: makes a resource name local to its CiliumEnvoyConfig
/// by prefixing <c>ns/cecName/</c>. A name that already holds a '/' is taken as global and kept, unless
/// <c>force</c> is set (listeners, route configurations, virtual hosts, HCM RDS names); even then a name whose
/// first segment is the CEC's namespace is kept. An empty name stays empty, so an unnamed (invalid) resource does
/// not become a valid one. A clusterwide CEC has the namespace "".
/// </summary>
internal static class ResourceNames
{
    /// <summary>The name as the agent hands it to Envoy.</summary>
    public static string Qualify(string ns, string cecName, string name, bool force = false)
    {
        var slash = name.IndexOf('/');
        var keep = name.Length == 0 ||
                   (slash >= 0 && (!force || (slash == ns.Length && name.StartsWith(ns, StringComparison.Ordinal))));
        return keep ? name : $"{ns}/{cecName}/{name}";
    }
}
