using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace Meshc.Compiler.FrontEnds.Dsl.Syntax;

/// <summary>
/// Says what the parser expected in words a user reads, not as a token dump: "a statement (gateway, service, …)",
/// "a name", "a number", the clause keywords that fit, and punctuation in quotes.
/// </summary>
internal static class ExpectedWords
{
    /// <summary>Keywords that start a statement; listed as one group when all of them fit.</summary>
    private static readonly int[] StatementKeywords =
    [
        MeshLexer.IMPORT, MeshLexer.NAMESPACE, MeshLexer.GATEWAY_CLASS, MeshLexer.GATEWAY, MeshLexer.SERVICE, MeshLexer.ROUTE,
        MeshLexer.GRPC_ROUTE, MeshLexer.TLS_ROUTE, MeshLexer.WORKLOAD, MeshLexer.POLICY, MeshLexer.SECRET, MeshLexer.CONFIG_MAP,
        MeshLexer.GRANT, MeshLexer.BACKEND_TLS,
    ];

    /// <summary>Every keyword token, in declaration order.</summary>
    public static IReadOnlyList<int> Keywords { get; } = Enumerable.Range(1, MeshLexer.INVALID_CHAR)
        .Where(IsKeyword)
        .ToList();

    public static bool IsKeyword(int type) =>
        MeshLexer.DefaultVocabulary.GetLiteralName(type) is { } literal && literal.Length > 2 && char.IsLetter(literal[1]);

    /// <summary>The keyword's text, e.g. <c>route</c>.</summary>
    public static string KeywordText(int type) => MeshLexer.DefaultVocabulary.GetLiteralName(type).Trim('\'');

    public static string Describe(IntervalSet expected)
    {
        var types = expected.ToList().ToHashSet();
        var words = new List<string>();
        if (StatementKeywords.All(types.Contains))
        {
            words.Add("a statement (" + string.Join(", ", StatementKeywords.Select(KeywordText)) + ")");
            types.ExceptWith(StatementKeywords);
        }
        if (types.Contains(MeshLexer.WORD))
        {
            // Wherever a word fits, a quoted string and every keyword fit too (as a name): say "a name" once.
            words.Add("a name");
            types.Remove(MeshLexer.WORD);
            types.Remove(MeshLexer.STRING);
            types.ExceptWith(Keywords);
        }
        words.AddRange(Keywords.Where(types.Contains).Select(KeywordText));
        words.AddRange(types.Where(t => !IsKeyword(t)).Order().Select(Other).OfType<string>());
        return words.Count switch
        {
            0 => "something else",
            1 => words[0],
            _ => string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1],
        };
    }

    /// <summary>How an offending token is shown: quoted text, or "the end of the file".</summary>
    public static string Found(IToken token) => token.Type == TokenConstants.EOF ? "the end of the file" : $"'{token.Text}'";

    private static string? Other(int type) => type switch
    {
        TokenConstants.EOF => "the end of the file",
        MeshLexer.INT => "a number",
        MeshLexer.DURATION => "a duration such as 5s",
        MeshLexer.STRING => "a quoted string",
        MeshLexer.URL_PATH => "a path such as /api",
        MeshLexer.STAR => "'*'",
        _ when MeshLexer.DefaultVocabulary.GetLiteralName(type) is { } literal => literal,
        _ => null,
    };
}
