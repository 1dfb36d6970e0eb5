using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Envoy.Service.Discovery.V3;
using Grpc.Net.Client;
using Meshc.Xds.Load;

// meshc-xds-load scenario DIR GATEWAYS           writes the bench input
// meshc-xds-load run --server URL --admin URL --pid PID --dir DIR --nodes N --gateways G --spread S [--per-connection K]
//   opens N simulated nodes (spread over the first S Gateways), measures the server's RSS per idle node, changes
//   Gateway 0's route, and measures the time from the end of the recompile until every affected node has ACKed the
//   new version, and the server's CPU for the recompile and push. Prints one JSON line.
if (args.Length == 3 && args[0] == "scenario")
{
    Scenario.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
    return 0;
}
var options = new Dictionary<string, string>();
for (var i = 1; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
var server = new Uri(options["server"]);
var admin = new Uri(options["admin"]);
var pid = int.Parse(options["pid"], CultureInfo.InvariantCulture);
var dir = options["dir"];
var nodes = int.Parse(options["nodes"], CultureInfo.InvariantCulture);
var spread = int.Parse(options.GetValueOrDefault("spread", "1"), CultureInfo.InvariantCulture);
var perConnection = int.Parse(options.GetValueOrDefault("per-connection", "1"), CultureInfo.InvariantCulture);

using var http = new HttpClient { BaseAddress = admin };
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var rssBefore = ProcessStats.RssBytes(pid);

var channels = new List<GrpcChannel>();
var simulated = new List<SimulatedNode>();
var runs = new List<Task>();
var connectWatch = Stopwatch.StartNew();
for (var i = 0; i < nodes; i++)
{
    if (i % perConnection == 0)
        channels.Add(GrpcChannel.ForAddress(server, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false } }));
    var gateway = i % spread;
    var node = new SimulatedNode(i, Scenario.Selector(gateway), Scenario.RouteName(gateway));
    simulated.Add(node);
    runs.Add(node.Run(new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channels[^1]), stop.Token));
    // Nodes come up in batches, as a fleet restarting would, not all in one instant.
    if (i % 200 == 199) await Task.WhenAll(simulated.Skip(i - 199).Take(200).Select(n => n.Ready));
}
await Task.WhenAll(simulated.Select(n => n.Ready));
var connectSeconds = connectWatch.Elapsed.TotalSeconds;
// Idle: let the server's collector settle, then read its resident set.
await Task.Delay(TimeSpan.FromSeconds(3));
var rssIdle = ProcessStats.RssBytes(pid);

var affected = simulated.Where((_, i) => i % spread == 0).ToList();
foreach (var n in affected) n.ExpectChange();
var generationBefore = await Generation();
var cpuBefore = ProcessStats.CpuSeconds(pid);
var responsesBefore = simulated.Sum(n => n.Responses);
Scenario.Change(dir, 0, weight: 70);
var written = DateTimeOffset.UtcNow;
var writtenTicks = Stopwatch.GetTimestamp();
var changedTimes = await Task.WhenAll(affected.Select(n => n.Changed)).WaitAsync(TimeSpan.FromMinutes(5));
var lastAck = changedTimes.Max();
await Task.Delay(500);
var cpuAfter = ProcessStats.CpuSeconds(pid);
var responsesAfter = simulated.Sum(n => n.Responses);
var compile = JsonDocument.Parse(await http.GetStringAsync("/meshc/compile")).RootElement;
if (compile.GetProperty("generation").GetInt64() == generationBefore) throw new InvalidOperationException("no recompile seen");
var finished = DateTimeOffset.Parse(compile.GetProperty("finished_at").GetString()!, CultureInfo.InvariantCulture);
// Latency after the recompile: the compile's end on the wall clock, mapped onto the Stopwatch timeline of this process.
var finishedTicks = writtenTicks + (long)((finished - written).TotalSeconds * Stopwatch.Frequency);
var latencies = changedTimes.Select(t => (t - finishedTicks) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];

var result = new Dictionary<string, object>
{
    ["nodes"] = nodes,
    ["connections"] = channels.Count,
    ["gateways_subscribed"] = spread,
    ["affected_nodes"] = affected.Count,
    ["connect_seconds"] = Math.Round(connectSeconds, 1),
    ["rss_before_mb"] = Math.Round(rssBefore / 1048576.0, 1),
    ["rss_idle_mb"] = Math.Round(rssIdle / 1048576.0, 1),
    ["rss_per_node_kb"] = Math.Round((rssIdle - rssBefore) / 1024.0 / nodes, 1),
    ["recompile_ms"] = compile.GetProperty("milliseconds").GetDouble(),
    ["write_to_last_ack_ms"] = Math.Round((lastAck - writtenTicks) * 1000.0 / Stopwatch.Frequency, 0),
    ["after_recompile_p50_ms"] = Math.Round(Percentile(0.50), 0),
    ["after_recompile_p99_ms"] = Math.Round(Percentile(0.99), 0),
    ["after_recompile_max_ms"] = Math.Round(latencies[^1], 0),
    ["responses_pushed"] = responsesAfter - responsesBefore,
    ["server_cpu_ms"] = Math.Round((cpuAfter - cpuBefore) * 1000, 0),
    ["server_cpu_per_pushed_node_us"] = Math.Round((cpuAfter - cpuBefore) * 1e6 / affected.Count, 0),
};
Console.WriteLine(JsonSerializer.Serialize(result));
await stop.CancelAsync();
await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { });
foreach (var c in channels) c.Dispose();
return 0;

async Task<long> Generation() =>
    JsonDocument.Parse(await http.GetStringAsync("/meshc/compile")).RootElement.GetProperty("generation").GetInt64();
