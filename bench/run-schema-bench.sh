#!/usr/bin/env bash
# Compile time before and after a change to the schema check: `meshc check` of the Gateway API conformance manifests
# (../shared, 154 files, 260 KB: every object goes through its JSON Schema) with two JIT builds, timed by hyperfine.
#
#   bench/run-schema-bench.sh /tmp/before/meshc.dll          an older build (e.g. main's) against this one
#   bench/run-schema-bench.sh A.dll B.dll                    any two
#
# Prints a markdown table and the load average before and after; the exit code of check (1: the manifests hold
# deliberate errors) is ignored.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="${1:?usage: bench/run-schema-bench.sh BEFORE.dll [AFTER.dll]}"
after="${2:-$root/src/Compiler/bin/Release/net10.0/meshc.dll}"
inputs="$root/../shared/upstream/gateway-api-conformance/v1.6.1/manifests"
[[ -d "$inputs" ]] || { echo "needs ../shared (the conformance manifests)" >&2; exit 2; }
[[ -f "$after" ]] || (cd "$root" && dotnet build src/Compiler -c Release -nologo -v q >/dev/null)
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --ignore-failure --warmup 1 --runs "${RUNS:-5}" --export-markdown "$out" \
  -n before "dotnet $before check $inputs/base $inputs/tests" -n after "dotnet $after check $inputs/base $inputs/tests" >/dev/null 2>&1
cat "$out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
