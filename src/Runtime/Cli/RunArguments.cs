using System.Net;

namespace Meshc.Runtime.Cli;

/// <summary>The parsed arguments of <c>meshc run</c>.</summary>
public sealed record RunArguments(IReadOnlyList<string> Inputs, IPAddress Bind, int PortOffset, int? AdminPort, bool DemoBackends)
{
    public const string Usage = "usage: meshc run <bundle folder | inputs...> [--bind 127.0.0.1] [--port-offset N] [--admin-port P] [--demo-backends] [--bpffs DIR|off]";

    /// <summary>Where kernel policy maps are pinned (<c>--bpffs</c>); null picks /sys/fs/bpf/meshc when that is a bpffs mount.</summary>
    public string? Bpffs { get; init; }

    /// <summary>Parses <paramref name="args"/>; on a usage error returns null and the reason.</summary>
    public static (RunArguments? Args, string? Error) Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        var bind = IPAddress.Loopback;
        var offset = 0;
        int? admin = null;
        var demo = false;
        string? bpffs = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--bind": bind = IPAddress.Parse(Value()); break;
                    case "--port-offset": offset = int.Parse(Value()); break;
                    case "--admin-port": admin = int.Parse(Value()); break;
                    case "--demo-backends": demo = true; break;
                    case "--bpffs": bpffs = Value(); break;
                    case var opt when opt.StartsWith("--"): return (null, $"unknown option {opt}");
                    default: inputs.Add(args[i]); break;
                }
            }
            catch (FormatException e) { return (null, e.Message); }
        }
        if (inputs.Count == 0) return (null, "no bundle or inputs given");
        return (new RunArguments(inputs, bind, offset, admin, demo) { Bpffs = bpffs }, null);
    }
}
