namespace Meshc.Compiler.Cli;

/// <summary>Parses <c>--emit xds,status,ir,k8s,bpf,envoy-ads,k8s-serve</c> (comma- or space-separated) into <see cref="EmitTargets"/>.</summary>
public static class EmitOption
{
    private static readonly Dictionary<string, EmitTargets> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["xds"] = EmitTargets.Xds,
        ["status"] = EmitTargets.Status,
        ["ir"] = EmitTargets.Ir,
        ["gateway-api"] = EmitTargets.GatewayApi,
        ["k8s"] = EmitTargets.K8s,
        ["bpf"] = EmitTargets.Bpf,
        ["envoy-ads"] = EmitTargets.EnvoyAds,
        ["k8s-serve"] = EmitTargets.K8sServe,
    };

    public static string Names => string.Join(", ", Values.Keys);

    public static bool TryParse(string[]? values, out EmitTargets targets, out string? bad)
    {
        bad = null;
        targets = EmitTargets.None;
        var words = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (words.Count == 0)
        {
            targets = EmitTargets.Default;
            return true;
        }
        foreach (var word in words)
        {
            if (!Values.TryGetValue(word, out var t))
            {
                bad = word;
                return false;
            }
            targets |= t;
        }
        return true;
    }
}
