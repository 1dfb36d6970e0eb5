using System.Text.Json.Nodes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>Each construct reads into the IR the equivalent YAML gives.</summary>
public sealed class DslReaderTests
{
    private static MeshModel Read(string text)
    {
        var (model, diagnostics) = DslTesting.Read(text);
        Assert.True(diagnostics.Count == 0, DslTesting.Printed(diagnostics));
        return model;
    }

    [Fact]
    public void ReadListener_TlsAndAllow_FillTheListener()
    {
        var gateway = Read("gateway g { listener secure https 443 host *.example.com tls certs, other/cert allow from team=shop kinds HTTPRoute }")
            .Gateways.Single();

        var listener = Assert.Single(gateway.Listeners);
        Assert.Equal((ListenerProtocol.HTTPS, "HTTPS", 443, "*.example.com"), (listener.Protocol, listener.ProtocolText, listener.Port, listener.Hostname));
        Assert.Equal("Terminate", listener.Tls!.Mode);
        Assert.Equal([(null, "certs"), ("other", "cert")], listener.Tls.CertificateRefs.Select(c => (c.Namespace, c.Name)));
        Assert.Equal(NamespacesFrom.Selector, listener.AllowedRoutes.From);
        Assert.Equal("team", listener.AllowedRoutes.Selector!.MatchLabels[0].Key);
        Assert.Equal(RouteGroupKind.HttpRoute, Assert.Single(listener.AllowedRoutes.Kinds));
        Assert.Equal("cilium", gateway.ClassName);
    }

    [Fact]
    public void ReadGatewayClass_IsClusterScoped()
    {
        var model = Read("namespace shop {\n  gateway-class edge controller example.net/edge\n}\n");

        var declared = Assert.Single(model.GatewayClasses, c => c.Meta.Name == "edge");
        Assert.Equal(("", "example.net/edge"), (declared.Meta.Namespace, declared.ControllerName));
    }

    [Fact]
    public void ReadService_PortDefaults_AreTheApiServers()
    {
        var service = Read("service s port 80 port dns 53 udp -> 5353 app-protocol dns select app=s ip 10.0.0.1").Services.Single();

        Assert.Equal(
            [new ServicePort(null, 80, "80", "TCP", null, service.Ports[0].Origin), new ServicePort("dns", 53, "5353", "UDP", "dns", service.Ports[1].Origin)],
            service.Ports);
        Assert.Equal(["10.0.0.1"], service.ClusterIPs);
    }

    [Fact]
    public void ReadService_Endpoints_BecomeItsEndpointSlice()
    {
        var slice = Read("service s port 80 -> 8080 endpoints 127.0.0.1, 127.0.0.2").EndpointSlices.Single();

        Assert.Equal("s", slice.ServiceName);
        Assert.Equal(8080, Assert.Single(slice.Ports).Port);
        Assert.Equal(["127.0.0.1", "127.0.0.2"], slice.Endpoints.Select(e => e.Addresses[0]));
    }

