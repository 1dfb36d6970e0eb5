using System.Text;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.EnvoyApi.Tests;

public class EnvoyJsonTests
{
    [Fact]
    public void Parse_ListenerWithHcmInAny_ReturnsTypedListenerWithUnpackableHcm()
    {
        Listener listener = EnvoyJson.Parse<Listener>(Samples.ListenerJson);

        Assert.Equal("http-8080", listener.Name);
        Assert.Equal(8080u, listener.Address.SocketAddress.PortValue);
        Any typedConfig = listener.FilterChains[0].Filters[0].TypedConfig;
        Assert.Equal(EnvoyTypeUrls.HttpConnectionManager, typedConfig.TypeUrl);
        HttpConnectionManager hcm = typedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal("ingress_http", hcm.StatPrefix);
        Assert.Equal("backend", hcm.RouteConfig.VirtualHosts[0].Routes[0].Route_.Cluster);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(15)), hcm.RouteConfig.VirtualHosts[0].Routes[0].Route_.Timeout);
        Assert.True(hcm.HttpFilters[0].TypedConfig.Is(Router.Descriptor));
    }

    [Fact]
    public void Parse_ByDescriptor_ReturnsMessageOfThatType()
    {
        IMessage message = EnvoyJson.Parse(EnvoyTypes.FindMessage(EnvoyTypeUrls.ClusterLoadAssignment)!, Samples.ClusterLoadAssignmentJson);

        var cla = Assert.IsType<ClusterLoadAssignment>(message);
        Assert.Equal(2, cla.Endpoints[0].LbEndpoints.Count);
        Assert.Equal(3u, cla.Endpoints[0].LbEndpoints[1].LoadBalancingWeight);
    }

    [Fact]
    public void Parse_UnknownTopLevelField_ThrowsNamingTheField()
    {
        var ex = Assert.Throws<EnvoyJsonException>(() => EnvoyJson.Parse<Listener>("""{ "name": "l", "bogusField": 1 }"""));

        Assert.Contains("bogusField", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Listener.Descriptor.FullName, ex.MessageType);
    }

    [Fact]
    public void Parse_UnknownFieldInsideAnyPayload_ThrowsNamingTheField()
    {
        string json = Samples.ListenerJson.Replace("\"statPrefix\": \"ingress_http\",", "\"statPrefix\": \"ingress_http\", \"notAnHcmField\": true,", StringComparison.Ordinal);
        Assert.NotEqual(Samples.ListenerJson, json);

        var ex = Assert.Throws<EnvoyJsonException>(() => EnvoyJson.Parse<Listener>(json));

        Assert.Contains("notAnHcmField", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnyWithUnknownType_ThrowsNamingTheType()
    {
        const string json = """
            { "name": "l", "listenerFilters": [ { "name": "x", "typedConfig": { "@type": "type.googleapis.com/example.DoesNotExist" } } ] }
            """;

        var ex = Assert.Throws<EnvoyJsonException>(() => EnvoyJson.Parse<Listener>(json));

        Assert.Contains("example.DoesNotExist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_ThrowsEnvoyJsonException()
    {
        Assert.Throws<EnvoyJsonException>(() => EnvoyJson.Parse<Cluster>("{ \"name\": "));
    }

    [Fact]
    public void Format_UsesLowerCamelNamesTypeUrlsAndOmitsDefaults()
    {
        var cluster = new Cluster { Name = "c", ConnectTimeout = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(250)), LbPolicy = Cluster.Types.LbPolicy.RoundRobin };
        cluster.TypedExtensionProtocolOptions.Add("k", Any.Pack(new Router()));

        string json = EnvoyJson.Format(cluster);

        Assert.Equal(
            """{ "name": "c", "connectTimeout": "0.250s", "typedExtensionProtocolOptions": { "k": { "@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router" } } }""",
            json);
    }

    [Fact]
    public void Format_SameMessageTwice_IsByteIdentical()
    {
        Listener listener = EnvoyJson.Parse<Listener>(Samples.ListenerJson);

        byte[] first = Encoding.UTF8.GetBytes(EnvoyJson.Format(listener));
        byte[] second = Encoding.UTF8.GetBytes(EnvoyJson.Format(EnvoyJson.Parse<Listener>(Samples.ListenerJson)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Format_EqualMessagesBuiltInDifferentMapOrder_IsByteIdentical()
    {
        // Maps iterate in insertion order; the formatter must not leak that into the output,
        // including for maps nested in Struct values and inside Any payloads.
        VirtualHost Build(bool reversed)
        {
            var vh = new VirtualHost { Name = "vh" };
            vh.Domains.Add("*");
            string[] keys = ["zeta", "alpha", "mid"];
            foreach (string key in reversed ? keys.Reverse() : keys)
            {
                vh.Metadata ??= new Metadata();
                vh.Metadata.FilterMetadata[key] = Struct.Parser.ParseJson($$"""{ "{{key}}2": 1, "{{key}}1": 2 }""");
                var inner = new RouteConfiguration { Name = key };
                foreach (string k in reversed ? keys.Reverse() : keys)
                {
                    inner.TypedPerFilterConfig[k] = Any.Pack(new Router());
                }

                vh.TypedPerFilterConfig[key] = Any.Pack(inner);
            }

            return vh;
        }

        // The two are semantically equal, but not Equals(): Any compares payload bytes, and
        // binary encoding follows map insertion order too.
        VirtualHost forward = Build(reversed: false);
        VirtualHost backward = Build(reversed: true);
        Assert.Equal(forward.Metadata, backward.Metadata); // map equality ignores order

        string json = EnvoyJson.Format(forward);
        Assert.Equal(json, EnvoyJson.Format(backward));
        Assert.Contains("\"alpha1\": 2, \"alpha2\": 1", json, StringComparison.Ordinal);
        Assert.True(json.IndexOf("\"alpha\"", StringComparison.Ordinal) < json.IndexOf("\"mid\"", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"mid\"", StringComparison.Ordinal) < json.IndexOf("\"zeta\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_MapUnorderedOnlyInsideAnyPayload_SortsIt()
    {
        // The outer message needs no reordering, so only a look inside the payload shows that the copy is needed.
        var inner = new RouteConfiguration { Name = "inner" };
        inner.TypedPerFilterConfig["zeta"] = Any.Pack(new Router());
        inner.TypedPerFilterConfig["alpha"] = Any.Pack(new Router());
        var vh = new VirtualHost { Name = "vh" };
        vh.TypedPerFilterConfig["only"] = Any.Pack(inner);

        string json = EnvoyJson.Format(vh);

        Assert.True(json.IndexOf("\"alpha\"", StringComparison.Ordinal) < json.IndexOf("\"zeta\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_StringWithUnpairedSurrogate_PrintsAsItsBinaryRoundTripDoes()
    {
        // Binary encoding turns an unpaired surrogate into U+FFFD; formatting has always gone through that round trip.
        var cluster = new Cluster { Name = "c\uD800d" };
        Cluster roundTripped = Cluster.Parser.ParseFrom(cluster.ToByteString());

        string json = EnvoyJson.Format(cluster);

        Assert.Equal(EnvoyJson.Format(roundTripped), json);
        Assert.Contains("c\uFFFDd", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_MessageWithMaps_DoesNotReorderTheCallersMessage()
    {
        var cluster = new Cluster { Name = "c" };
        cluster.TypedExtensionProtocolOptions.Add("z", Any.Pack(new Router()));
        cluster.TypedExtensionProtocolOptions.Add("a", Any.Pack(new Router()));

        _ = EnvoyJson.Format(cluster);

        Assert.Equal(["z", "a"], cluster.TypedExtensionProtocolOptions.Keys);
    }

    [Theory]
    [InlineData(nameof(Samples.ListenerJson))]
    [InlineData(nameof(Samples.ClusterJson))]
    [InlineData(nameof(Samples.ClusterLoadAssignmentJson))]
    [InlineData(nameof(Samples.BootstrapJson))]
    public void Format_ParsedSample_RoundTripsToEqualMessageAndStableText(string sample)
    {
        (string json, Google.Protobuf.Reflection.MessageDescriptor type) = SampleByName(sample);
        IMessage original = EnvoyJson.Parse(type, json);

        string compact = EnvoyJson.Format(original);
        IMessage reparsed = EnvoyJson.Parse(type, compact);

        Assert.Equal(original, reparsed);
        Assert.Equal(compact, EnvoyJson.Format(reparsed));
    }

    [Fact]
    public void FormatIndented_Listener_IndentsByTwoSpacesAndParsesBack()
    {
        Listener listener = EnvoyJson.Parse<Listener>(Samples.ListenerJson);

        string indented = EnvoyJson.FormatIndented(listener);

        string[] lines = indented.Split('\n');
        Assert.Equal("{", lines[0]);
        Assert.Equal("  \"name\": \"http-8080\",", lines[1]);
        Assert.Equal("}", lines[^1]);
        Assert.DoesNotContain('\r', indented);
        Assert.Equal(listener, EnvoyJson.Parse<Listener>(indented));
        Assert.Equal(indented, EnvoyJson.FormatIndented(EnvoyJson.Parse<Listener>(EnvoyJson.Format(listener))));
    }

    private static (string Json, Google.Protobuf.Reflection.MessageDescriptor Type) SampleByName(string name) => name switch
    {
        nameof(Samples.ListenerJson) => (Samples.ListenerJson, Listener.Descriptor),
        nameof(Samples.ClusterJson) => (Samples.ClusterJson, Cluster.Descriptor),
        nameof(Samples.ClusterLoadAssignmentJson) => (Samples.ClusterLoadAssignmentJson, ClusterLoadAssignment.Descriptor),
        nameof(Samples.BootstrapJson) => (Samples.BootstrapJson, Envoy.Config.Bootstrap.V3.Bootstrap.Descriptor),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
