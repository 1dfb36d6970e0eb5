using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Completes the SDS secret references of a TLS transport socket as Cilium's agent does: each secret name is
/// qualified (only without a '/'), and a missing SDS config source is filled in, here with the secret's file.
/// </summary>
internal static class TlsCompletion
{
    /// <summary>Completes the TLS context of <paramref name="socket"/> in place, if it has one.</summary>
    public static void Complete(TransportSocket? socket, CecScope scope)
    {
        if (socket is null) return;
        AnyPayload.Edit<DownstreamTlsContext>(socket.TypedConfig, tls =>
        {
            Complete(tls.CommonTlsContext, scope);
            if (tls.SessionTicketKeysSdsSecretConfig is { } keys) Complete(keys, scope);
        });
        AnyPayload.Edit<UpstreamTlsContext>(socket.TypedConfig, tls => Complete(tls.CommonTlsContext, scope));
    }

    /// <summary>Every SDS secret a transport socket reads.</summary>
    public static IEnumerable<SdsSecretConfig> SecretConfigs(TransportSocket? socket)
    {
        if (socket is null) return [];
        if (AnyPayload.As<DownstreamTlsContext>(socket.TypedConfig) is { } down)
            return SecretConfigs(down.CommonTlsContext).Concat(down.SessionTicketKeysSdsSecretConfig is { } k ? [k] : []);
        if (AnyPayload.As<UpstreamTlsContext>(socket.TypedConfig) is { } up) return SecretConfigs(up.CommonTlsContext);
        return [];
    }

    private static void Complete(CommonTlsContext? tls, CecScope scope)
    {
        foreach (var config in SecretConfigs(tls)) Complete(config, scope);
    }

    private static IEnumerable<SdsSecretConfig> SecretConfigs(CommonTlsContext? tls)
    {
        if (tls is null) yield break;
        foreach (var config in tls.TlsCertificateSdsSecretConfigs) yield return config;
        if (tls.ValidationContextSdsSecretConfig is { } validation) yield return validation;
        if (tls.CombinedValidationContext?.ValidationContextSdsSecretConfig is { } combined) yield return combined;
    }

    private static void Complete(SdsSecretConfig config, CecScope scope)
    {
        config.Name = scope.Qualify(config.Name);
        config.SdsConfig ??= XdsFiles.Source(XdsFiles.Secret(config.Name));
    }
}
