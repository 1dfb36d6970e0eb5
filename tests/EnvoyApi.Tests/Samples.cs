namespace Meshc.EnvoyApi.Tests;

/// <summary>Envoy JSON documents shared by the tests, written as Envoy's docs show them.</summary>
internal static class Samples
{
    /// <summary>A listener with an HTTP connection manager (in an Any) routing to one cluster.</summary>
    public const string ListenerJson = """
        {
          "name": "http-8080",
          "address": { "socketAddress": { "address": "0.0.0.0", "portValue": 8080 } },
          "filterChains": [
            {
              "filters": [
                {
                  "name": "envoy.filters.network.http_connection_manager",
                  "typedConfig": {
                    "@type": "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                    "statPrefix": "ingress_http",
                    "routeConfig": {
                      "name": "local_route",
                      "virtualHosts": [
                        {
                          "name": "backend",
                          "domains": ["*"],
                          "routes": [
                            { "match": { "prefix": "/" }, "route": { "cluster": "backend", "timeout": "15s" } }
                          ]
                        }
                      ]
                    },
                    "httpFilters": [
                      {
                        "name": "envoy.filters.http.router",
                        "typedConfig": { "@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router" }
                      }
                    ]
                  }
                }
              ]
            }
          ]
        }
        """;

    /// <summary>An EDS assignment with two endpoints in one locality.</summary>
    public const string ClusterLoadAssignmentJson = """
        {
          "clusterName": "backend",
          "endpoints": [
            {
              "locality": { "region": "eu-west-1", "zone": "a" },
              "lbEndpoints": [
                { "endpoint": { "address": { "socketAddress": { "address": "10.0.0.1", "portValue": 8080 } } } },
                {
                  "endpoint": { "address": { "socketAddress": { "address": "10.0.0.2", "portValue": 8080 } } },
                  "loadBalancingWeight": 3
                }
              ]
            }
          ],
          "policy": { "overprovisioningFactor": 140 }
        }
        """;

    /// <summary>A STRICT_DNS cluster with HTTP/2 upstream protocol options.</summary>
    public const string ClusterJson = """
        {
          "name": "backend",
          "type": "STRICT_DNS",
          "connectTimeout": "0.250s",
          "lbPolicy": "ROUND_ROBIN",
          "typedExtensionProtocolOptions": {
            "envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {
              "@type": "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
              "explicitHttpConfig": { "http2ProtocolOptions": {} }
            }
          },
          "loadAssignment": {
            "clusterName": "backend",
            "endpoints": [
              { "lbEndpoints": [ { "endpoint": { "address": { "socketAddress": { "address": "backend.default.svc", "portValue": 80 } } } } ] }
            ]
          }
        }
        """;

    /// <summary>A static bootstrap with an admin listener and the sample cluster.</summary>
    public const string BootstrapJson = """
        {
          "node": { "id": "meshc-test", "cluster": "meshc" },
          "admin": { "address": { "socketAddress": { "address": "127.0.0.1", "portValue": 9901 } } },
          "staticResources": {
            "clusters": [
              {
                "name": "backend",
                "type": "STATIC",
                "connectTimeout": "1s",
                "loadAssignment": {
                  "clusterName": "backend",
                  "endpoints": [ { "lbEndpoints": [ { "endpoint": { "address": { "socketAddress": { "address": "127.0.0.1", "portValue": 8081 } } } } ] } ]
                }
              }
            ]
          }
        }
        """;
}
