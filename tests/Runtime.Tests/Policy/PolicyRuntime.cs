using System.Net;
using System.Net.Sockets;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Text;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>
/// A bookstore Service claimed by a CiliumEnvoyConfig listener, with client pods at fixed loopback addresses
/// (netshoot 127.0.0.11, admin 127.0.0.12) so the runtime's ipcache gives each client its workload's identity.
/// </summary>
internal static class PolicyRuntime
{
    public const string Listener = "default/bookstore-l7/bookstore-listener";
    public const string Netshoot = "127.0.0.11";
    public const string Admin = "127.0.0.12";

    public const string Mesh = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bookstore, namespace: default }
        spec: { template: { metadata: { labels: { app: bookstore } } } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: netshoot, namespace: default }
        spec: { template: { metadata: { labels: { app: netshoot } } } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: admin, namespace: default }
        spec: { template: { metadata: { labels: { app: admin } } } }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: bookstore, namespace: default }
        spec: { clusterIP: 10.96.8.8, selector: { app: bookstore }, ports: [{ port: 8080, targetPort: 8080 }] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: netshoot, namespace: default }
        spec: { clusterIP: None, selector: { app: netshoot }, ports: [{ port: 80 }] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: admin, namespace: default }
        spec: { clusterIP: None, selector: { app: admin }, ports: [{ port: 80 }] }
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: { name: bookstore-1, namespace: default, labels: { kubernetes.io/service-name: bookstore } }
        addressType: IPv4
        ports: [{ port: 8080 }]
        endpoints: [{ addresses: [127.0.0.10], targetRef: { kind: Pod, name: bookstore-0 } }]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: { name: netshoot-1, namespace: default, labels: { kubernetes.io/service-name: netshoot } }
        addressType: IPv4
        ports: [{ port: 80 }]
        endpoints: [{ addresses: [127.0.0.11], targetRef: { kind: Pod, name: netshoot-0 } }]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: { name: admin-1, namespace: default, labels: { kubernetes.io/service-name: admin } }
        addressType: IPv4
        ports: [{ port: 80 }]
        endpoints: [{ addresses: [127.0.0.12], targetRef: { kind: Pod, name: admin-0 } }]
        ---
        apiVersion: cilium.io/v2
        kind: CiliumEnvoyConfig
        metadata: { name: bookstore-l7, namespace: default }
        spec:
          services: [{ name: bookstore, namespace: default }]
          backendServices: [{ name: bookstore, namespace: default }]
          resources:
            - "@type": type.googleapis.com/envoy.config.listener.v3.Listener
              name: bookstore-listener
              filter_chains:
                - filters:
                    - name: envoy.filters.network.http_connection_manager
                      typed_config:
                        "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                        stat_prefix: bookstore-listener
                        rds: { route_config_name: bookstore-route }
                        http_filters:
                          - name: envoy.filters.http.router
                            typed_config: { "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router }
            - "@type": type.googleapis.com/envoy.config.route.v3.RouteConfiguration
              name: bookstore-route
              virtual_hosts:
                - name: all
                  domains: ["*"]
                  routes: [{ match: { prefix: "/" }, route: { cluster: "default/bookstore:8080" } }]
            - "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
              name: "default/bookstore:8080"
              connect_timeout: 2s
              type: EDS
        ---

        """;

    /// <summary>The same mesh with the bookstore Service claimed by a GAMMA route instead of a hand-written CEC.</summary>
    public static readonly string GammaMesh = Mesh[..Mesh.IndexOf("apiVersion: cilium.io/v2", StringComparison.Ordinal)] + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: bookstore-l7, namespace: default }
        spec:
          parentRefs: [{ group: "", kind: Service, name: bookstore, port: 8080 }]
          rules: [{ backendRefs: [{ name: bookstore, port: 8080 }] }]
        ---

        """;

    /// <summary>The listener of the GAMMA route's CEC (named after the Service).</summary>
    public const string GammaListener = "default/bookstore/listener";

    /// <summary>netshoot may GET /books on 8080; admin has no rule (dropped at L3).</summary>
    public const string ReadersPolicy = """
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: { name: bookstore-readers, namespace: default }
        spec:
          endpointSelector: { matchLabels: { app: bookstore } }
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
              toPorts:
                - ports: [{ port: "8080", protocol: TCP }]
                  rules: { http: [{ method: GET, path: "/books(/.*)?" }] }
        ---

        """;

    /// <summary>Compiles the sources with the BPF target into <paramref name="folder"/> and loads the bundle as <c>meshc run</c> does.</summary>
    public static (LoadedBundle Bundle, RuntimeSnapshot Snapshot) Compile(string folder, params SourceText[] sources)
    {
        var result = Compilation.Create(sources).Emit(EmitTargets.Default | EmitTargets.Bpf);
        Assert.True(result.Bundle is not null, string.Join("\n", result.Diagnostics));
        BundleWriter.Write(result.Bundle!, folder);
        var loaded = BundleLoader.Load(folder);
        Assert.True(loaded.Success, loaded.Error);
        var (snapshot, error) = BuildSnapshot.From(loaded.Bundle!);
        Assert.True(snapshot is not null, error);
        return (loaded.Bundle!, snapshot!);
    }

    /// <summary>Every cluster endpoint moved to one loopback backend port.</summary>
    public static RuntimeSnapshot PointAt(RuntimeSnapshot snapshot, int port) => snapshot with
    {
        Clusters = snapshot.Clusters.ToDictionary(kv => kv.Key, kv => kv.Value with { Endpoints = [new EndpointModel("127.0.0.1", port)] }),
    };

    /// <summary>A client whose connections leave from <paramref name="source"/> (a loopback address), as that pod would.</summary>
    /// <summary>
    /// Awaits a request the policy must drop: no status line ever arrives, the connection is reset. HttpClient reports
    /// that as an HttpRequestException over an IOException or reset SocketException — or, when the reset beats its own
    /// read of the socket's peer address, as the bare SocketException.
    /// </summary>
    public static async Task AssertDropped(Task request)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => request);
        var reset = e is SocketException
            || e is HttpRequestException { InnerException: IOException or SocketException { SocketErrorCode: SocketError.ConnectionReset } };
        Assert.True(reset, $"expected a dropped connection, got {e}");
    }

    public static HttpClient ClientFrom(string source) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };
}
