using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class RewriteTests
{
    private static string ActionJson(Ir.RouteMatch match, UrlRewriteFilter rewrite)
    {
        var action = Routes(Translate(Attach("r", [Rule(0, [match], [Backend("svc", 80)], [rewrite])]))).Single().Route_;
        action.MaxStreamDuration = null;
        return Json(action);
    }

    private static UrlRewriteFilter Path(PathModifierKind kind, string value, string? host = null) =>
        new(host, new PathModifier(kind, value, At), At);

    [Fact]
    public void Rewrite_Hostname_SetsHostRewriteLiteral()
    {
        Assert.Equal("""{"cluster":"default:svc:80","hostRewriteLiteral":"new.example"}""",
            ActionJson(Match(Prefix("/p")), new UrlRewriteFilter("new.example", null, At)));
    }

    [Fact]
    public void Rewrite_FullPath_ReplacesWholePathWithRegex()
    {
        Assert.Equal("""{"cluster":"default:svc:80","regexRewrite":{"pattern":{"regex":"^/.*$"},"substitution":"/one"}}""",
            ActionJson(Match(Prefix("/p")), Path(PathModifierKind.ReplaceFullPath, "/one")));
    }

    [Fact]
    public void Rewrite_PrefixToOtherPrefix_UsesPrefixRewriteWithoutTrailingSlash()
    {
        Assert.Equal("""{"cluster":"default:svc:80","prefixRewrite":"/new"}""",
            ActionJson(Match(Prefix("/old")), Path(PathModifierKind.ReplacePrefixMatch, "/new/")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("")]
    public void Rewrite_PrefixToRoot_StripsMatchedPrefixKeepingOneSlash(string replacement)
    {
        // "/strip.me/x" → "/x"; "/strip.me" → "/". The '.' is quoted as Go's QuoteMeta does.
        Assert.Equal("""{"cluster":"default:svc:80","regexRewrite":{"pattern":{"regex":"^/strip\\.me(/?)(.*)"},"substitution":"/\\2"}}""",
            ActionJson(Match(Prefix("/strip.me")), Path(PathModifierKind.ReplacePrefixMatch, replacement)));
    }

    [Fact]
    public void Rewrite_RootMatchToPrefix_InsertsPrefixBeforeWholePath()
    {
        Assert.Equal("""{"cluster":"default:svc:80","regexRewrite":{"pattern":{"regex":"^/(.*)"},"substitution":"/prefix/\\1"}}""",
            ActionJson(Match(Prefix("/")), Path(PathModifierKind.ReplacePrefixMatch, "/prefix/")));
    }

    [Fact]
    public void Rewrite_NoPathMatch_TreatedAsRootPrefix()
    {
        Assert.Contains("\"substitution\":\"/v2/\\\\1\"", ActionJson(Match(), Path(PathModifierKind.ReplacePrefixMatch, "/v2")));
    }

    [Fact]
    public void QuoteMeta_EscapesExactlyGoMetacharacters()
    {
        Assert.Equal(@"/a\.b\+c\*d\?e\(f\)g\|h\[i\]j\{k\}l\^m\$n\\o-p q#r", GoRegex.QuoteMeta(@"/a.b+c*d?e(f)g|h[i]j{k}l^m$n\o-p q#r"));
    }
}
