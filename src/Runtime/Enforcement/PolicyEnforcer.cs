using System.Net;
using System.Net.Sockets;
using Meshc.PolicyEngine;
using Meshc.PolicyEngine.Kernel;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshc.Runtime.Enforcement;

/// <summary>
/// Enforces a bundle's policy in the runtime (docs/bpf.md, "Runtime enforcement"): loads the bpf/ section into
/// in-process maps and, where the machine allows, into pinned kernel maps; drops denied connections before a byte is
/// read; answers requests the L7 rules refuse with 403; counts under <c>meshc.policy.*</c>. Until <see cref="Load"/>
/// is called nothing is enforced. The state is one immutable object swapped atomically on reload. It counts through
/// <c>count</c> (the proxy's stats), so that enforcement does not depend on the proxy that uses it.
/// </summary>
public sealed class PolicyEnforcer(Action<string> count) : IDisposable
{
    private readonly Lock _gate = new();
    private EnforcementState? _state;
    private bool _loaded;
    private string? _folder;
    private TaskCompletionSource? _pending;

    /// <summary>The state requests are decided with, or null when nothing is enforced.</summary>
    public EnforcementState? Current => Volatile.Read(ref _state);

    /// <summary>
    /// Makes connections wait for <see cref="Load"/> instead of passing unchecked: <c>meshc run</c> opens its sockets
    /// first and loads the policy right after, and no connection may slip through in between.
    /// </summary>
    public void HoldUntilLoaded() => Volatile.Write(ref _pending, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Loads the policy of the first bundle; returns the lines to print (what is enforced, where the kernel maps are).</summary>
    public IReadOnlyList<string> Load(LoadedBundle bundle, RuntimeSnapshot snapshot, string? bpffs)
    {
        lock (_gate)
        {
            try
            {
                _loaded = true;
                var (folder, off) = Bpffs.Choose(bpffs);
                _folder = folder;
                var lines = new List<string>();
                Install(bundle, snapshot, lines);
                if (off is not null && Current is not null) lines.Add(off);
                return lines;
            }
            finally
            {
                _pending?.TrySetResult();
            }
        }
    }

    /// <summary>Replaces the policy with a reloaded bundle's, before its snapshot is swapped in; no-op unless loaded.</summary>
    public IReadOnlyList<string> Reload(LoadedBundle bundle, RuntimeSnapshot snapshot)
    {
        lock (_gate)
        {
            if (!_loaded) return [];
            var lines = new List<string>();
            Install(bundle, snapshot, lines);
            return lines;
        }
    }

    /// <summary>Kestrel connection middleware for one listener: a connection the L3/L4 policy drops is reset before any byte is read.</summary>
    public Func<ConnectionDelegate, ConnectionDelegate> Connections(string listener) => next => async connection =>
    {
        if (Volatile.Read(ref _pending) is { } pending) await pending.Task;
        if (Current is not { } state)
        {
            await next(connection);
            return;
        }
        var decision = PolicyDecision.Decide(state, listener, (connection.RemoteEndPoint as IPEndPoint)?.Address, http: null);
        if (decision.Action == PolicyAction.Allow)
        {
            count("meshc.policy.allowed");
            await next(connection);
            return;
        }
        count("meshc.policy.denied_l3l4");
        Drop(connection.Features.Get<IConnectionSocketFeature>()?.Socket);
        connection.Abort(new ConnectionAbortedException($"policy: {decision.Rule}"));
    };

    /// <summary>
    /// The L7 check of one request: true when it was refused (403 written, or the connection aborted because a reload
    /// now drops it at L3/L4). Only listeners whose destination policy redirects to the proxy have rules to check.
    /// <paramref name="path"/> is the <c>:path</c> after the listener's own path handling: Cilium's L7 policy filter
    /// runs in that listener's connection manager, after it normalized the path, and sees what routing sees.
    /// </summary>
    public async Task<bool> RefuseRequest(HttpContext ctx, string? listener, string path)
    {
        if (Current is not { } state || listener is null || !state.Frontends.ContainsKey(listener)) return false;
        var decision = PolicyDecision.Decide(state, listener, ctx.Connection.RemoteIpAddress, RequestInfo(ctx, path));
        switch (decision.Action)
        {
            case PolicyAction.DenyL7:
                count("meshc.policy.denied_l7");
                await AccessDenied.Write(ctx);
                return true;
            case PolicyAction.DropL3L4:
                count("meshc.policy.denied_l3l4");
                ctx.Abort();
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The Gateway → backend hop of one request (source reserved:ingress): true when refused. An L3/L4 drop is what the
    /// proxy would meet as a connect timeout (the SYN dropped): 503 with Envoy's text, answered at once; an L7
    /// mismatch at the backend's proxy is 403 "Access denied". The backend's proxy sees the request as forwarded
    /// (<paramref name="path"/> is the route's upstream path, rewrites applied) and is Cilium's own L7-policy listener,
    /// which normalizes it before its HTTP rules see it: <c>/public/../admin</c> is judged as <c>/admin</c>, and a path
    /// with an escaped slash as the path its redirect leads to.
    /// </summary>
    public async Task<bool> RefuseUpstream(HttpContext ctx, string? listener, ClusterModel cluster, string path)
    {
        if (Current is not { } state) return false;
        // A path that proxy would refuse outright (a NUL, a fragment) never gets this far: the request edge refused it.
        var seen = PathNormalizer.Apply(path, PathSettings.CiliumPolicyListener) is { Outcome: not PathOutcome.Reject } verdict ? verdict.Path : path;
        var decision = PolicyDecision.DecideUpstream(state, listener, cluster.ServiceName ?? cluster.Name, RequestInfo(ctx, seen));
        switch (decision.Action)
        {
            case PolicyAction.DenyL7:
                count("meshc.policy.denied_l7");
                await AccessDenied.Write(ctx);
                return true;
            case PolicyAction.DropL3L4:
                count("meshc.policy.denied_l3l4");
                await WriteDropped(ctx);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Envoy's answer when the upstream connection times out, as a dropped SYN makes it.</summary>
    public const string UpstreamDropped = "upstream connect error or disconnect/reset before headers. reset reason: connection timeout";

    // Envoy's local reply for that timeout: 503, text/plain. Written here, before anything went upstream, so the
    // response has not started.
    private static async Task WriteDropped(HttpContext ctx)
    {
        ctx.Response.Clear();
        ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        ctx.Response.ContentType = "text/plain";
        await ctx.Response.WriteAsync(UpstreamDropped);
    }

    private static HttpRequestInfo RequestInfo(HttpContext ctx, string path)
    {
        var headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new HttpRequestInfo(ctx.Request.Method, path, headers);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Current?.Kernel?.Dispose();
            Volatile.Write(ref _state, null);
            _pending?.TrySetResult();
        }
    }

    private void Install(LoadedBundle bundle, RuntimeSnapshot snapshot, List<string> lines)
    {
        var previous = Current;
        if (!bundle.Files.Keys.Any(p => p.StartsWith("bpf/", StringComparison.Ordinal)))
        {
            lines.Add("policy not enforced: bundle has no bpf section");
            Swap(null, previous);
            return;
        }
        var (policy, error) = PolicyBundle.Load(bundle.Files);
        if (policy is null)
        {
            lines.Add($"policy not enforced: {error}");
            Swap(null, previous);
            return;
        }
        var kernel = _folder is null ? null : KernelMaps(bundle, lines);
        var state = EnforcementState.Build(snapshot, policy, kernel);
        lines.Add($"policy: {policy.Endpoints.Count} endpoints, {policy.Identities.Count} identities; enforced on " +
            (state.Frontends.Count == 0 ? "no listener (none serves a Service)" : string.Join(", ", state.Frontends.Keys.Order(StringComparer.Ordinal))));
        Swap(state, previous);
    }

    /// <summary>New kernel maps, filled, read back and pinned over the old pins; null (with one line saying why) when refused.</summary>
    private KernelMapSet? KernelMaps(LoadedBundle bundle, List<string> lines)
    {
        var (set, refused) = KernelMapSet.Create(bundle.Files);
        if (set is null)
        {
            lines.Add($"kernel maps not loaded ({refused}); enforcing from in-process maps");
            return null;
        }
        if (set.PinReplacing(_folder!) is { } pinError)
        {
            set.Dispose();
            lines.Add($"kernel maps not pinned ({pinError}); enforcing from in-process maps");
            return null;
        }
        lines.Add($"kernel maps: {set.Maps.Count} maps created, verified and pinned under {_folder}");
        return set;
    }

    private void Swap(EnforcementState? next, EnforcementState? previous)
    {
        Volatile.Write(ref _state, next);
        if (previous?.Kernel is not { } old) return;
        if (next?.Kernel is { } successor) old.ReleaseTo(successor);
        else old.Dispose();
    }

    /// <summary>An RST rather than a FIN, as close to a dropped SYN as a user-space listener can come.</summary>
    private static void Drop(Socket? socket)
    {
        try
        {
            socket?.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The peer is already gone: nothing left to reset.
        }
    }
}
