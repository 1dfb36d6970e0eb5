using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Meshc.EnvoyApi;

namespace Meshc.Server.Resources;

/// <summary>
/// Turns a bundle resource into the form a client of the server needs. A bundle's config sources read files next to
/// it (<c>path_config_source</c>); served over ADS, each of them becomes <c>ads: {}</c> (routes, endpoints and
/// secret names arrive on the same stream), wherever it sits, inside <c>Any</c> typed configs too. Endpoint
/// localities without a locality or weight get an empty locality and weight 1: gRPC's xDS clients refuse a locality
/// that is not set (gRFC A27), and Envoy ignores both unless the cluster asks for locality-weighted balancing. A
/// cluster's outlier detection gets Envoy's success-rate defaults written out (the same behaviour for Envoy).
/// </summary>
public static class AdsForm
{
    private static readonly string ConfigSourceName = ConfigSource.Descriptor.FullName;
    private static readonly string AnyName = Any.Descriptor.FullName;

    /// <summary>Rewrites <paramref name="message"/> in place.</summary>
    public static void Apply(IMessage message)
    {
        Walk(message);
        if (message is ClusterLoadAssignment assignment) FillLocalities(assignment);
        if (message is Envoy.Config.Cluster.V3.Cluster { OutlierDetection: { } outlier }) FillSuccessRateDefaults(outlier);
    }

    /// <summary>Returns true when something under <paramref name="message"/> changed.</summary>
    private static bool Walk(IMessage message)
    {
        if (message.Descriptor.FullName == ConfigSourceName) return ToAds((ConfigSource)message);
        if (message.Descriptor.FullName == AnyName) return WalkAny((Any)message);
        var changed = false;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message) continue;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var valueField = field.MessageType.FindFieldByNumber(2);
                if (valueField.FieldType != FieldType.Message) continue;
                foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
                    if (entry.Value is IMessage m) changed |= Walk(m);
            }
            else if (field.IsRepeated)
            {
                foreach (var item in (System.Collections.IList)value)
                    if (item is IMessage m) changed |= Walk(m);
            }
            else if (value is IMessage m)
            {
                changed |= Walk(m);
            }
        }
        return changed;
    }

    private static bool ToAds(ConfigSource source)
    {
        if (source.ConfigSourceSpecifierCase is not (ConfigSource.ConfigSourceSpecifierOneofCase.Path or ConfigSource.ConfigSourceSpecifierOneofCase.PathConfigSource))
            return false;
        source.Ads = new AggregatedConfigSource();
        source.ResourceApiVersion = ApiVersion.V3;
        return true;
    }

    private static bool WalkAny(Any any)
    {
        if (EnvoyTypes.FindMessage(any.TypeUrl) is not { } descriptor) return false;
        var inner = descriptor.Parser.ParseFrom(any.Value);
        if (!Walk(inner)) return false;
        any.Value = inner.ToByteString();
        return true;
    }

    // Envoy's documented defaults, written out: grpc-js-xds copies an unset field over its own default as undefined,
    // and its outlier detection then fails on its first success-rate check (an empty list of candidates).
    private static void FillSuccessRateDefaults(Envoy.Config.Cluster.V3.OutlierDetection outlier)
    {
        outlier.EnforcingSuccessRate ??= 100;
        outlier.SuccessRateMinimumHosts ??= 5;
        outlier.SuccessRateRequestVolume ??= 100;
        outlier.SuccessRateStdevFactor ??= 1900;
    }

    private static void FillLocalities(ClusterLoadAssignment assignment)
    {
        foreach (var locality in assignment.Endpoints)
        {
            locality.Locality ??= new Locality();
            locality.LoadBalancingWeight ??= 1;
        }
    }
}
