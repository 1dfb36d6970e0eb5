#!/usr/bin/env bash
# Whole-process timings of the meshc command line (start-up included), with hyperfine:
#   check of the 3-file example (examples/gateway-echo), and compile of 100 / 1,000 / 10,000 synthetic routes.
# Both builds are timed: the native one ./meshc runs, and the JIT one (dotnet meshc.dll, what MESHC_JIT=1 runs).
#
#   bench/run-cli-bench.sh              everything (about 5 minutes on a quiet 2-core machine, after the builds)
#   BUILDS=native bench/run-cli-bench.sh    only the native build;  SIZES="100 1000" limits the inputs
#
# Prints a table (wall mean ± σ, user and system CPU) and writes it to bench/results/cli.md with the load average
# before and after. Installs hyperfine from Debian when it is missing and the script runs as root.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/bench/results"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v hyperfine >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "installing hyperfine (Debian package)..." >&2
    apt-get install -y hyperfine >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
  else
    echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 2
  fi
fi

builds="${BUILDS:-native jit}"
sizes="${SIZES:-100 1000 10000}"
# Build what is timed (./meshc builds only when a source changed) and the input generator.
./meshc --help >/dev/null
[[ " $builds " == *" jit "* ]] && MESHC_JIT=1 ./meshc --help >/dev/null
dotnet build bench/Compiler.Benchmarks -c Release -nologo -v q >/dev/null
for routes in $sizes; do
  dotnet bench/Compiler.Benchmarks/bin/Release/net10.0/Meshc.Compiler.Benchmarks.dll --write "$work/in$routes" --routes "$routes" >/dev/null
done

command_for() {
  case "$1" in
    native) echo "$root/src/Compiler/bin/native/meshc" ;;
    jit) echo "dotnet $root/src/Compiler/bin/Release/net10.0/meshc.dll" ;;
  esac
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
run() {
  local build="$1" label="$2" runs="$3"; shift 3
  local cmd
  cmd="$(command_for "$build") $*"
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" "$cmd" >/dev/null 2>&1
  rows+=("$(python3 - "$work/h.json" "$build" "$label" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"| {sys.argv[3]} | {sys.argv[2]} | {r['mean']*1000:,.0f} ± {r['stddev']*1000:,.0f} | {r['median']*1000:,.0f} | "
      f"{r['user']*1000:,.0f} | {r['system']*1000:,.0f} | {(r['user']+r['system'])*1000:,.0f} | {len(r['times'])} |")
PY
)")
  echo "${rows[-1]}"
}

echo "| input | build | wall mean ± σ (ms) | wall median (ms) | user (ms) | system (ms) | CPU (ms) | runs |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for build in $builds; do
  run "$build" "check examples/gateway-echo (3 files)" 10 check examples/gateway-echo
  for routes in $sizes; do
    runs=10
    [[ $routes -ge 1000 ]] && runs=5
    [[ $routes -ge 10000 ]] && runs=3
    run "$build" "compile $routes routes" "$runs" compile "$work/in$routes" -o "$work/out$routes"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$results"
{
  echo "# meshc whole-process timings (bench/run-cli-bench.sh)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), .NET $(dotnet --version), $(hyperfine --version)"
  echo "load average before: $load_before; after: $load_after"
  echo
  echo "| input | build | wall mean ± σ (ms) | wall median (ms) | user (ms) | system (ms) | CPU (ms) | runs |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} >"$results/cli.md"
echo
echo "load average before: $load_before; after: $load_after"
echo "written to $results/cli.md"
