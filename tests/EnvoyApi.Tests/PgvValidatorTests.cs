using Envoy.Config.Bootstrap.V3;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Meshc.EnvoyApi.Validation;

namespace Meshc.EnvoyApi.Tests;

public class PgvValidatorTests
{
    [Fact]
    public void Validate_SampleClusterLoadAssignment_HasNoViolations()
    {
        var cla = EnvoyJson.Parse<ClusterLoadAssignment>(Samples.ClusterLoadAssignmentJson);

        Assert.Empty(PgvValidator.Validate(cla));
    }

    [Theory]
    [InlineData(nameof(Samples.ListenerJson))]
    [InlineData(nameof(Samples.ClusterJson))]
    [InlineData(nameof(Samples.BootstrapJson))]
    public void Validate_OtherValidSamples_HaveNoViolations(string sample)
    {
        IMessage message = sample switch
        {
            nameof(Samples.ListenerJson) => EnvoyJson.Parse<Listener>(Samples.ListenerJson),
            nameof(Samples.ClusterJson) => EnvoyJson.Parse<Cluster>(Samples.ClusterJson),
            _ => EnvoyJson.Parse<Bootstrap>(Samples.BootstrapJson),
        };

        Assert.Empty(PgvValidator.Validate(message));
    }

    [Fact]
    public void Validate_ListenerWithEmptyFilterName_ReportsStringMinLenAtFilterPath()
    {
        Listener listener = EnvoyJson.Parse<Listener>(Samples.ListenerJson);
        listener.FilterChains[0].Filters[0].Name = "";

        PgvViolation violation = Assert.Single(PgvValidator.Validate(listener));

        Assert.Equal("filter_chains[0].filters[0].name", violation.FieldPath);
        Assert.Equal("string.min_len", violation.Rule);
        Assert.Equal("filter_chains[0].filters[0].name: string.min_len: must be at least 1 characters long, got 0", violation.ToString());
    }

    [Fact]
    public void Validate_HcmInsideAnyWithEmptyStatPrefix_ReportsPathThroughTheAny()
    {
        Listener listener = EnvoyJson.Parse<Listener>(Samples.ListenerJson);
        Envoy.Config.Listener.V3.Filter filter = listener.FilterChains[0].Filters[0];
        HttpConnectionManager hcm = filter.TypedConfig.Unpack<HttpConnectionManager>();
        hcm.StatPrefix = "";
        filter.TypedConfig = Any.Pack(hcm);

        PgvViolation violation = Assert.Single(PgvValidator.Validate(listener));

        Assert.Equal("filter_chains[0].filters[0].typed_config.stat_prefix", violation.FieldPath);
        Assert.Equal("string.min_len", violation.Rule);
    }

