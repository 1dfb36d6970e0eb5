using Meshc.Compiler.Cli;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Formatting;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary><c>meshc fmt</c>: one canonical layout, idempotent, every comment kept; the examples and golden inputs are in it.</summary>
public sealed class DslFormatterTests
{
    private static string Format(string text) => DslFormatter.Format(new SourceText("f.dsl", text), new DiagnosticBag())!;

    public static TheoryData<string> CommittedDslFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "examples", "tests/golden/cases/dsl" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.dsl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CommittedDslFiles))]
    public void Format_CommittedFile_IsAlreadyCanonicalOrHasSyntaxErrors(string file)
    {
        var source = new SourceText(file, File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)));
        var diagnostics = new DiagnosticBag();
        var formatted = DslFormatter.Format(source, diagnostics);

        if (formatted is null) Assert.Contains("/errors/", file);
        else Assert.Equal(source.Text, formatted);
    }

    [Fact]
    public void Format_MessyFile_GivesCanonicalLayoutAndKeepsComments()
    {
        const string messy = """
            # head

               gateway   gw { # about gw
              listener a http 80   # first
              # before b
              listener b https 443 host *.example.com tls passthrough
              class other }
            service s { port http 80 -> 8080 # the port
             select app=s }
            route r { on gw listener a
              rule api: /api header x-a=1 , x-b~"^a" to s:80 9 , t:80 1
            # closing
            }
            """;
        const string expected = """
            # head

            gateway gw class other { # about gw
              listener a http 80 # first
              # before b
              listener b https 443 host *.example.com tls passthrough
            }
            service s {
              port http 80 -> 8080 # the port
              select app=s
            }
            route r on gw listener a {
              rule api: /api header x-a=1, x-b~"^a" to s:80 9, t:80 1
              # closing
            }

            """;

        var once = Format(messy);

        Assert.Equal(expected, once);
        Assert.Equal(once, Format(once));
    }

    [Fact]
    public void Format_LongService_BreaksIntoOneClausePerLine()
    {
        var line = "service s port 80 select app=s, tier=web, team=shop, version=v1, zone=a, ring=canary, owner=someone, x=y";
        Assert.Equal("service s {\n  port 80\n  select app=s, tier=web, team=shop, version=v1, zone=a, ring=canary, owner=someone, x=y\n}\n", Format(line));
    }

    [Fact]
    public void FmtCheck_UnformattedFile_ExitsOneAndNamesIt()
    {
        var folder = Directory.CreateTempSubdirectory("meshc-fmt");
        try
        {
            var path = Path.Combine(folder.FullName, "a.dsl");
            File.WriteAllText(path, "service   a port 80\n");
            var (stdout, stderr) = (new StringWriter(), new StringWriter());

            var check = MeshcCommand.Run(["fmt", "--check", path], stdout, stderr);
            var write = MeshcCommand.Run(["fmt", "--write", path], stdout, stderr);
            var recheck = MeshcCommand.Run(["fmt", "--check", path], new StringWriter(), stderr);

            Assert.Equal((1, 0, 0), (check, write, recheck));
            Assert.Contains("a.dsl", stdout.ToString());
            Assert.Equal("service a port 80\n", File.ReadAllText(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
