using System.Reflection;
using Envoy.Config.Bootstrap.V3;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.GrpcWeb.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Listener.TlsInspector.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Envoy.Extensions.Upstreams.Http.V3;
using Google.Protobuf.Reflection;
using GrpcStatsFilterConfig = Envoy.Extensions.Filters.Http.GrpcStats.V3.FilterConfig;
using CorsFilterConfig = Envoy.Extensions.Filters.Http.Cors.V3.Cors;
using CorsPerRoute = Envoy.Extensions.Filters.Http.Cors.V3.CorsPolicy;

namespace Meshc.EnvoyApi.Tests;

public class EnvoyTypesTests
{
    public static TheoryData<string, MessageDescriptor> TypeUrlConstants => new()
    {
        { EnvoyTypeUrls.Listener, Listener.Descriptor },
        { EnvoyTypeUrls.RouteConfiguration, RouteConfiguration.Descriptor },
        { EnvoyTypeUrls.ScopedRouteConfiguration, ScopedRouteConfiguration.Descriptor },
        { EnvoyTypeUrls.VirtualHost, VirtualHost.Descriptor },
        { EnvoyTypeUrls.Cluster, Cluster.Descriptor },
        { EnvoyTypeUrls.ClusterLoadAssignment, ClusterLoadAssignment.Descriptor },
        { EnvoyTypeUrls.Secret, Secret.Descriptor },
        { EnvoyTypeUrls.Bootstrap, Bootstrap.Descriptor },
        { EnvoyTypeUrls.HttpConnectionManager, HttpConnectionManager.Descriptor },
        { EnvoyTypeUrls.TcpProxy, TcpProxy.Descriptor },
        { EnvoyTypeUrls.Router, Router.Descriptor },
        { EnvoyTypeUrls.GrpcWeb, GrpcWeb.Descriptor },
        { EnvoyTypeUrls.GrpcStats, GrpcStatsFilterConfig.Descriptor },
        { EnvoyTypeUrls.Cors, CorsFilterConfig.Descriptor },
        { EnvoyTypeUrls.CorsPolicy, CorsPerRoute.Descriptor },
        { EnvoyTypeUrls.TlsInspector, TlsInspector.Descriptor },
        { EnvoyTypeUrls.HttpProtocolOptions, HttpProtocolOptions.Descriptor },
        { EnvoyTypeUrls.DownstreamTlsContext, DownstreamTlsContext.Descriptor },
        { EnvoyTypeUrls.UpstreamTlsContext, UpstreamTlsContext.Descriptor },
    };

    [Theory]
    [MemberData(nameof(TypeUrlConstants))]
    public void TypeUrlConstant_ResolvedThroughRegistry_IsTheGeneratedType(string typeUrl, MessageDescriptor expected)
    {
        Assert.Same(expected, EnvoyTypes.FindMessage(typeUrl));
        Assert.Same(expected, EnvoyTypes.TypeRegistry.Find(expected.FullName));
        Assert.Equal(EnvoyTypes.TypeUrlOf(expected), typeUrl);
    }

    [Fact]
    public void TypeUrlConstants_EveryPublicConstant_IsCoveredByTheTheory()
    {
        string[] declared = typeof(EnvoyTypeUrls).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] tested = TypeUrlConstants.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(declared, tested);
    }

    [Theory]
    [InlineData("envoy.config.listener.v3.Listener")]
    [InlineData("type.googleapis.com/envoy.config.listener.v3.Listener")]
    [InlineData("example.com/any/prefix/envoy.config.listener.v3.Listener")]
    public void FindMessage_FullNameOrAnyTypeUrl_ReturnsDescriptor(string name)
    {
        Assert.Same(Listener.Descriptor, EnvoyTypes.FindMessage(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("envoy.config.listener.v3.NoSuchThing")]
    [InlineData("type.googleapis.com/")]
    public void FindMessage_UnknownName_ReturnsNull(string name)
    {
        Assert.Null(EnvoyTypes.FindMessage(name));
    }

    [Fact]
    public void Messages_Catalog_IncludesNestedImportedAndWellKnownTypesButNoMapEntries()
    {
        var names = EnvoyTypes.Messages.Select(m => m.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("envoy.config.cluster.v3.Cluster.CommonLbConfig", names);
        Assert.Contains("google.protobuf.Struct", names);
        Assert.Contains("google.rpc.Status", names);
        Assert.Contains("validate.FieldRules", names);
        Assert.DoesNotContain("envoy.config.core.v3.Metadata.FilterMetadataEntry", names);
        Assert.All(EnvoyTypes.Messages, m => Assert.Same(m, EnvoyTypes.FindMessage(m.FullName)));
        Assert.Equal(EnvoyTypes.Messages.Select(m => m.FullName).Order(StringComparer.Ordinal), EnvoyTypes.Messages.Select(m => m.FullName));
    }

    [Fact]
    public void Files_GeneratedProtos_AreListedOnceInPathOrder()
    {
        string[] names = EnvoyTypes.Files.Select(f => f.Name).ToArray();

        Assert.Contains("envoy/config/bootstrap/v3/bootstrap.proto", names);
        Assert.Contains("validate/validate.proto", names);
        Assert.Equal(names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void ValidateProto_CompiledCopy_HasThePatchedIgnoreEmptyField()
    {
        FieldDescriptor? ignoreEmpty = Validate.StringRules.Descriptor.FindFieldByName("ignore_empty");

        Assert.NotNull(ignoreEmpty);
        Assert.Equal(26, ignoreEmpty.FieldNumber);
    }
}
