using System.Globalization;
using Meshc.Compiler;
using Meshc.Compiler.Cli;

namespace Meshc.Runtime.Cli;

/// <summary>The parsed arguments of <c>meshc test</c>; the flags follow Envoy's router_check_tool where it has one.</summary>
public sealed record TestArguments(IReadOnlyList<string> Inputs, IReadOnlyList<string> TestFiles)
{
    public const string Usage = "usage: meshc test <bundle folder | inputs...> -t <tests.yaml>... [--details] [--coverage] [--covall] " +
                                "[--fail-under PCT] [--junit FILE] " + AddressOptions.Usage;

    /// <summary>What <c>meshc test --help</c> prints.</summary>
    public const string Help = Usage + "\n\n" + """
        Runs route tests (Envoy router_check_tool's schema: tests[] of test_name, input, validate) against a bundle
        folder, or against the inputs compiled first, with the runtime's own router (docs/route-tests.md).

        Options:
          -t, --tests FILE       a test file (YAML or JSON), or a folder of them; repeatable
          -d, --details          also print each test that passes
          --coverage             print every route of every route configuration, hit or missed
          --covall               measure coverage over all checkable fields of each route, not one check per route
          -f, --fail-under PCT   exit 1 when the route coverage is below PCT percent (0 to 100)
          --junit FILE           also write the results as JUnit XML (for CI)
          --lb-pool CIDR[,..]    IPv4 ranges Gateways get addresses from, when inputs are compiled
          --service-cidr CIDR    the range Services without a clusterIP get one from, when inputs are compiled
          -h, --help             show this help

        Exit codes: 0 every test passed (and coverage met), 1 a test failed, coverage fell short or an input or test
        file has errors, 2 usage or I/O problem.
        """;

    public bool Details { get; init; }

    public bool Coverage { get; init; }

    public bool Comprehensive { get; init; }

    /// <summary>The least route coverage (percent) that passes; null when not asked.</summary>
    public double? FailUnder { get; init; }

    public string? JUnit { get; init; }

    public CompilationOptions Compilation { get; init; } = CompilationOptions.Default;

    public static bool AsksForHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help" or "-?");

    /// <summary>Parses <paramref name="args"/>; on a usage error returns null and the reason.</summary>
    public static (TestArguments? Args, string? Error) Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        var tests = new List<string>();
        bool details = false, coverage = false, comprehensive = false;
        double? failUnder = null;
        string? junit = null, lbPool = null, serviceCidr = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "-t" or "--tests":
                    if (Value() is not { } test) return Needs(arg, "a test file or folder");
                    tests.Add(test);
                    break;
                case "-d" or "--details": details = true; break;
                case "--coverage": coverage = true; break;
                case "--covall": comprehensive = true; break;
                case "-f" or "--fail-under":
                    if (Value() is not { } text) return Needs(arg, "a percentage");
                    if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pct) || pct is < 0 or > 100)
                        return (null, $"{arg} needs a percentage from 0 to 100, not '{text}'");
                    failUnder = pct;
                    break;
                case "--junit":
                    if (Value() is not { } file) return Needs(arg, "a file to write");
                    junit = file;
                    break;
                case "--lb-pool":
                    if ((lbPool = Value()) is null) return Needs(arg, "CIDRs");
                    break;
                case "--service-cidr":
                    if ((serviceCidr = Value()) is null) return Needs(arg, "a CIDR");
                    break;
                case var opt when opt.Length > 1 && opt[0] == '-':
                    return (null, $"unknown option '{opt}' (a file whose name starts with '-' is written ./{opt})");
                default: inputs.Add(arg); break;
            }
        }
        if (inputs.Count == 0) return (null, "no bundle or inputs given");
        if (tests.Count == 0) return (null, "no test file given (-t FILE)");
        var (options, error) = AddressOptions.Apply(CompilationOptions.Default, lbPool, serviceCidr);
        if (options is null) return (null, error);
        return (new TestArguments(inputs, tests)
        {
            Details = details, Coverage = coverage, Comprehensive = comprehensive, FailUnder = failUnder, JUnit = junit, Compilation = options,
        }, null);
    }

    private static (TestArguments?, string?) Needs(string option, string what) => (null, $"{option} needs {what}");
}
