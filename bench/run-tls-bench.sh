#!/usr/bin/env bash
# The HTTPS benchmark: meshc's runtime and nginx, each terminating TLS with the same certificate (made here with
# openssl, never stored) and proxying to the same plaintext backend on loopback. Two figures per target:
#   * throughput: wrk over keep-alive HTTPS connections (handshakes amortised; TLS record cost and proxying);
#   * handshake rate: `openssl s_time -new` (a full TLS handshake per connection, one client process).
#
#   bench/run-tls-bench.sh                    # 10 s per measurement, 32 connections
#   DURATION=30 CONNECTIONS=64 bench/run-tls-bench.sh
#
# Needs nginx, wrk, openssl and curl (Debian packages); as root it installs them with apt-get when they are missing.
# Prints a Markdown table and writes it to bench/results/tls.md. Everything listens on loopback only.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${DURATION:-10}"
warmup="${WARMUP:-3}"
connections="${CONNECTIONS:-32}"
payload_bytes="${PAYLOAD_BYTES:-1024}"
backend_port=18091
nginx_port=18444
runtime_offset=18000   # the Gateway's HTTPS listener is on :443, so the runtime serves 18443
work="$(mktemp -d /tmp/meshc-tls-bench.XXXXXX)"
chmod 755 "$work"
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

# shellcheck source=lib/common.sh
source "$root/bench/lib/common.sh"
need nginx wrk openssl curl
command -v systemctl >/dev/null && systemctl stop nginx >/dev/null 2>&1 || true

# The certificate both proxies serve: ECDSA P-256, signed by a throw-away CA, made for this run only.
openssl ecparam -name prime256v1 -genkey -noout -out "$work/ca.key" 2>/dev/null
openssl req -x509 -new -key "$work/ca.key" -subj "/CN=bench CA" -days 2 -out "$work/ca.pem" 2>/dev/null
openssl ecparam -name prime256v1 -genkey -noout -out "$work/tls.key.ec" 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$work/tls.key.ec" -out "$work/tls.key"
openssl req -new -key "$work/tls.key" -subj "/CN=www.example.com" -out "$work/tls.csr" 2>/dev/null
printf 'subjectAltName=DNS:www.example.com,IP:127.0.0.1,IP:127.0.100.1\n' > "$work/san.ext"
openssl x509 -req -in "$work/tls.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial -days 2 \
  -extfile "$work/san.ext" -out "$work/tls.crt" 2>/dev/null

mkdir -p "$work/www" "$work/logs" "$work/inputs"
head -c "$payload_bytes" /dev/zero | tr '\0' 'x' > "$work/www/payload"

nginx_conf backend 1 "server { listen 127.0.0.1:$backend_port; location / { root $work/www; try_files /payload =404; } }"
nginx_conf proxy auto "upstream backend { server 127.0.0.1:$backend_port; keepalive 256; }
  server { listen 127.0.0.1:$nginx_port ssl; ssl_certificate $work/tls.crt; ssl_certificate_key $work/tls.key;
    ssl_protocols TLSv1.2 TLSv1.3; ssl_session_cache off; ssl_session_tickets off;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$host; } }"

# meshc: the same certificate as a Secret in the inputs (never in the bundle), one HTTPS listener, one route.
indent() { sed 's/^/      /' "$1"; }
cat > "$work/inputs/bench.yaml" <<YAML
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: bench, namespace: default}
spec:
  gatewayClassName: cilium
  listeners:
    - {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: bench-cert}]}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: bench, namespace: default}
spec:
  parentRefs: [{name: bench}]
  rules: [{backendRefs: [{name: backend, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: backend, namespace: default}
spec: {ports: [{port: 80, targetPort: $backend_port}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: backend-1, namespace: default, labels: {kubernetes.io/service-name: backend}}
addressType: IPv4
endpoints: [{addresses: [127.0.0.1], conditions: {ready: true}}]
ports: [{port: $backend_port}]
---
apiVersion: v1
kind: Secret
metadata: {name: bench-cert, namespace: default}
type: kubernetes.io/tls
stringData:
  tls.crt: |
$(indent "$work/tls.crt")
  tls.key: |
$(indent "$work/tls.key")
YAML
"$root/meshc" run "$work/inputs" --port-offset "$runtime_offset" > "$work/runtime.out" 2>&1 &
runtime_pid=$!
pids+=("$runtime_pid")

for _ in $(seq 1 300); do grep -q 'http://' "$work/runtime.out" && break; sleep 0.1; done
runtime_host="$(grep -o 'http://[0-9.]*:[0-9]*' "$work/runtime.out" | head -1 | sed 's|http://||')"
runtime_url="https://$runtime_host/"
nginx_url="https://127.0.0.1:$nginx_port/"
wait_for() {
  for _ in $(seq 1 100); do
    # HTTP/1.1 as wrk speaks it: over h2, Envoy's use_downstream_protocol_config (which Cilium sets) speaks h2c to the
    # backend, and the bench backend speaks HTTP/1.1 only.
    curl -fsk --http1.1 -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "bench: $1 did not answer; runtime output:" >&2
  cat "$work/runtime.out" >&2
  exit 1
}
for url in "$nginx_url" "$runtime_url"; do wait_for "$url"; done

to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
declare -A rps p99 hs
measure() { # NAME URL HOST:PORT
  local out
  wrk -t1 -c"$connections" -d"${warmup}s" "$2" > /dev/null
  out="$(wrk -t1 -c"$connections" -d"${duration}s" --latency "$2")"
  echo "$out" > "$work/logs/wrk-$1.txt"
  grep -q 'Non-2xx\|Socket errors' <<< "$out" && { echo "bench: $1 had errors:" >&2; echo "$out" >&2; }
  rps[$1]="$(awk '/Requests\/sec/ { print $2 }' <<< "$out")"
  p99[$1]="$(to_ms "$(awk '$1 == "50%" || $1 == "99%" { v = $2 } END { print v }' <<< "$out")")"
  # Full handshakes: a new TLS session per connection, for the whole duration.
  out="$(openssl s_time -connect "$3" -new -time "$duration" 2>/dev/null || true)"
  hs[$1]="$(awk '/connections in [0-9.]+ real seconds/ { printf "%.0f", $1 / $4 }' <<< "$out")"
}
measure nginx "$nginx_url" "127.0.0.1:$nginx_port"
measure meshc "$runtime_url" "$runtime_host"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }
{
  echo "| target | HTTPS requests/s (keep-alive) | p99 ms | handshakes/s (openssl s_time -new) | rps ÷ nginx | handshakes ÷ nginx |"
  echo "|---|---:|---:|---:|---:|---:|"
  for name in nginx meshc; do
    echo "| $name | ${rps[$name]} | ${p99[$name]} | ${hs[$name]:-?} | $(ratio "${rps[$name]}" "${rps[nginx]}") | $(ratio "${hs[$name]:-0}" "${hs[nginx]:-0}") |"
  done
  echo
  echo "wrk -t1 -c$connections -d${duration}s (after ${warmup}s warm-up), payload $payload_bytes bytes, ECDSA P-256, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), $(openssl version | cut -d' ' -f1-2), $(dotnet --version | sed 's/^/.NET SDK /')"
} | tee "$work/table.md"
mkdir -p "$root/bench/results"
cp "$work/table.md" "$root/bench/results/tls.md"
