using Meshc.PolicyEngine;
using Meshc.Runtime.Loading;

namespace Meshc.Runtime.Model;

/// <summary>
/// A bundle that passed every check, with the snapshot built from it: what start-up and every reload serve. The one
/// path from bundle content to something the proxy may serve; whatever the content, it answers a bundle or a reason,
/// never an exception, so no bundle can stop a running proxy.
/// </summary>
public sealed record VerifiedBundle(LoadedBundle Bundle, RuntimeSnapshot Snapshot)
{
    /// <summary>
    /// Loads and verifies the bundle folder <paramref name="folder"/>; the TLS secrets its listeners and clusters name
    /// are resolved against <paramref name="secrets"/> (key material never comes from the bundle).
    /// </summary>
    public static (VerifiedBundle? Verified, string? Error) Load(string folder, SecretStore? secrets = null) =>
        Verify(folder, () => BundleLoader.Load(folder), secrets ?? SecretStore.Empty);

    /// <summary>Verifies a bundle given in memory (path → bytes, <c>bundle.json</c> included), named <paramref name="origin"/> in messages.</summary>
    public static (VerifiedBundle? Verified, string? Error) FromFiles(string origin, IReadOnlyDictionary<string, byte[]> files, SecretStore? secrets = null) =>
        Verify(origin, () => BundleLoader.FromFiles(origin, files), secrets ?? SecretStore.Empty);

    private static (VerifiedBundle?, string?) Verify(string origin, Func<BundleLoadResult> load, SecretStore secrets)
    {
        try
        {
            var loaded = load();
            if (loaded.Bundle is not { } bundle) return (null, loaded.Error);
            var (snapshot, error) = BuildSnapshot.From(bundle, secrets);
            if (snapshot is null) return (null, error);
            // A policy section that does not load would leave the new snapshot unenforced: refuse the bundle instead.
            if (bundle.Files.Keys.Any(p => p.StartsWith("bpf/", StringComparison.Ordinal)) && PolicyBundle.Load(bundle.Files) is (null, var policyError))
                return (null, $"{origin}: policy section: {policyError}");
            return (new VerifiedBundle(bundle, snapshot), null);
        }
        catch (Exception e)
        {
            // A check that faults is a bundle this runtime cannot serve, never a reason to stop serving the current one.
            return (null, $"{origin}: internal error while verifying the bundle: {e.GetType().Name}: {e.Message}");
        }
    }
}
