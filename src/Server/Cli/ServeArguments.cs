using System.Net;
using Meshc.Compiler;
using Meshc.Compiler.Cli;

namespace Meshc.Server.Cli;

/// <summary>The parsed arguments of <c>meshc serve</c>.</summary>
public sealed record ServeArguments(IReadOnlyList<string> Inputs, IPAddress Bind, int XdsPort, int? AdminPort, bool Watch)
{
    public const int DefaultXdsPort = 18000;

    public const string Usage = "usage: meshc serve <inputs>... [--xds-port P (default 18000)] [--admin-port P] [--bind ADDR (default 127.0.0.1)] [--no-watch] " +
                                AddressOptions.Usage;

    /// <summary>The options the inputs are compiled with (<c>--lb-pool</c>, <c>--service-cidr</c>).</summary>
    public CompilationOptions Compilation { get; init; } = CompilationOptions.Default;

    /// <summary>Parses <paramref name="args"/>; on a usage error returns null and the reason.</summary>
    public static (ServeArguments? Args, string? Error) Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        var bind = IPAddress.Loopback;
        var xdsPort = DefaultXdsPort;
        int? adminPort = null;
        var watch = true;
        string? lbPool = null, serviceCidr = null;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (option)
            {
                case "--xds-port":
                    if (Port(Value()) is not { } x) return (null, "--xds-port needs a port (0-65535)");
                    xdsPort = x;
                    break;
                case "--admin-port":
                    if (Port(Value()) is not { } a) return (null, "--admin-port needs a port (0-65535)");
                    adminPort = a;
                    break;
                case "--bind":
                    if (!IPAddress.TryParse(Value() ?? "", out var address)) return (null, "--bind needs an IP address");
                    bind = address;
                    break;
                case "--no-watch": watch = false; break;
                case "--lb-pool": lbPool = Value() ?? ""; break;
                case "--service-cidr": serviceCidr = Value() ?? ""; break;
                case var o when o.StartsWith("--", StringComparison.Ordinal): return (null, $"unknown option {o}");
                default: inputs.Add(option); break;
            }
        }
        if (inputs.Count == 0) return (null, "no inputs given");
        var (options, error) = AddressOptions.Apply(CompilationOptions.Default, lbPool, serviceCidr);
        if (options is null) return (null, error);
        return (new ServeArguments(inputs, bind, xdsPort, adminPort, watch) { Compilation = options }, null);
    }

    private static int? Port(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;
}
