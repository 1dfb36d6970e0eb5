#!/usr/bin/env bash
# Coverage-guided fuzzing of meshc's input readers: afl-fuzz (AFL++, Debian package afl++) drives SharpFuzz-instrumented
# copies of meshc's assemblies through the targets of fuzz/Meshc.Fuzz (yaml, dsl, cec, bundle).
#
#   fuzz/run.sh                          every target for 45 s each (what ./test.sh runs; FUZZ_SECONDS overrides)
#   fuzz/run.sh --seconds 3600 yaml      a long run of one target
#   fuzz/run.sh --trx FILE ...           also write the outcome as a test result file (one test per target)
#
# A finding (a crash, or a hang that still hangs when replayed alone) is copied to fuzz/findings/<target>/ and fails
# the run. Fix it, then move the input to fuzz/regressions/<target>/: the test suite replays every file there.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${FUZZ_SECONDS:-45}"
trx=""
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --trx) trx="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[[ ${#targets[@]} -eq 0 ]] && targets=(yaml dsl cec bundle)

passed=0; failed=0; skipped=0
write_trx() {
  [[ -z "$trx" ]] && return
  mkdir -p "$(dirname "$trx")"
  cat > "$trx" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010" name="fuzz">
  <ResultSummary outcome="Completed">
    <Counters total="$((passed + failed + skipped))" executed="$((passed + failed))" passed="$passed" failed="$failed" notExecuted="$skipped" />
  </ResultSummary>
</TestRun>
XML
}

if ! command -v afl-fuzz > /dev/null; then
  if [[ -n "${FUZZ_REQUIRED:-}" ]]; then
    echo "fuzz: afl-fuzz is not installed (apt-get install afl++) and FUZZ_REQUIRED is set"; failed=${#targets[@]}; write_trx; exit 1
  fi
  echo "fuzz: skipped: afl-fuzz is not installed (apt-get install afl++)"
  skipped=${#targets[@]}; write_trx; exit 0
fi
started=$SECONDS
phase() { echo "fuzz: $1 ($((SECONDS - started)) s)"; }

work="$(mktemp -d /tmp/meshc-fuzz.XXXXXX)"
trap 'rm -rf "$work"' EXIT
bin="$root/fuzz/Meshc.Fuzz/bin/Release/net10.0"
if ! build_log="$(dotnet build "$root/fuzz/Meshc.Fuzz" -c Release -nologo -v q 2>&1)"; then
  printf '%s\n' "$build_log"; echo "fuzz: build failed"; failed=${#targets[@]}; write_trx; exit 1
fi
shared="$root/../shared"; [[ -d "$shared/upstream" ]] || shared=-
phase "built"
dotnet "$bin/Meshc.Fuzz.dll" seeds "$root" "$shared" "$work/seeds" | sed 's/^/fuzz: seeds: /'
phase "seeds made"
# Instrument a copy: the build output stays as it is for the tests.
cp -r "$bin" "$work/instrumented"
dotnet "$bin/Meshc.Fuzz.dll" instrument "$work/instrumented" > "$work/instrument.log" || { cat "$work/instrument.log"; exit 1; }
phase "instrumented"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_FAST_CAL=1
status=0
for target in "${targets[@]}"; do
  out="$work/out/$target"
  mkdir -p "$work/out"
  # -t: .NET's first runs compile code as they go, and the machine may be busy: a generous timeout, seeds exempt (+).
  timeout -k 30 $((seconds + 300)) afl-fuzz -i "$work/seeds/$target" -o "$out" -t 10000+ -m none -V "$seconds" \
    -- dotnet "$work/instrumented/Meshc.Fuzz.dll" run "$target" > "$work/$target.log" 2>&1
  stats="$out/default/fuzzer_stats"
  if [[ ! -f "$stats" ]]; then
    tail -30 "$work/$target.log"; echo "fuzz $target: afl-fuzz did not run"; failed=$((failed + 1)); status=1; continue
  fi
  stat() { sed -n "s/^$1 *: *//p" "$stats"; }
  findings="$root/fuzz/findings/$target"
  crashes=0; hangs=0
  for f in "$out"/default/crashes/id:*; do
    [[ -f "$f" ]] || continue
    mkdir -p "$findings"; cp "$f" "$findings/crash-$(sha1sum "$f" | cut -c1-12)"; crashes=$((crashes + 1))
  done
  # A hang under afl-fuzz may be the machine being busy: only an input that also hangs when replayed alone counts.
  for f in "$out"/default/hangs/id:*; do
    [[ -f "$f" ]] || continue
    if ! timeout 60 dotnet "$bin/Meshc.Fuzz.dll" replay "$target" "$f" > /dev/null 2>&1; then
      mkdir -p "$findings"; cp "$f" "$findings/hang-$(sha1sum "$f" | cut -c1-12)"; hangs=$((hangs + 1))
    fi
  done
  echo "fuzz $target: ${seconds} s (done at $((SECONDS - started)) s), $(stat execs_done) runs ($(stat execs_per_sec)/s), $(stat corpus_count) corpus entries, $(stat bitmap_cvg) of the coverage map, $crashes crashes, $hangs hangs"
  if [[ $((crashes + hangs)) -gt 0 ]]; then
    echo "fuzz $target: findings in fuzz/findings/$target/ (replay: dotnet $bin/Meshc.Fuzz.dll replay $target fuzz/findings/$target)"
    failed=$((failed + 1)); status=1
  else
    passed=$((passed + 1))
  fi
done
write_trx
exit $status
