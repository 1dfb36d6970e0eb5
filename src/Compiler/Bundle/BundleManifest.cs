using System.Text;
using System.Text.Json;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Bundle;

/// <summary>One input a bundle was compiled from, with the SHA-256 of its text.</summary>
public sealed record BundleInput(string Path, string Sha256);

/// <summary>One artifact of a bundle: its path inside the bundle, the SHA-256 and the size it must have.</summary>
public sealed record BundleArtifact(string Path, string Sha256, long Size);

/// <summary>
/// <c>bundle.json</c>, the one type its writer (<see cref="BundleBuilder"/>) and its readers (the runtime's loader,
/// <c>meshc diff</c>) share: the file's name, its JSON shape and the rules a manifest must meet
/// (<see cref="Parse"/>). Nothing time- or machine-dependent goes in, so the same output always has the same id.
/// </summary>
public sealed record BundleManifest(int FormatVersion, string Id, string CompilerName, string CompilerVersion,
    IReadOnlyList<BundleInput> Inputs, IReadOnlyList<BundleArtifact> Artifacts)
{
    /// <summary>The manifest's path inside a bundle.</summary>
    public const string FileName = "bundle.json";

    /// <summary>Bumped when the bundle layout changes in a way a runtime must know about.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The largest manifest read (it lists every artifact with two short strings and a number).</summary>
    public const long MaxManifestBytes = 32L * 1024 * 1024;

    /// <summary>The most artifacts one bundle may list.</summary>
    public const int MaxArtifacts = 100_000;

    /// <summary>The largest artifact a bundle may list; the runtime holds every artifact in memory.</summary>
    public const long MaxArtifactBytes = 64L * 1024 * 1024;

    /// <summary>The most all artifacts together may add up to.</summary>
    public const long MaxBundleBytes = 256L * 1024 * 1024;

    // The JSON shape, named once.
    private const string FormatVersionKey = "formatVersion";
    private const string IdKey = "id";
    private const string CompilerKey = "compiler";
    private const string NameKey = "name";
    private const string VersionKey = "version";
    private const string InputsKey = "inputs";
    private const string ArtifactsKey = "artifacts";
    private const string PathKey = "path";
    private const string Sha256Key = "sha256";
    private const string SizeKey = "size";

    /// <summary>The bundle id: SHA-256 over "path sha256" lines of every artifact, in path order.</summary>
    public static string ComputeId(IEnumerable<(string Path, string Sha256)> artifacts)
    {
        var lines = new StringBuilder();
        foreach (var (path, sha) in artifacts.OrderBy(a => a.Path, StringComparer.Ordinal)) lines.Append(path).Append(' ').Append(sha).Append('\n');
        return Hashing.Sha256Hex(Encoding.UTF8.GetBytes(lines.ToString()));
    }

    /// <summary>The id its artifacts give; a sound manifest's <see cref="Id"/> equals it.</summary>
    public string ExpectedId() => ComputeId(Artifacts.Select(a => (a.Path, a.Sha256)));

    /// <summary>The manifest as written into a bundle: indented JSON, inputs and artifacts in path order, a final newline.</summary>
    public byte[] ToJson()
    {
        var manifest = new MemoryStream();
        using (var json = new Utf8JsonWriter(manifest, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber(FormatVersionKey, FormatVersion);
            json.WriteString(IdKey, Id);
            json.WriteStartObject(CompilerKey);
            json.WriteString(NameKey, CompilerName);
            json.WriteString(VersionKey, CompilerVersion);
            json.WriteEndObject();
            json.WriteStartArray(InputsKey);
            foreach (var input in Inputs.OrderBy(i => i.Path, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString(PathKey, input.Path);
                json.WriteString(Sha256Key, input.Sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray(ArtifactsKey);
            foreach (var artifact in Artifacts.OrderBy(a => a.Path, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString(PathKey, artifact.Path);
                json.WriteString(Sha256Key, artifact.Sha256);
                json.WriteNumber(SizeKey, artifact.Size);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        manifest.WriteByte((byte)'\n');
        return manifest.ToArray();
    }

    /// <summary>
    /// Reads <paramref name="json"/> as a manifest, checking it as a schema would: every field present with its type,
    /// no other field, hashes as 64 lower-case hex digits, a supported format version, artifact paths that stay inside
    /// the bundle (<see cref="BundlePaths.Problem"/>), listed once, and sizes within the limits above.
    /// </summary>
    public static (BundleManifest? Manifest, string? Error) Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxManifestBytes) return (null, $"{FileName} is {json.Length} bytes, over the limit of {MaxManifestBytes}");
        JsonDocument document;
        try
        {
            // The manifest nests three levels; anything deeper is not a manifest.
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            return (null, $"{FileName} is not JSON: {e.Message}");
        }
        using (document)
        {
            try
            {
                return (Read(document.RootElement), null);
            }
            catch (ManifestException e)
            {
                return (null, $"{FileName}: {e.Message}");
            }
        }
    }

    private static BundleManifest Read(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "the manifest");
        // The version first: a manifest of another format is refused for that, whatever else it holds.
        var version = Integer(Member(root, FormatVersionKey, "the manifest"), FormatVersionKey);
        if (version != CurrentFormatVersion)
            throw new ManifestException($"format version {version} is not supported (this meshc reads {CurrentFormatVersion})");
        Only(root, "the manifest", FormatVersionKey, IdKey, CompilerKey, InputsKey, ArtifactsKey);
        var id = Hash(Member(root, IdKey, "the manifest"), IdKey);
        var compiler = Member(root, CompilerKey, "the manifest");
        Expect(compiler, JsonValueKind.Object, CompilerKey);
        Only(compiler, CompilerKey, NameKey, VersionKey);
        var compilerName = String(Member(compiler, NameKey, CompilerKey), "compiler.name", 64);
        var compilerVersion = String(Member(compiler, VersionKey, CompilerKey), "compiler.version", 64);

        var inputs = new List<BundleInput>();
        foreach (var (input, at) in Array(Member(root, InputsKey, "the manifest"), InputsKey))
        {
            Expect(input, JsonValueKind.Object, at);
            Only(input, at, PathKey, Sha256Key);
            inputs.Add(new BundleInput(String(Member(input, PathKey, at), $"{at}.path", 4096), Hash(Member(input, Sha256Key, at), $"{at}.sha256")));
        }

        var artifacts = new List<BundleArtifact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var (artifact, at) in Array(Member(root, ArtifactsKey, "the manifest"), ArtifactsKey))
        {
            if (artifacts.Count == MaxArtifacts) throw new ManifestException($"more than {MaxArtifacts} artifacts");
            Expect(artifact, JsonValueKind.Object, at);
            Only(artifact, at, PathKey, Sha256Key, SizeKey);
            var path = String(Member(artifact, PathKey, at), $"{at}.path", BundlePaths.MaxLength);
            if (BundlePaths.Problem(path) is { } problem) throw new ManifestException($"{at}.path '{path}' {problem}");
            if (!seen.Add(path)) throw new ManifestException($"{at}.path '{path}' is listed twice");
            var size = Integer(Member(artifact, SizeKey, at), $"{at}.size");
            if (size < 0 || size > MaxArtifactBytes) throw new ManifestException($"{at}.size {size} is outside 0…{MaxArtifactBytes}");
            total += size;
            if (total > MaxBundleBytes) throw new ManifestException($"the artifacts add up to more than {MaxBundleBytes} bytes");
            artifacts.Add(new BundleArtifact(path, Hash(Member(artifact, Sha256Key, at), $"{at}.sha256"), size));
        }
        return new BundleManifest((int)version, id, compilerName, compilerVersion, inputs, artifacts);
    }

    private static void Expect(JsonElement e, JsonValueKind kind, string what)
    {
        if (e.ValueKind != kind) throw new ManifestException($"{what} must be {Describe(kind)}, not {Describe(e.ValueKind)}");
    }

    private static JsonElement Member(JsonElement obj, string name, string owner) =>
        obj.TryGetProperty(name, out var value) ? value : throw new ManifestException($"{owner} has no '{name}'");

    private static void Only(JsonElement obj, string owner, params string[] names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal)) throw new ManifestException($"{owner} has an unknown field '{property.Name}'");
            if (!seen.Add(property.Name)) throw new ManifestException($"{owner} has '{property.Name}' twice");
        }
    }

    private static long Integer(JsonElement e, string what)
    {
        Expect(e, JsonValueKind.Number, what);
        return e.TryGetInt64(out var n) ? n : throw new ManifestException($"{what} must be a whole number, not {e.GetRawText()}");
    }

    private static string String(JsonElement e, string what, int maxLength)
    {
        Expect(e, JsonValueKind.String, what);
        var s = e.GetString()!;
        return s.Length <= maxLength ? s : throw new ManifestException($"{what} is longer than {maxLength} characters");
    }

    private static string Hash(JsonElement e, string what)
    {
        var s = String(e, what, 64);
        return s.Length == 64 && s.All(char.IsAsciiHexDigitLower) ? s : throw new ManifestException($"{what} must be 64 lower-case hex digits (a SHA-256)");
    }

    private static IEnumerable<(JsonElement Item, string At)> Array(JsonElement e, string what)
    {
        Expect(e, JsonValueKind.Array, what);
        var i = 0;
        foreach (var item in e.EnumerateArray()) yield return (item, $"{what}[{i++}]");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private sealed class ManifestException(string message) : Exception(message);
}
