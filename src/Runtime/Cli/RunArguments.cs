using System.Globalization;
using System.Net;
using Meshc.Compiler;
using Meshc.Compiler.Cli;

namespace Meshc.Runtime.Cli;

/// <summary>
/// The parsed arguments of <c>meshc run</c>. <see cref="Bind"/> is null unless <c>--bind</c> was given: then each
/// Gateway and claimed Service is served on its own address, and the other listeners on 127.0.0.1.
/// </summary>
public sealed record RunArguments(IReadOnlyList<string> Inputs, IPAddress? Bind, int PortOffset, int? AdminPort, bool DemoBackends)
{
    public const string Usage = "usage: meshc run <bundle folder | inputs...> [--bind ADDR] [--port-offset N] [--admin-port P] [--demo-backends] [--secrets PATH]... [--bpffs DIR|off] " +
                                AddressOptions.Usage;

    /// <summary>Where kernel policy maps are pinned (<c>--bpffs</c>); null picks /sys/fs/bpf/meshc when that is a bpffs mount.</summary>
    public string? Bpffs { get; init; }

    /// <summary>
    /// Secret and ConfigMap YAML (files or folders) the TLS listeners and upstream TLS of a bundle are served with
    /// (<c>--secrets</c>, repeatable); inputs compiled by <c>meshc run</c> contribute their own Secrets as well.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The options inputs are compiled with (<c>--lb-pool</c>, <c>--service-cidr</c>); a bundle folder is served as it was compiled.</summary>
    public CompilationOptions Compilation { get; init; } = CompilationOptions.Default;

    private const int MaxPort = 65535;

    /// <summary>Parses <paramref name="args"/>; on a usage error returns null and the reason.</summary>
    public static (RunArguments? Args, string? Error) Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        IPAddress? bind = null;
        var offset = 0;
        int? admin = null;
        var demo = false;
        string? bpffs = null;
        string? lbPool = null, serviceCidr = null;
        var secrets = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--bind": bind = Address(args[i], Value()); break;
                    case "--port-offset": offset = Number(args[i], Value(), -MaxPort, MaxPort); break;
                    case "--admin-port": admin = Number(args[i], Value(), 1, MaxPort); break;
                    case "--demo-backends": demo = true; break;
                    case "--bpffs": bpffs = Value(); break;
                    case "--secrets":
                        var path = Value();
                        if (!File.Exists(path) && !Directory.Exists(path)) return (null, $"--secrets {path}: no such file or folder");
                        secrets.Add(path);
                        break;
                    case "--lb-pool": lbPool = Value(); break;
                    case "--service-cidr": serviceCidr = Value(); break;
                    case var opt when opt.StartsWith("--"): return (null, $"unknown option {opt}");
                    default: inputs.Add(args[i]); break;
                }
            }
            catch (FormatException e) { return (null, e.Message); }
        }
        if (inputs.Count == 0) return (null, "no bundle or inputs given");
        var (options, error) = AddressOptions.Apply(CompilationOptions.Default, lbPool, serviceCidr);
        if (options is null) return (null, error);
        return (new RunArguments(inputs, bind, offset, admin, demo) { Bpffs = bpffs, Compilation = options, Secrets = secrets }, null);
    }

    private static int Number(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{option} needs a whole number from {min} to {max}, not '{value}'");

    // IPAddress.Parse also takes "1" (0.0.0.1) and "10.1" (10.0.0.1); an address on the command line is written out.
    private static IPAddress Address(string option, string value) =>
        (value.Contains(':', StringComparison.Ordinal) || value.Count(c => c == '.') == 3) && IPAddress.TryParse(value, out var address)
            ? address
            : throw new FormatException($"{option} needs an IPv4 or IPv6 address such as 127.0.0.1 or ::1, not '{value}'");
}
