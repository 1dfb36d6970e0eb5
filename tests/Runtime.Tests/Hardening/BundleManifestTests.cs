using System.Text;
using Meshc.Compiler.Bundle;

namespace Meshc.Runtime.Tests.Hardening;

/// <summary>
/// bundle.json is checked as a schema: every malformed manifest is a refusal with a reason, never an exception (one
/// with a short hash made the runtime throw from its reload timer and end the process).
/// </summary>
public sealed class BundleManifestTests
{
    private static readonly string Sha = new('a', 64);

    private static string Manifest(string artifacts = "", string id = "", string version = "1", string extra = "") =>
        $$"""{"formatVersion": {{version}}, "id": "{{(id.Length > 0 ? id : Sha)}}", "compiler": {"name": "meshc", "version": "0.1.0"}, "inputs": [], "artifacts": [{{artifacts}}]{{extra}}}""";

    private static string Artifact(string path, string sha = "", string size = "3") =>
        $$"""{"path": "{{path}}", "sha256": "{{(sha.Length > 0 ? sha : Sha)}}", "size": {{size}}}""";

    public static TheoryData<string, string> Malformed() => new()
    {
        { "[]", "must be an object" },
        { "{}", "no 'formatVersion'" },
        { Manifest(version: "2"), "format version 2 is not supported" },
        { Manifest(version: "\"1\""), "formatVersion must be a number" },
        { Manifest(version: "1.5"), "whole number" },
        { Manifest(id: "abc"), "id must be 64 lower-case hex digits" },
        { Manifest(id: new string('A', 64)), "id must be 64 lower-case hex digits" },
        { Manifest(extra: ", \"more\": 1"), "unknown field 'more'" },
        { Manifest(Artifact("xds/a.json", sha: "ab")), "artifacts[0].sha256 must be 64 lower-case hex digits" },
        { Manifest(Artifact("xds/a.json", size: "-1")), "artifacts[0].size -1 is outside" },
        { Manifest(Artifact("xds/a.json", size: "99999999999999")), "is outside" },
        { Manifest(Artifact("xds/a.json", size: "\"3\"")), "size must be a number" },
        { Manifest(Artifact("../../etc/passwd")), "must stay inside the bundle" },
        { Manifest(Artifact("xds/../../x")), "must stay inside the bundle" },
        { Manifest(Artifact("/etc/passwd")), "is absolute" },
        { Manifest(Artifact("xds//a.json")), "empty" },
        { Manifest(Artifact("xds\\\\a.json")), "backslash" },
        { Manifest(Artifact("bundle.json")), "names the manifest itself" },
        { Manifest(Artifact("a") + ", " + Artifact("a")), "listed twice" },
        { Manifest("1"), "artifacts[0] must be an object" },
        { "{\"formatVersion\": 1" + new string('[', 100), "not JSON" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedManifest_IsRefusedWithItsReason(string json, string reason)
    {
        var (manifest, error) = BundleManifest.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Null(manifest);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void WrittenManifest_ReadsBackAsTheSameManifest()
    {
        var written = new BundleManifest(1, Sha, "meshc", "0.1.0", [new BundleInput("in.yaml", Sha)], [new BundleArtifact("xds/a.json", Sha, 3)]);
        var (read, error) = BundleManifest.Parse(written.ToJson());
        Assert.Null(error);
        Assert.Equal(written.ToJson(), read!.ToJson());
    }
}
