namespace Meshc.Compiler.Passes;

/// <summary>HTTP header names: RFC 7230 tokens.</summary>
internal static class HeaderNames
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    public static bool IsValid(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c));
}
