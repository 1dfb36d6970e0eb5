using Meshc.Compiler.Passes;

namespace Meshc.Compiler.Tests.Passes;

public class Re2SyntaxTests
{
    [Theory]
    [InlineData("/api/v[0-9]+/.*")]
    [InlineData("^(?i)foo|bar$")]
    [InlineData("(?P<id>[a-z]+)")]
    [InlineData("a{2,3}b*?")]
    [InlineData("[(?=]x")]
    [InlineData(@"\d+\.\d+")]
    public void Re2Syntax_Re2Patterns_AreAccepted(string pattern) => Assert.Null(Re2Syntax.Problem(pattern));

    [Theory]
    [InlineData("foo(?=bar)", "lookaround")]
    [InlineData("foo(?!bar)", "lookaround")]
    [InlineData("(?<=a)b", "lookaround")]
    [InlineData("(?<!a)b", "lookaround")]
    [InlineData(@"(a)\1", "backreferences")]
    [InlineData(@"(?<x>a)\k<x>", "backreferences")]
    [InlineData("(?>a+)", "atomic")]
    [InlineData("a++", "possessive")]
    [InlineData("a{2}+", "possessive")]
    [InlineData("(?(a)b|c)", "conditionals")]
    [InlineData(@"\Gfoo", @"\G")]
    [InlineData(@"foo\Z", @"\Z")]
    [InlineData("(", "closing parentheses")]
    [InlineData("[a-", "unterminated")]
    [InlineData("*a", "quantifier")]
    public void Re2Syntax_RefusedPatterns_SayWhy(string pattern, string reasonPart) =>
        Assert.Contains(reasonPart, Re2Syntax.Problem(pattern), StringComparison.OrdinalIgnoreCase);
}
