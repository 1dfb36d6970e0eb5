#!/usr/bin/env bash
# Runs two meshc builds over every golden case and the examples (compile with every --emit target, and check --status)
# and fails on the first byte of difference: bundles (diff -r), stdout, stderr and exit codes.
#
#   bench/compare-builds.sh                      the JIT build (dotnet meshc.dll) against the native one (./meshc)
#   bench/compare-builds.sh "CMD A" "CMD B"      any two, e.g. an older build's "dotnet /tmp/old/meshc.dll"
#   ROUTES="1000 10000" bench/compare-builds.sh  also the synthetic 1,000- and 10,000-route inputs (bench/Compiler.Benchmarks)
#
# Builds nothing itself except through ./meshc; run ./meshc and `MESHC_JIT=1 ./meshc` once first for the defaults.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
a="${1:-dotnet $root/src/Compiler/bin/Release/net10.0/meshc.dll}"
b="${2:-$root/src/Compiler/bin/native/meshc}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The inputs of a golden case, as the harness reads them: its own files, then sources.txt's (a folder gives its files).
case_inputs() {
  local dir="$1"
  find "$dir" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.dsl' \) | LC_ALL=C sort
  if [[ -f "$dir/sources.txt" ]]; then
    grep -v '^\s*#' "$dir/sources.txt" | sed 's/^\s*//; s/\s*$//' | while read -r line; do
      [[ -z "$line" ]] && continue
      if [[ -d "$line" ]]; then
        find "$line" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.dsl' \) | LC_ALL=C sort
      else
        echo "$line"
      fi
    done
  fi
}

# Runs one command line with both builds (@OUT@ becomes each build's own output folder) and stops at the first
# difference in stdout, stderr, exit code or the bundle written.
compare() {
  local name="$1"; shift
  rm -rf "$work/a" "$work/b"
  mkdir -p "$work/a" "$work/b"
  for side in a b; do
    local cmd="$a" args=()
    [[ $side == b ]] && cmd="$b"
    for arg in "$@"; do args+=("${arg//@OUT@/$work/$side/bundle}"); done
    set +e
    # shellcheck disable=SC2086
    $cmd "${args[@]}" >"$work/$side.stdout" 2>"$work/$side.stderr"
    echo $? >"$work/$side.rc"
    set -e
  done
  for part in stdout stderr rc; do
    if ! diff <(sed "s|$work/a/|OUT/|g" "$work/a.$part") <(sed "s|$work/b/|OUT/|g" "$work/b.$part") >"$work/diff"; then
      echo "DIFFERENT $name ($part):"; head -20 "$work/diff"; exit 1
    fi
  done
  if [[ -d "$work/a/bundle" || -d "$work/b/bundle" ]] && ! diff -r "$work/a/bundle" "$work/b/bundle" >"$work/diff"; then
    echo "DIFFERENT $name (bundle):"; head -20 "$work/diff"; exit 1
  fi
}

all=xds,status,ir,k8s,gateway-api,bpf
cases=0
for dir in $(find tests/golden/cases -name __snapshots__ -prune -o -type d -print | LC_ALL=C sort); do
  [[ -n "$(find "$dir" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.dsl' -o -name sources.txt \))" ]] || continue
  mapfile -t inputs < <(case_inputs "$dir")
  options=()
  [[ -f "$dir/options.txt" ]] && read -r -a options <<<"$(tr '\n' ' ' <"$dir/options.txt")"
  compare "$dir (compile)" compile "${inputs[@]}" "${options[@]}" --emit "$all" -o @OUT@
  compare "$dir (check)" check --status -v "${inputs[@]}" "${options[@]}"
  cases=$((cases + 1))
done
echo "golden cases: $cases identical (compile --emit $all: output and bundle byte for byte; check --status -v)"

for example in examples/*; do
  compare "$example" compile "$example" --emit "$all" -o @OUT@
done
echo "examples: identical"

bench_dll="$root/bench/Compiler.Benchmarks/bin/Release/net10.0/Meshc.Compiler.Benchmarks.dll"
for routes in ${ROUTES:-}; do
  [[ -f "$bench_dll" ]] || dotnet build "$root/bench/Compiler.Benchmarks" -c Release -nologo -v q
  dotnet "$bench_dll" --write "$work/in$routes" --routes "$routes" >/dev/null
  compare "$routes routes" compile "$work/in$routes" -o @OUT@
  echo "$routes routes: identical bundles ($(find "$work/a/bundle" -type f | wc -l) files)"
done
