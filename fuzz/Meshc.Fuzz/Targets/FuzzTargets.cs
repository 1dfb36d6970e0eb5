namespace Meshc.Fuzz.Targets;

/// <summary>
/// The fuzz targets by name. A target runs one input through one part of meshc; any exception it lets out, any
/// crash, hang or runaway allocation is a finding. Bad input must come back as diagnostics or a refusal.
/// </summary>
public static class FuzzTargets
{
    /// <summary>Every target: name → run.</summary>
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new SortedDictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["yaml"] = YamlTarget.Run,
        ["dsl"] = DslTarget.Run,
        ["cec"] = CecTarget.Run,
        ["bundle"] = BundleTarget.Run,
    };

    /// <summary>Input bytes as the front ends see a file: UTF-8, with invalid sequences replaced.</summary>
    public static string Text(byte[] input) => System.Text.Encoding.UTF8.GetString(input);
}
