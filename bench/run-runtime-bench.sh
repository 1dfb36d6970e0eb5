#!/usr/bin/env bash
# The runtime benchmark: meshc's runtime beside nginx and haproxy as reverse proxies, and the client talking to the
# backend directly, in one run with wrk on loopback against the same backend and payloads.
#
#   bench/run-runtime-bench.sh                      # 3 alternating rounds of 5 s per target and scenario
#   ROUNDS=5 DURATION=10 bench/run-runtime-bench.sh
#   SCENARIOS="1k-c32 64k-c32" bench/run-runtime-bench.sh     # default: all five scenarios below
#   TARGETS="nginx meshc meshc-yarp" bench/run-runtime-bench.sh    # meshc-yarp: the runtime on its YARP upstream path
#
# Scenarios: 1k-c32, 1k-c256, 64k-c32, 64k-c256 (response size, wrk connections, keep-alive) and 1k-close (32
# connections, a new connection per request). Each round runs every target once per scenario, targets in turn, so
# a change in the machine's load touches all of them alike; the table shows the median of the rounds.
# Columns: requests/s, p50/p99 latency, CPU per request of the proxy's processes (from /proc, user + system), the
# proxy's resident memory under load (the largest sample), non-2xx responses and socket errors, and ratios to nginx.
#
# Needs nginx, haproxy and wrk (Debian packages); as root it installs them with apt-get when they are missing.
# Everything listens on 127.0.0.1 only. The table goes to stdout and bench/results/runtime.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${DURATION:-5}"
warmup="${WARMUP:-2}"
rounds="${ROUNDS:-3}"
threads="${THREADS:-1}"
scenarios="${SCENARIOS:-1k-c32 1k-c256 64k-c32 64k-c256 1k-close}"
targets="${TARGETS:-direct nginx haproxy meshc}"
backend_port=18081
nginx_port=18082
haproxy_port=18083
runtime_offset=18000        # the benchmark Gateway listens on :80, so the runtime binds 80 + this offset
runtime_yarp_offset=18100
work="$(mktemp -d /tmp/meshc-runtime-bench.XXXXXX)"
chmod 755 "$work"   # nginx workers run as an unprivileged user and must read the payloads
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for conf in "$work"/nginx-*.conf; do
    [[ -f "$conf" ]] && nginx -c "$conf" -s quit 2>/dev/null || true
  done
  [[ -f "$work/haproxy.pid" ]] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# A plain TERM or INT would end the script without the EXIT trap, leaving nginx and haproxy running.
trap 'exit 143' TERM INT

# shellcheck source=lib/common.sh
source "$root/bench/lib/common.sh"
need nginx haproxy wrk curl
# Debian's packages start system servers; the benchmark uses its own instances only.
if command -v systemctl >/dev/null; then systemctl stop nginx haproxy >/dev/null 2>&1 || true; fi

cores="$(nproc)"
# The payloads: fixed bodies, the same for every target.
mkdir -p "$work/www" "$work/logs"
head -c 1024 /dev/zero | tr '\0' 'x' > "$work/www/1k"
head -c 65536 /dev/zero | tr '\0' 'x' > "$work/www/64k"


