#!/usr/bin/env bash
# The xDS scale benchmark: meshc serve on a generated input of GATEWAYS Gateways, N simulated ADS nodes (one
# connection each unless PER_CONNECTION says otherwise), one route changed. Per run it measures the server's RSS per
# idle node, the time from the end of the recompile until every affected node has ACKed the new version (p50, p99,
# max), and the server's CPU for the recompile and the push.
#
#   bench/run-xds-bench.sh                         # 1,000 and 10,000 nodes, all on Gateway 0, and 1,000 over 100 Gateways
#   RUNS="1000:1 1000:100" bench/run-xds-bench.sh  # NODES:SPREAD pairs (SPREAD Gateways share the nodes; Gateway 0 changes)
#
# Prints a Markdown table and writes it to bench/results/xds.md. Everything listens on 127.0.0.1 only.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-1000:1 10000:1 1000:100}"
gateways="${GATEWAYS:-100}"
per_connection="${PER_CONNECTION:-1}"
xds_port="${XDS_PORT:-18700}"
admin_port="${ADMIN_PORT:-18701}"
work="$(mktemp -d /tmp/meshc-xds-bench.XXXXXX)"
server_pid=""

cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
dotnet build "$root/src/Server/Meshc.Server.csproj" -c Release -nologo -v q >/dev/null
dotnet build "$root/bench/Xds.Load/Meshc.Xds.Load.csproj" -c Release -nologo -v q >/dev/null
load="$root/bench/Xds.Load/bin/Release/net10.0/Meshc.Xds.Load.dll"

for run in $runs; do
  nodes="${run%%:*}"; spread="${run##*:}"
  input="$work/input-$nodes-$spread"
  dotnet "$load" scenario "$input" "$gateways"
  dotnet "$root/src/Server/bin/Release/net10.0/Meshc.Server.dll" serve "$input" --xds-port "$xds_port" --admin-port "$admin_port" \
    > "$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 120); do grep -q '^serving' "$work/serve.log" && break; sleep 0.5; done
  json="$(dotnet "$load" run --server "http://127.0.0.1:$xds_port" --admin "http://127.0.0.1:$admin_port" --pid "$server_pid" \
    --dir "$input" --nodes "$nodes" --spread "$spread" --per-connection "$per_connection")"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  echo "$json" | tee -a "$work/results.jsonl" >&2
done

{
  echo "meshc serve, $gateways Gateways, $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| nodes | connections | affected | RSS/idle node (KB) | recompile (ms) | ACK p50 after recompile (ms) | p99 | max | file write → last ACK (ms) | responses pushed | server CPU (ms) | CPU per pushed node (µs) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  python3 - "$work/results.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    cells = [f"{r['nodes']:,}", f"{r['connections']:,}", f"{r['affected_nodes']:,}", str(r['rss_per_node_kb']),
             f"{r['recompile_ms']:.0f}", f"{r['after_recompile_p50_ms']:.0f}", f"{r['after_recompile_p99_ms']:.0f}",
             f"{r['after_recompile_max_ms']:.0f}", f"{r['write_to_last_ack_ms']:.0f}", f"{r['responses_pushed']:,}",
             f"{r['server_cpu_ms']:.0f}", f"{r['server_cpu_per_pushed_node_us']:.0f}"]
    print("| " + " | ".join(cells) + " |")
PY
} | tee "$root/bench/results/xds.md"
