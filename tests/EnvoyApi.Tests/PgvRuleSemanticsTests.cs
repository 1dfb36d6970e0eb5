using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Meshc.EnvoyApi.Validation;

namespace Meshc.EnvoyApi.Tests;

/// <summary>Rule semantics, checked through the real Envoy fields that carry each rule.</summary>
public class PgvRuleSemanticsTests
{
    [Theory]
    [InlineData("", false)]                 // ignore_empty: empty means "unset"
    [InlineData("x-sni-host", false)]
    [InlineData("bad header", true)]        // strict header names have no spaces
    public void Validate_OverrideAutoSniHeaderWithIgnoreEmpty_ChecksOnlyNonEmptyValues(string header, bool violates)
    {
        var options = new UpstreamHttpProtocolOptions { OverrideAutoSniHeader = header };

        var violations = PgvValidator.Validate(options);

        Assert.Equal(violates, violations.Any(v => v is { FieldPath: "override_auto_sni_header", Rule: "string.well_known_regex" }));
    }

    [Theory]
    [InlineData(0u, "filter_chain_match.source_ports[1]", "uint32.gte")]
    [InlineData(65536u, "filter_chain_match.source_ports[1]", "uint32.lte")]
    public void Validate_RepeatedItemRulesOnSourcePorts_ReportIndexedPath(uint port, string path, string rule)
    {
        var chain = new FilterChain { FilterChainMatch = new FilterChainMatch() };
        chain.FilterChainMatch.SourcePorts.Add([443, port, 8443]);

        PgvViolation violation = Assert.Single(PgvValidator.Validate(chain));

        Assert.Equal((path, rule), (violation.FieldPath, violation.Rule));
    }

    [Fact]
    public void Validate_MoreThanMaxItemsHeadersToAdd_ReportsMaxItems()
    {
        var vh = new VirtualHost { Name = "vh" };
        vh.Domains.Add("*");
        for (int i = 0; i < 1001; i++)
        {
            vh.RequestHeadersToAdd.Add(new HeaderValueOption { Header = new HeaderValue { Key = "x-h", Value = "v" } });
        }

        PgvViolation violation = Assert.Single(PgvValidator.Validate(vh));

        Assert.Equal(("request_headers_to_add", "repeated.max_items"), (violation.FieldPath, violation.Rule));
    }

    [Fact]
    public void Validate_HeaderValueOptionWithoutHeader_ReportsMessageRequired()
    {
        var vh = new VirtualHost { Name = "vh" };
        vh.Domains.Add("*");
        vh.RequestHeadersToAdd.Add(new HeaderValueOption());

        PgvViolation violation = Assert.Single(PgvValidator.Validate(vh));

        Assert.Equal(("request_headers_to_add[0].header", "message.required"), (violation.FieldPath, violation.Rule));
    }

    [Fact]
    public void Validate_HeaderKeyOverMaxBytes_ReportsMaxBytesCountingUtf8Bytes()
    {
        // 8193 two-byte characters: 8193 code points but 16386 UTF-8 bytes (> 16384).
        var header = new HeaderValue { Key = "x-" + new string('é', 8193), Value = "v" };

        var rules = PgvValidator.Validate(header).Select(v => v.Rule).ToList();

        Assert.Contains("string.max_bytes", rules);
    }

    [Fact]
    public void Validate_BoolConstOnAnyMatch_RejectsFalse()
    {
        var predicate = new ListenerFilterChainMatchPredicate { AnyMatch = false };

        PgvViolation violation = Assert.Single(PgvValidator.Validate(predicate));

        Assert.Equal(("any_match", "bool.const"), (violation.FieldPath, violation.Rule));
    }

    [Fact]
    public void Validate_Violations_AreReportedInFieldOrderIndependentOfMapInsertion()
    {
        static Metadata Build(params string[] keys)
        {
            var metadata = new Metadata();
            foreach (string key in keys)
            {
                metadata.TypedFilterMetadata.Add(key, new Google.Protobuf.WellKnownTypes.Any { TypeUrl = "type.googleapis.com/x." + key });
            }

            return metadata;
        }

        var forward = PgvValidator.Validate(Build("b", "a", "c"));
        var backward = PgvValidator.Validate(Build("c", "a", "b"));

        Assert.Equal(forward, backward);
        Assert.Equal(["typed_filter_metadata[\"a\"]", "typed_filter_metadata[\"b\"]", "typed_filter_metadata[\"c\"]"], forward.Select(v => v.FieldPath));
    }
}
