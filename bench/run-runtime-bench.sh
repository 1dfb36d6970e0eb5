#!/usr/bin/env bash
# The runtime benchmark: meshc's runtime, nginx as a reverse proxy, and the client talking to the backend directly,
# measured in one run with wrk on loopback against the same backend and the same payload.
#
#   bench/run-runtime-bench.sh                # 10 s per target, 32 connections, 1 wrk thread
#   DURATION=30 CONNECTIONS=64 bench/run-runtime-bench.sh
#
# Needs nginx and wrk (Debian packages); as root it installs them with apt-get when they are missing.
# Prints a Markdown table (requests/s, p50/p99 latency, proxy CPU per request, ratios to nginx and to direct)
# and writes it to bench/results/runtime.md. Everything listens on 127.0.0.1 only.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${DURATION:-10}"
warmup="${WARMUP:-3}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-1}"
payload_bytes="${PAYLOAD_BYTES:-1024}"
backend_port=18081
nginx_port=18082
runtime_offset=18000   # the benchmark Gateway listens on :80, so the runtime binds 80 + this offset
work="$(mktemp -d /tmp/meshc-runtime-bench.XXXXXX)"
chmod 755 "$work"   # nginx workers run as an unprivileged user and must read the payload
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for conf in "$work"/nginx-*.conf; do
    [[ -f "$conf" ]] && nginx -c "$conf" -s quit 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

need() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]} from Debian" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "bench: needs ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 2
  fi
}
need nginx wrk curl
# Debian's nginx package starts a system server on :80; the benchmark uses its own instances only.
command -v systemctl >/dev/null && systemctl stop nginx >/dev/null 2>&1 || true

# The payload: a fixed body of PAYLOAD_BYTES bytes, the same for every target.
mkdir -p "$work/www" "$work/logs"
head -c "$payload_bytes" /dev/zero | tr '\0' 'x' > "$work/www/payload"

# nginx_conf NAME WORKERS SERVER_BLOCK: one nginx instance with its own pid, temp and log files.
nginx_conf() {
  cat > "$work/nginx-$1.conf" <<EOF
worker_processes $2;
pid $work/nginx-$1.pid;
error_log $work/logs/$1-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/$1-body;
  proxy_temp_path $work/$1-proxy;
  fastcgi_temp_path $work/$1-fastcgi;
  uwsgi_temp_path $work/$1-uwsgi;
  scgi_temp_path $work/$1-scgi;
  keepalive_requests 1000000;
  $3
}
EOF
  nginx -c "$work/nginx-$1.conf"
}

# The backend every target reaches: one nginx worker serving the payload (the same process in all three runs).
nginx_conf backend 1 "server { listen 127.0.0.1:$backend_port; location / { root $work/www; try_files /payload =404; } }"
# nginx as the proxy under comparison: keep-alive upstream, HTTP/1.1, access log off, one worker per core.
nginx_conf proxy auto "upstream backend { server 127.0.0.1:$backend_port; keepalive 256; }
  server { listen 127.0.0.1:$nginx_port; location / { proxy_pass http://backend; proxy_http_version 1.1;
    proxy_set_header Connection \"\"; proxy_set_header Host \$host; } }"

# meshc's runtime serving the compiled benchmark configuration.
"$root/meshc" compile "$root/bench/runtime/mesh.dsl" -o "$work/bundle" >/dev/null
"$root/meshc" run "$work/bundle" --port-offset "$runtime_offset" > "$work/runtime.out" 2>&1 &
runtime_pid=$!
pids+=("$runtime_pid")

wait_for() {
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "bench: $1 did not answer; runtime output:" >&2
  cat "$work/runtime.out" >&2
  exit 1
}
for _ in $(seq 1 300); do grep -q 'http://' "$work/runtime.out" && break; sleep 0.1; done
runtime_url="$(grep -o 'http://[0-9.]*:[0-9]*' "$work/runtime.out" | head -1)/"
direct_url="http://127.0.0.1:$backend_port/"
nginx_url="http://127.0.0.1:$nginx_port/"
for url in "$direct_url" "$nginx_url" "$runtime_url"; do wait_for "$url"; done
# The dotnet launcher execs the runtime, so the pid is the runtime's own.
nginx_pids() { echo "$(cat "$work/nginx-proxy.pid") $(pgrep -P "$(cat "$work/nginx-proxy.pid")" | tr '\n' ' ')"; }
backend_pids() { echo "$(cat "$work/nginx-backend.pid") $(pgrep -P "$(cat "$work/nginx-backend.pid")" | tr '\n' ' ')"; }

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

# to_ms VALUE: wrk's latency (e.g. 512.00us, 1.20ms, 2.01s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

hz="$(getconf CLK_TCK)"
declare -A rps p50 p99 cpu
measure() { # NAME URL PIDS...
  local name="$1" url="$2"
  shift 2
  wrk -t"$threads" -c"$connections" -d"${warmup}s" "$url" > /dev/null
  local before after out requests
  before="$(cpu_ticks "$@")"
  out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$url")"
  after="$(cpu_ticks "$@")"
  echo "$out" > "$work/logs/wrk-$name.txt"
  if grep -q 'Non-2xx\|Socket errors' <<< "$out"; then
    echo "bench: $name had errors:" >&2
    echo "$out" >&2
  fi
  requests="$(awk '/requests in/ { print $1 }' <<< "$out")"
  rps[$name]="$(awk '/Requests\/sec/ { print $2 }' <<< "$out")"
  p50[$name]="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$out")")"
  p99[$name]="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$out")")"
  cpu[$name]="$(awk -v t=$((after - before)) -v hz="$hz" -v r="$requests" 'BEGIN { printf "%.1f", t / hz / r * 1e6 }')"
}

# The direct run counts the backend's CPU; the proxy runs count the proxy's own CPU only.
measure direct "$direct_url" $(backend_pids)
measure nginx "$nginx_url" $(nginx_pids)
measure meshc "$runtime_url" "$runtime_pid"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
{
  echo "| target | requests/s | p50 ms | p99 ms | CPU µs/request | rps ÷ nginx | p99 ÷ nginx | rps ÷ direct |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for name in direct nginx meshc; do
    echo "| $name | ${rps[$name]} | ${p50[$name]} | ${p99[$name]} | ${cpu[$name]} | $(ratio "${rps[$name]}" "${rps[nginx]}") | $(ratio "${p99[$name]}" "${p99[nginx]}") | $(ratio "${rps[$name]}" "${rps[direct]}") |"
  done
  echo
  echo "wrk -t$threads -c$connections -d${duration}s (after ${warmup}s warm-up), payload $payload_bytes bytes, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), $(dotnet --version | sed 's/^/.NET SDK /')"
} | tee "$work/table.md"
mkdir -p "$root/bench/results"
cp "$work/table.md" "$root/bench/results/runtime.md"