    [Fact]
    public void ReadRule_EveryAction_BecomesItsFilter()
    {
        var rule = Read("""
            route r on gw listener web port 80 host a.example.com {
              rule api: exact /v1 header x-env=canary query debug=1 method post or regex "^/v[0-9]+" to a:80 3, b:80
                redirect scheme https status 301 rewrite prefix /new mirror m:80 25% request set x-a=1 add x-b=2 remove x-c
                response remove server timeout 10s backend 2s retry 2 on 503 backoff 100ms
            }
            """).Routes.Single().Rules.Single();

        Assert.Equal("api", rule.Name);
        Assert.Equal(2, rule.Matches.Count);
        Assert.Equal(("POST", "debug"), (rule.Matches[0].Method, rule.Matches[0].QueryParams[0].Name));
        Assert.Equal([3L, 1L], rule.Backends.Select(b => b.Weight));
        Assert.Equal(["RequestRedirectFilter", "UrlRewriteFilter", "RequestMirrorFilter", "HeaderModifierFilter", "HeaderModifierFilter"],
            rule.Filters.Select(f => f.GetType().Name));
        Assert.Equal(301, ((RequestRedirectFilter)rule.Filters[0]).StatusCode);
        Assert.Equal(25, ((RequestMirrorFilter)rule.Filters[2]).Numerator);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)), (rule.Timeouts!.Request, rule.Timeouts.BackendRequest));
        Assert.Equal([503], rule.Retry!.Codes);
        Assert.Equal(2, rule.Retry.Attempts);
    }

    [Fact]
    public void ReadGrpcRoute_Method_IsAGrpcMethodMatch()
    {
        var route = Read("grpc-route g on gw { rule method helloworld.Greeter/SayHello to greeter:50051 }").Routes.Single();

        Assert.Equal(RouteKind.Grpc, route.Kind);
        var method = route.Rules[0].Matches[0].GrpcMethod!;
        Assert.Equal(("helloworld.Greeter", "SayHello"), (method.Service, method.Method));
    }

    [Fact]
    public void ReadNamespace_Block_ScopesItsStatementsAndDeclaresLabels()
    {
        var model = Read("namespace shop labels team=shop {\n  service cart port 80\n}\nservice web port 80\n");

        Assert.Equal([("default", "web"), ("shop", "cart")], model.Services.Select(s => (s.Meta.Namespace, s.Meta.Name)));
        Assert.Equal("team", Assert.Single(model.Namespaces).Meta.Labels[0].Key);
    }

    [Fact]
    public void ReadSecretAndGrant_DeclareWhatReferencesNeed()
    {
        var model = Read("secret cert tls keys ca.crt\nnamespace infra {\n  grant g from shop HTTPRoute to Service, Secret cert\n}\n");

        var secret = model.Secrets.Single();
        Assert.Equal(("kubernetes.io/tls", true), (secret.Type, secret.HasTlsPair));
        Assert.Equal(["ca.crt", "tls.crt", "tls.key"], secret.Keys);
        var grant = model.ReferenceGrants.Single();
        Assert.Equal(("infra", RouteGroupKind.GatewayGroup, "HTTPRoute", "shop"), (grant.Meta.Namespace, grant.From[0].Group, grant.From[0].Kind, grant.From[0].Namespace));
        Assert.Equal([("", "Service", null), ("", "Secret", "cert")], grant.To.Select(t => (t.Group, t.Kind, t.Name)));
    }

    [Fact]
    public void ReadPolicy_Rules_BecomeThePolicy()
    {
        var policy = Read("policy p select app=db {\n  allow from app=web port 5432, 53 udp\n  allow from * port 80 http GET /books, POST \"/orders/.*\" header x-t=1\n  deny to app=legacy\n}")
            .Policies.Single();

        Assert.Equal("db", policy.Subject.MatchLabels[0].Value);
        Assert.Equal([PolicyAction.Allow, PolicyAction.Allow, PolicyAction.Deny], policy.Rules.Select(r => r.Action));
        Assert.Equal(TrafficDirection.Egress, policy.Rules[2].Direction);
        Assert.Null(policy.Rules[1].Peer);
        Assert.Equal([(5432, "TCP"), (53, "UDP")], policy.Rules[0].Ports.Select(p => (p.Port, p.Protocol)));
        Assert.Equal([("GET", "/books"), ("POST", "/orders/.*")], policy.Rules[1].Http.Select(h => (h.Method, h.Path)));
    }

    [Fact]
    public void ReadServiceRoute_PortsAndOptions_BecomeAGammaRoute()
    {
        var route = Read("""
            service api port 8080
            service api-v2 port 8080
            route split on service api:8080 host api.local {
              rule /v2 to api-v2:8080 request set x-v=2 retry 3 on reset, 503 per-try 500ms
              rule /old redirect host other
              clusters connect-timeout 2s lb least-request outlier consecutive-5xx 5 ejection 30s max-ejection 50%
            }
            """).Routes.Single();

        var parent = Assert.Single(route.ParentRefs);
        Assert.Equal(("", "Service", null, "api", 8080), (parent.Group, parent.Kind, parent.Namespace, parent.Name, parent.Port));
        Assert.Equal(["api.local"], route.Hostnames);
        var retry = route.Rules[0].Retry!;
        Assert.Equal([503], retry.Codes);
        Assert.Equal(["reset"], retry.Conditions);
        Assert.Equal((3, TimeSpan.FromMilliseconds(500)), (retry.Attempts, retry.PerTryTimeout));
        Assert.IsType<RequestRedirectFilter>(Assert.Single(route.Rules[1].Filters));
        Assert.Equal(new UpstreamPolicy(TimeSpan.FromSeconds(2), LoadBalancing.LeastRequest,
            new OutlierDetection(null, 5, null, null, TimeSpan.FromSeconds(30), 50), route.Upstream!.Origin), route.Upstream);
    }
}