    [Fact]
    public void Validate_AnyWithUnknownType_ReportsUnknownType()
    {
        var listener = new Listener { Name = "l" };
        listener.ListenerFilters.Add(new ListenerFilter { Name = "x", TypedConfig = new Any { TypeUrl = "type.googleapis.com/example.Nope" } });

        PgvViolation violation = Assert.Single(PgvValidator.Validate(listener));

        Assert.Equal("listener_filters[0].typed_config", violation.FieldPath);
        Assert.Equal("any.known_type", violation.Rule);
        Assert.Contains("example.Nope", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClusterWithZeroTimeoutUndefinedEnumAndSmallWrapper_ReportsEachRule()
    {
        var cluster = EnvoyJson.Parse<Cluster>(Samples.ClusterJson);
        cluster.ConnectTimeout = new Duration();                        // duration.gt {}
        cluster.LbPolicy = (Cluster.Types.LbPolicy)99;                  // enum.defined_only
        cluster.LeastRequestLbConfig = new Cluster.Types.LeastRequestLbConfig { ChoiceCount = 1 }; // uint32 wrapper gte 2
        cluster.DnsRefreshRate = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(-5)); // duration.gt 1ms

        var rules = PgvValidator.Validate(cluster).Select(v => (v.FieldPath, v.Rule)).ToList();

        Assert.Equal(
            [
                ("connect_timeout", "duration.gt"),
                ("lb_policy", "enum.defined_only"),
                ("dns_refresh_rate", "duration.gt"),
                ("least_request_lb_config.choice_count", "uint32.gte"),
            ],
            rules.OrderBy(r => r.FieldPath == "least_request_lb_config.choice_count").ToList());
    }

    [Fact]
    public void Validate_ClusterWithValidWrapperValues_HasNoViolations()
    {
        var cluster = EnvoyJson.Parse<Cluster>(Samples.ClusterJson);
        cluster.LeastRequestLbConfig = new Cluster.Types.LeastRequestLbConfig { ChoiceCount = 2 };
        cluster.PreconnectPolicy = new Cluster.Types.PreconnectPolicy { PerUpstreamPreconnectRatio = 3.0 };

        Assert.Empty(PgvValidator.Validate(cluster));
    }

    [Theory]
    [InlineData(0.99, true)]
    [InlineData(1.0, false)]
    [InlineData(3.0, false)]
    [InlineData(3.01, true)]
    public void Validate_PreconnectRatioAgainstDoubleRange_ViolatesOnlyOutsideOneToThree(double ratio, bool violates)
    {
        var cluster = EnvoyJson.Parse<Cluster>(Samples.ClusterJson);
        cluster.PreconnectPolicy = new Cluster.Types.PreconnectPolicy { PerUpstreamPreconnectRatio = ratio };

        var violations = PgvValidator.Validate(cluster);

        Assert.Equal(violates, violations.Any(v => v.FieldPath == "preconnect_policy.per_upstream_preconnect_ratio" && v.Rule.StartsWith("double.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_RouteWithEmptyWeightedClusters_ReportsMinItems()
    {
        var route = new Route
        {
            Match = new RouteMatch { Prefix = "/" },
            Route_ = new RouteAction { WeightedClusters = new WeightedCluster() },
        };

        PgvViolation violation = Assert.Single(PgvValidator.Validate(route));

        Assert.Equal("route.weighted_clusters.clusters", violation.FieldPath);
        Assert.Equal("repeated.min_items", violation.Rule);
    }

    [Fact]
    public void Validate_RouteWithoutAction_ReportsRequiredOneofs()
    {
        var route = new Route { Match = new RouteMatch { Prefix = "/" } };
        var emptyAction = new Route { Match = new RouteMatch { Prefix = "/" }, Route_ = new RouteAction() };

        PgvViolation missingAction = Assert.Single(PgvValidator.Validate(route));
        PgvViolation missingCluster = Assert.Single(PgvValidator.Validate(emptyAction));

        Assert.Equal(("action", "oneof.required"), (missingAction.FieldPath, missingAction.Rule));
        Assert.Equal(("route.cluster_specifier", "oneof.required"), (missingCluster.FieldPath, missingCluster.Rule));
    }

    [Fact]
    public void Validate_RuntimeFeatureFlagWithoutDefault_ReportsMessageRequired()
    {
        var flag = new RuntimeFeatureFlag { RuntimeKey = "k" };

        PgvViolation violation = Assert.Single(PgvValidator.Validate(flag));

        Assert.Equal(("default_value", "message.required"), (violation.FieldPath, violation.Rule));
    }

    [Fact]
    public void Validate_EndpointPortAboveRange_ReportsUint32Lte()
    {
        var cla = EnvoyJson.Parse<ClusterLoadAssignment>(Samples.ClusterLoadAssignmentJson);
        cla.Endpoints[0].LbEndpoints[1].Endpoint.Address.SocketAddress.PortValue = 70000;

        PgvViolation violation = Assert.Single(PgvValidator.Validate(cla));

        Assert.Equal("endpoints[0].lb_endpoints[1].endpoint.address.socket_address.port_value", violation.FieldPath);
        Assert.Equal("uint32.lte", violation.Rule);
        Assert.Contains("70000", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointWithZeroWeightAndNoAddress_ReportsBoth()
    {
        var cla = EnvoyJson.Parse<ClusterLoadAssignment>(Samples.ClusterLoadAssignmentJson);
        cla.Endpoints[0].LbEndpoints[1].LoadBalancingWeight = 0;
        cla.Endpoints[0].LbEndpoints[0].Endpoint.Address = new Address();

        var found = PgvValidator.Validate(cla).Select(v => (v.FieldPath, v.Rule)).ToList();

        Assert.Equal(
            [
                ("endpoints[0].lb_endpoints[0].endpoint.address.address", "oneof.required"),
                ("endpoints[0].lb_endpoints[1].load_balancing_weight", "uint32.gte"),
            ],
            found);
    }

    [Fact]
    public void Validate_HeaderMatcherNameWithNewline_ReportsWellKnownRegex()
    {
        var match = new RouteMatch { Prefix = "/" };
        match.Headers.Add(new HeaderMatcher { Name = "x-ok", PresentMatch = true });
        match.Headers.Add(new HeaderMatcher { Name = "x-bad\r\nInjected: 1", PresentMatch = true });

        PgvViolation violation = Assert.Single(PgvValidator.Validate(match));

        Assert.Equal(("headers[1].name", "string.well_known_regex"), (violation.FieldPath, violation.Rule));
    }

    [Fact]
    public void Validate_MapValueAnyWithUnknownType_ReportsPathWithQuotedKey()
    {
        var vh = new VirtualHost { Name = "vh" };
        vh.Domains.Add("*");
        vh.TypedPerFilterConfig.Add("envoy.filters.http.router", Any.Pack(new Router()));
        vh.TypedPerFilterConfig.Add("envoy.filters.http.bogus", new Any { TypeUrl = "type.googleapis.com/bogus.Type" });

        PgvViolation violation = Assert.Single(PgvValidator.Validate(vh));

        Assert.Equal("typed_per_filter_config[\"envoy.filters.http.bogus\"]", violation.FieldPath);
        Assert.Equal("any.known_type", violation.Rule);
    }

    [Fact]
    public void Validate_MetadataWithEmptyMapKey_ReportsMapKeyRule()
    {
        var metadata = new Metadata();
        metadata.FilterMetadata.Add("", new Struct());

        PgvViolation violation = Assert.Single(PgvValidator.Validate(metadata));

        Assert.Equal(("filter_metadata[\"\"]", "string.min_len"), (violation.FieldPath, violation.Rule));
    }

    [Fact]
    public void Validate_UnsetOneofMembersAndUnsetOptionalMessages_AreNotChecked()
    {
        // SocketAddress.address has min_len 1 but only a set field is checked when it is in a
        // oneof; here the address oneof is simply unset at the Listener level.
        var listener = new Listener { Name = "l" };

        Assert.Empty(PgvValidator.Validate(listener));
    }

    [Fact]
    public void Validate_ProgrammaticHttpFilterWithRouterAny_HasNoViolations()
    {
        var hcm = new HttpConnectionManager
        {
            StatPrefix = "s",
            Rds = new Rds { RouteConfigName = "r", ConfigSource = new ConfigSource { Ads = new AggregatedConfigSource() } },
        };
        hcm.HttpFilters.Add(new HttpFilter { Name = "envoy.filters.http.router", TypedConfig = Any.Pack(new Router()) });

        Assert.Empty(PgvValidator.Validate(Any.Pack(hcm)));
    }
}
