namespace Meshc.Compiler.BackEnds.Status;

/// <summary>
/// Where a bundle keeps the Gateway API status of each object: <c>status/&lt;resource&gt;/[&lt;namespace&gt;/]&lt;name&gt;.yaml</c>.
/// The writer (<see cref="StatusBackEnd"/>) and the readers (<see cref="BundleStatus"/>) take the paths from here.
/// </summary>
public static class StatusFiles
{
    /// <summary>The folder every status file is under.</summary>
    public const string Root = "status/";

    /// <summary>The folder of the status files of objects of <paramref name="kind"/> (<c>status/httproutes/</c>).</summary>
    public static string Folder(string kind) => $"{Root}{Plural(kind)}/";

    /// <summary>The status file of object <paramref name="qualifiedName"/> (<c>namespace/name</c>, or <c>name</c>) of <paramref name="kind"/>.</summary>
    public static string Path(string kind, string qualifiedName) => $"{Folder(kind)}{qualifiedName}.yaml";

    private static string Plural(string kind) => kind.ToLowerInvariant() switch
    {
        "gatewayclass" => "gatewayclasses",
        "backendtlspolicy" => "backendtlspolicies",
        var k => k + "s",
    };
}
