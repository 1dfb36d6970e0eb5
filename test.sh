#!/usr/bin/env bash
# Runs the whole test suite (unit, golden, end-to-end) and ends with one line: "N passed, N failed, N skipped",
# after listing each skipped test with its reason (tests that read ../shared skip where it is absent).
# UPDATE_GOLDEN=1 ./test.sh rewrites the golden snapshots instead of comparing them (review the diff like code).
# After the tests, fuzz/run.sh fuzzes each input reader for FUZZ_SECONDS (default 45; 0 leaves fuzzing out), counted as
# one test per target.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
results="$root/TestResults"
rm -rf "$results"
dotnet test "$root/Compiler.sln" -c Release --nologo --logger "trx" --results-directory "$results" "$@"
status=$?
if [[ "${FUZZ_SECONDS:-45}" != "0" ]]; then
  "$root/fuzz/run.sh" --trx "$results/fuzz.trx" || status=1
fi
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
reasons = {}
for f in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    root = ET.parse(f).getroot()
    for r in root.iterfind("t:Results/t:UnitTestResult[@outcome='NotExecuted']", ns):
        why = r.find("t:Output/t:ErrorInfo/t:Message", ns)
        reasons.setdefault((why.text or "").strip() if why is not None else "no reason given", []).append(r.get("testName"))
        # Counted from the results: the trx logger's notExecuted counter stays 0 for skipped xunit tests.
        skipped += 1
    c = root.find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
for why, tests in sorted(reasons.items()):
    print(f"skipped {len(tests)}: {why}")
    for name in sorted(tests)[:5]: print(f"    {name}")
    if len(tests) > 5: print(f"    … and {len(tests) - 5} more")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
