namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>A listener certificate (a Secret) and the SDS name under which the agent serves Cilium's copy of it.</summary>
internal sealed record TlsSecretRef(string Namespace, string Name)
{
    /// <summary><c>&lt;secretsNamespace&gt;/&lt;ns&gt;-&lt;name&gt;</c>: secretsync copies Secrets into one namespace under this name.</summary>
    public string SdsName(string secretsNamespace) => $"{secretsNamespace}/{Namespace}-{Name}";

    /// <summary>Cilium orders secure filter chains by <c>ns/name</c>.</summary>
    public string SortKey => $"{Namespace}/{Name}";
}
