namespace Meshc.Runtime.Loading;

/// <summary>The parts of <c>bundle.json</c> a runtime relies on.</summary>
public sealed record BundleManifest(int FormatVersion, string Id, string CompilerVersion, IReadOnlyList<BundleArtifact> Artifacts);

/// <summary>One artifact listed in the manifest, with the hash it must have.</summary>
public sealed record BundleArtifact(string Path, string Sha256, long Size);
