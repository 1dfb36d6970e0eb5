using System.Text.RegularExpressions;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// A schema's pattern, built on first use: a CRD has dozens of patterns and a typical input exercises few of them.
/// Matching uses the backtracking interpreter, which is cheap to build; CRD patterns are simple RE2 expressions,
/// but should an input ever make one run long, the match is redone with the non-backtracking engine (RE2's
/// semantics, linear time), so no input can make the check hang.
/// </summary>
internal sealed class SchemaPattern(string text)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(100);

    private readonly Lazy<Regex> _fast = new(() => new Regex(text, RegexOptions.CultureInvariant, Patience));
    private readonly Lazy<Regex> _linear = new(() => new Regex(text, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));

    public bool IsMatch(string value)
    {
        try
        {
            return _fast.Value.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return _linear.Value.IsMatch(value);
        }
    }

    public override string ToString() => text;
}
