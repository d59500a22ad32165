#!/usr/bin/env bash
# Runs the end-to-end suite N times in a row (default 10) with two busy loops beside it, the
# way a loaded machine runs it: timing races (a signal landing between two handlers, a key
# read before a prompt is drawn) show up here long before they show up on a quiet one.
#   scripts/e2e-under-load.sh [runs] [vitest filter...]
# Builds dist/ once first (the suite runs the built knot). Stops only the loops it started.
# Exits 0 when every run passed; the log of each failed run is kept and named.
set -u
cd "$(dirname "$0")/.."
runs="${1:-10}"
shift || true
logs="$(mktemp -d "${TMPDIR:-/tmp}/knot-e2e-load-XXXXXX")"

npm run build >"$logs/build.log" 2>&1 || { echo "build failed: $logs/build.log"; exit 1; }

busy=()
stop_busy() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null; done
  wait "${busy[@]}" 2>/dev/null
}
trap stop_busy EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
for _ in 1 2; do
  node -e 'for (;;) {}' &
  busy+=("$!")
done

passed=0
failed=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s)
  if npx vitest run tests/e2e "$@" >"$logs/run-$i.log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i/$runs: passed ($(($(date +%s) - start)) s)"
    rm -f "$logs/run-$i.log"
  else
    failed+=("$i")
    echo "run $i/$runs: FAILED ($(($(date +%s) - start)) s), log: $logs/run-$i.log"
    grep -E "FAIL|✗|×|AssertionError" "$logs/run-$i.log" | head -10 | sed 's/^/    /'
  fi
done

echo "$passed of $runs runs passed with two busy loops running."
[ "${#failed[@]}" -eq 0 ]
