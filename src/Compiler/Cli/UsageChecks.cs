using System.CommandLine;
using System.CommandLine.Parsing;

namespace Meshc.Compiler.Cli;

/// <summary>
/// What System.CommandLine lets through on its own: a word starting with '-' that names no option is taken for a
/// file name, and an unknown command is reported twice over. Here both become one clear usage error (exit 2).
/// </summary>
internal static class UsageChecks
{
    /// <summary>The commands, as <c>meshc --help</c> lists them.</summary>
    public static readonly string[] Commands = ["compile", "check", "run", "serve", "test", "trace", "fmt", "diff", "graph"];

    /// <summary>Makes an argument refuse words that look like options (<c>--frob</c>); a file named so is written <c>./--frob</c>.</summary>
    public static T RejectingOptions<T>(this T argument) where T : Argument
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"unknown option '{token.Value}' (a file whose name starts with '-' is written ./{token.Value})");
        });
        return argument;
    }

    /// <summary>The error for a first word that is neither a command nor an option, or null when it is fine.</summary>
    public static string? UnknownCommand(string[] args)
    {
        if (args.Length == 0) return $"no command given; the commands are {string.Join(", ", Commands)}";
        var first = args[0];
        if (first.StartsWith('-') || Commands.Contains(first, StringComparer.Ordinal)) return null;
        var hint = Text.Spelling.DidYouMean(first, Commands);
        return $"unknown command '{first}'; the commands are {string.Join(", ", Commands)}" + (hint is null ? "" : $" ({hint})");
    }
}
