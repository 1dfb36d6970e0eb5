using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Meshc.EnvoyApi;
using Meshc.EnvoyApi.Validation;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Xds;

/// <summary>
/// A meshc proxy's ADS client (state of the world). It subscribes to clusters, listeners and bindings as wildcards,
/// and to the load assignments and route configurations they name; checks every resource (type, Envoy's validation
/// rules) and NACKs a response it cannot use, keeping what it had; and hands each complete, changed configuration to
/// <c>apply</c>, whose error also becomes a NACK. When the stream breaks it reconnects with Envoy's jittered backoff
/// (0.5 s doubling to 30 s) and asks again with the versions it holds; the proxy serves its last configuration meanwhile.
/// </summary>
public sealed class AdsClient : IAsyncDisposable
{
    private readonly Uri _server;
    private readonly Node _node;
    private readonly Func<XdsResources, string?> _apply;
    private readonly Action<string> _log;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private XdsResources _accepted = XdsResources.Empty;
    private string? _appliedHash;

    public AdsClient(Uri server, Node node, Func<XdsResources, string?> apply, Action<string> log)
    {
        _server = server;
        _node = node;
        _apply = apply;
        _log = log;
    }

    /// <summary>"host:port" or a URL; the server speaks gRPC without TLS.</summary>
    public static Uri? ParseAddress(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        // The port is written out: Uri would take "http://host" as port 80, which no xDS server listens on by default.
        var authority = withScheme[(withScheme.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
        var colon = authority.LastIndexOf(':');
        var portWritten = colon > 0 && colon < authority.Length - 1 && authority[(colon + 1)..].All(char.IsAsciiDigit);
        return portWritten && Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.Port > 0 && uri.AbsolutePath == "/"
            ? uri
            : null;
    }

    /// <summary>Streams received so far (a reconnect adds one).</summary>
    public int Streams { get; private set; }

    public void Start() => _loop = Task.Run(Run);

    private async Task Run()
    {
        var backoff = NewBackoff();
        using var channel = GrpcChannel.ForAddress(_server, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(5),
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            },
        });
        var client = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel);
        while (!_stop.IsCancellationRequested)
        {
            string reason;
            try
            {
                await Stream(client, () => backoff = NewBackoff());
                reason = "the server closed the stream";
            }
            catch (RpcException e) when (!_stop.IsCancellationRequested)
            {
                reason = e.Status.Detail is { Length: > 0 } detail ? detail : e.StatusCode.ToString();
            }
            catch (Exception e) when (!_stop.IsCancellationRequested && e is IOException or HttpRequestException or InvalidOperationException)
            {
                reason = e.Message;
            }
            catch (Exception e) when (_stop.IsCancellationRequested && e is OperationCanceledException or RpcException)
            {
                return;
            }
            if (_stop.IsCancellationRequested) return;
            var delay = backoff.NextDelay();
            _log($"xDS: stream to {_server.Authority} lost ({reason}); retrying in {delay.TotalSeconds:0.0} s" +
                 (_appliedHash is null ? "" : ", still serving the last configuration"));
            try
            {
                await Task.Delay(delay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static Backoff NewBackoff() =>
        new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), () => (ulong)Random.Shared.NextInt64(long.MaxValue));

    private async Task Stream(AggregatedDiscoveryService.AggregatedDiscoveryServiceClient client, Action responded)
    {
        using var call = client.StreamAggregatedResources(cancellationToken: _stop.Token);
        Streams++;
        var nonces = new Dictionary<string, string>(StringComparer.Ordinal);
        var asked = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var first = true;
        async Task Send(string type, IEnumerable<string> names, Google.Rpc.Status? error = null)
        {
            var request = new DiscoveryRequest
            {
                TypeUrl = type,
                VersionInfo = _accepted.Of(type)?.Version ?? "",
                ResponseNonce = nonces.GetValueOrDefault(type, ""),
                ErrorDetail = error,
            };
            request.ResourceNames.AddRange(names.Order(StringComparer.Ordinal));
            if (first) request.Node = _node;
            first = false;
            await call.RequestStream.WriteAsync(request);
        }
        async Task AskForNamed()
        {
            foreach (var (type, names) in new[] { (XdsTypes.Endpoints, _accepted.EndpointNames()), (XdsTypes.Route, _accepted.RouteNames()) })
            {
                if (asked.TryGetValue(type, out var before) && before.SetEquals(names)) continue;
                if (!asked.ContainsKey(type) && names.Count == 0) continue;
                asked[type] = names;
                await Send(type, names);
            }
        }

        foreach (var type in XdsTypes.Wildcard) await Send(type, []);
        await AskForNamed();
        await foreach (var response in call.ResponseStream.ReadAllAsync(_stop.Token))
        {
            responded();
            var type = response.TypeUrl;
            nonces[type] = response.Nonce;
            var names = XdsTypes.IsFullState(type) ? [] : asked.GetValueOrDefault(type) ?? (IEnumerable<string>)[];
            var error = Accept(response);
            await Send(type, names, error is null ? null : new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = error });
            if (error is not null) _log($"xDS: rejected {ShortName(type)} version {response.VersionInfo}: {error}");
            await AskForNamed();
        }
    }

    /// <summary>Takes a response in, or says why not (the NACK's error_detail).</summary>
    private string? Accept(DiscoveryResponse response)
    {
        if (!XdsTypes.All.Contains(response.TypeUrl)) return null;
        var received = new Dictionary<string, (Any, IMessage)>(StringComparer.Ordinal);
        foreach (var any in response.Resources)
        {
            if (any.TypeUrl != response.TypeUrl) return $"a resource of type {any.TypeUrl} in a {response.TypeUrl} response";
            if (EnvoyTypes.FindMessage(any.TypeUrl) is not { } descriptor) return $"unknown type {any.TypeUrl}";
            IMessage message;
            try
            {
                message = descriptor.Parser.ParseFrom(any.Value);
            }
            catch (InvalidProtocolBufferException e)
            {
                return $"unreadable {descriptor.Name}: {e.Message}";
            }
            var name = message is Envoy.Config.Endpoint.V3.ClusterLoadAssignment cla ? cla.ClusterName
                : (string)(descriptor.FindFieldByName("name")?.Accessor.GetValue(message) ?? "");
            if (PgvValidator.Validate(message) is { Count: > 0 } violations)
                return $"{descriptor.Name} '{name}': {string.Join("; ", violations.Select(v => $"{v.FieldPath}: {v.Message}"))}";
            if (!received.TryAdd(name, (any, message))) return $"{descriptor.Name} '{name}' is in the response twice";
        }
        var candidate = _accepted.With(response.TypeUrl, response.VersionInfo, received);
        if (candidate.Complete && candidate.ContentHash() is var hash && hash != _appliedHash)
        {
            if (_apply(candidate) is { } error) return error;
            _appliedHash = hash;
        }
        _accepted = candidate;
        return null;
    }

    private static string ShortName(string typeUrl) => typeUrl[(typeUrl.LastIndexOf('.') + 1)..];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
    }
}
