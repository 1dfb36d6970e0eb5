namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>The CiliumEnvoyConfig whose resources are being completed: the namespace and name that qualify them.</summary>
internal sealed record CecScope(string Namespace, string Name)
{
    /// <summary>For clusters, endpoints, secrets and references to them: qualified only without a '/'.</summary>
    public string Qualify(string name) => ResourceNames.Qualify(Namespace, Name, name);

    /// <summary>For listeners, route configurations, virtual hosts and HCM RDS names.</summary>
    public string QualifyForced(string name) => ResourceNames.Qualify(Namespace, Name, name, force: true);

    /// <summary><c>ns/name</c>, as diagnostics name the CEC.</summary>
    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