# The backend every target reaches: one nginx worker serving the payloads (the same process for all targets).
nginx_conf backend 1 "server { listen 127.0.0.1:$backend_port; root $work/www; location / { try_files \$uri =404; } }"
# nginx as a proxy: keep-alive upstream over HTTP/1.1, access log off, one worker per core.
nginx_conf proxy "$cores" "upstream backend { server 127.0.0.1:$backend_port; keepalive 256; }
  server { listen 127.0.0.1:$nginx_port; location / { proxy_pass http://backend; proxy_http_version 1.1;
    proxy_set_header Connection \"\"; proxy_set_header Host \$host; } }"
# haproxy as a proxy, configured alike: HTTP mode, keep-alive and connection reuse upstream, a thread per core, no logs.
# maxconn well above the largest scenario's connections (256) and low enough for a 20000-descriptor limit (haproxy
# wants about two per connection and refuses to start when it cannot raise the limit that far).
if [[ " $targets " == *" haproxy "* ]]; then
cat > "$work/haproxy.cfg" <<EOF
global
  nbthread $cores
  maxconn 4096
defaults
  mode http
  option http-keep-alive
  http-reuse always
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend bench
  bind 127.0.0.1:$haproxy_port
  default_backend backend
backend backend
  server b1 127.0.0.1:$backend_port
EOF
haproxy -f "$work/haproxy.cfg" -D -p "$work/haproxy.pid"
fi

# meshc's runtime serving the compiled benchmark configuration (and, for meshc-yarp, a second one on its YARP path).
"$root/meshc" compile "$root/bench/runtime/mesh.dsl" -o "$work/bundle" >/dev/null
# The launcher builds the runtime on first use, which can take minutes: done here, before any target has to answer.
"$root/meshc" run --help >/dev/null
start_runtime() { # NAME OFFSET [ENV...]
  local name="$1" offset="$2"
  shift 2
  env "$@" "$root/meshc" run "$work/bundle" --port-offset "$offset" > "$work/$name.out" 2>&1 &
  pids+=("$!")
  echo "$!" > "$work/$name.pid"
  for _ in $(seq 1 600); do grep -q 'http://' "$work/$name.out" && break; sleep 0.1; done
  grep -o 'http://[0-9.]*:[0-9]*' "$work/$name.out" | head -1 > "$work/$name.url" || true
}
[[ " $targets " == *" meshc "* ]] && start_runtime meshc "$runtime_offset"
[[ " $targets " == *" meshc-yarp "* ]] && start_runtime meshc-yarp "$runtime_yarp_offset" MESHC_UPSTREAM_CLIENT=yarp

base_url() {
  case "$1" in
    direct) echo "http://127.0.0.1:$backend_port" ;;
    nginx) echo "http://127.0.0.1:$nginx_port" ;;
    haproxy) echo "http://127.0.0.1:$haproxy_port" ;;
    meshc | meshc-yarp) cat "$work/$1.url" ;;
  esac
}
# The processes whose CPU and memory count: the proxy's (for direct, the backend's).
children() { echo "$1 $(pgrep -P "$1" | tr '\n' ' ')"; }
target_pids() {
  case "$1" in
    direct) children "$(cat "$work/nginx-backend.pid")" ;;
    nginx) children "$(cat "$work/nginx-proxy.pid")" ;;
    haproxy) children "$(cat "$work/haproxy.pid")" ;;
    meshc | meshc-yarp) cat "$work/$1.pid" ;;   # the dotnet launcher execs the runtime: the pid is the runtime's own
  esac
}

