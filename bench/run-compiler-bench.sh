#!/usr/bin/env bash
# Runs the compiler benchmarks (BenchmarkDotNet, Release) and copies the summary tables to bench/results/.
# Usage: bench/run-compiler-bench.sh [BenchmarkDotNet args]   (default: --filter '*', i.e. every benchmark class)
# Examples: bench/run-compiler-bench.sh --filter '*CompileBenchmarks*'
#           bench/run-compiler-bench.sh --filter '*PhaseBenchmarks*' --profiler EP    (EventPipe CPU samples, speedscope)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/bench/Compiler.Benchmarks/Meshc.Compiler.Benchmarks.csproj"
artifacts="$root/bench/Compiler.Benchmarks/BenchmarkDotNet.Artifacts"
results="$root/bench/results"
[[ $# -eq 0 ]] && set -- --filter '*'

dotnet build "$project" -c Release -nologo -v q
rm -rf "$artifacts/results"
dotnet "$root/bench/Compiler.Benchmarks/bin/Release/net10.0/Meshc.Compiler.Benchmarks.dll" \
  --artifacts "$artifacts" "$@"

mkdir -p "$results"
shopt -s nullglob
copied=()
for report in "$artifacts"/results/*-report-github.md; do
  name="$(basename "$report" -report-github.md)"
  cp "$report" "$results/${name##*.}.md"
  copied+=("$results/${name##*.}.md")
done
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), .NET $(dotnet --version)"
  echo "load average at the end of the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$results/machine.txt"
echo
echo "summary tables:"
for f in "${copied[@]}" "$results/machine.txt"; do echo "  $f"; done