wait_for() {
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "bench: $1 did not answer" >&2
  cat "$work"/*.out >&2 2>/dev/null || true
  exit 1
}
for t in $targets; do wait_for "$(base_url "$t")/1k"; done

# cpu_ticks PID...: user + system clock ticks so far, summed over the processes.
cpu_ticks() {
  local total=0
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] || continue
    # Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    read -r -a f <<< "$(sed 's/^.*) //' "/proc/$pid/stat")"
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}
# rss_kb PID...: resident memory summed over the processes.
rss_kb() {
  local total=0 kb
  for pid in "$@"; do
    kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)"
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

# to_ms VALUE: wrk's latency (e.g. 512.00us, 1.20ms, 2.01s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

hz="$(getconf CLK_TCK)"
results="$work/results.tsv"   # scenario target round rps p50 p99 cpu rss_mb errors
: > "$results"
measure() { # SCENARIO TARGET ROUND
  local scenario="$1" target="$2" round="$3" size connections extra=() url out before after requests errors
  size="${scenario%%-*}"
  case "${scenario#*-}" in
    close) connections=32; extra=(-H "Connection: close") ;;
    c*) connections="${scenario#*-c}" ;;
  esac
  url="$(base_url "$target")/$size"
  read -r -a procs <<< "$(target_pids "$target")"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" "${extra[@]}" "$url" > /dev/null 2>&1 || true
  # Resident memory is sampled while the load runs; the largest sample counts.
  (peak=0; while true; do r="$(rss_kb "${procs[@]}")"; ((r > peak)) && peak=$r; echo "$peak" > "$work/rss"; sleep 0.5; done) &
  local sampler=$!
  before="$(cpu_ticks "${procs[@]}")"
  out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "${extra[@]}" "$url" 2>&1)"
  after="$(cpu_ticks "${procs[@]}")"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  echo "$out" > "$work/logs/wrk-$scenario-$target-$round.txt"
  requests="$(awk '/requests in/ { print $1 }' <<< "$out")"
  # Non-2xx responses and socket errors (connect, timeout; read and write too unless every connection is closed on purpose).
  errors="$(awk -v closing="${#extra[@]}" '/Non-2xx/ { n += $NF }
    /Socket errors/ { gsub(",", ""); n += $4 + $10; if (!closing) n += $6 + $8 } END { print n + 0 }' <<< "$out")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$target" "$round" \
    "$(awk '/Requests\/sec/ { print $2 }' <<< "$out")" \
    "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$out")")" \
    "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$out")")" \
    "$(awk -v t=$((after - before)) -v hz="$hz" -v r="${requests:-0}" 'BEGIN { printf "%.1f", (r > 0 ? t / hz / r * 1e6 : 0) }')" \
    "$(awk -v kb="$(cat "$work/rss")" 'BEGIN { printf "%.0f", kb / 1024 }')" \
    "$errors" >> "$results"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for scenario in $scenarios; do
    # Alternate the order of the targets from round to round.
    order=($targets)
    ((round % 2 == 0)) && order=($(printf '%s\n' "${order[@]}" | tac))
    for target in "${order[@]}"; do
      echo "round $round: $scenario $target" >&2
      measure "$scenario" "$target" "$round"
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# The medians per scenario and target, and ratios to nginx in the same scenario.
{
  echo "| scenario | target | requests/s | p50 ms | p99 ms | CPU µs/request | RSS MB | errors | rps ÷ nginx | p99 ÷ nginx | CPU ÷ nginx |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' -v scenarios="$scenarios" -v targets="$targets" '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "–" }
    { k = $1 SUBSEP $2; rps[k] = rps[k] " " $4; p50[k] = p50[k] " " $5; p99[k] = p99[k] " " $6; cpu[k] = cpu[k] " " $7; rss[k] = rss[k] " " $8; err[k] += $9 }
    END {
      ns = split(scenarios, s, " "); nt = split(targets, t, " ")
      for (i = 1; i <= ns; i++) {
        n = s[i] SUBSEP "nginx"
        nr = median(rps[n]); np = median(p99[n]); nc = median(cpu[n])
        for (j = 1; j <= nt; j++) {
          k = s[i] SUBSEP t[j]
          r = median(rps[k]); p = median(p99[k]); c = median(cpu[k])
          printf "| %s | %s | %.0f | %.3f | %.3f | %.1f | %.0f | %d | %s | %s | %s |\n", s[i], t[j], r, median(p50[k]), p, c, median(rss[k]), err[k], ratio(r, nr), ratio(p, np), ratio(c, nc)
        }
      }
    }' "$results"
  echo
  echo "wrk -t$threads, ${duration} s per run after ${warmup} s of warm-up, median of $rounds alternating rounds; 1k/64k: response bytes; c32/c256: keep-alive connections; close: 32 connections, a new one per request"
  echo "$cores cores, load average before $load_before, after $load_after"
  echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), haproxy $(haproxy -v 2>&1 | awk 'NR == 1 { print $3 }'), $(dotnet --version | sed 's/^/.NET SDK /')"
} | tee "$work/table.md"
mkdir -p "$root/bench/results"
cp "$work/table.md" "$root/bench/results/runtime.md"
