#!/usr/bin/env bash
# npm test: install what is missing, then lint, type checks, the app's build, and — against one
# local stack of real Apache Kafka and Apache Druid started for the run — the unit, contract and
# real-stack tests (vitest) and the browser tests (Playwright). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh --browser --java --postgres || { echo "0 passed, 1 failed"; exit 1; }

results=.test-results
rm -rf "$results" && mkdir -p "$results"
failed_steps=()

step() {
  local name=$1; shift
  echo "── $name"
  if "$@"; then echo "ok" > "$results/$name.step"; else echo "failed" > "$results/$name.step"; failed_steps+=("$name"); fi
}

stack_dir=.devstack/test
stack_log=.devstack/test-stack.log
stack_pid=
stop_stack() {
  [ -n "$stack_pid" ] || return 0
  kill -INT "$stack_pid" 2>/dev/null
  for _ in $(seq 1 120); do kill -0 "$stack_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$stack_pid" 2>/dev/null
  stack_pid=
}
trap stop_stack EXIT

# Starts Kafka, Druid, the generators and the app once for every test that needs them; the
# launcher leads its own process group, so stopping it leaves nothing behind.
start_stack() {
  mkdir -p .devstack
  rm -f "$stack_dir/stack.json"
  setsid node --import tsx devstack/stack.ts --dir "$stack_dir" --port-base 28000 --app-port 28300 --history-hours 2 --app-kafka-through-faults --task-slots 12 > "$stack_log" 2>&1 &
  stack_pid=$!
  echo "starting the local stack (log: $stack_log)…"
  local shown=0
  for _ in $(seq 1 1800); do
    if [ -f "$stack_dir/stack.json" ]; then grep '^\[stack\]' "$stack_log" | tail -n +$((shown + 1)); return 0; fi
    if ! kill -0 "$stack_pid" 2>/dev/null; then tail -40 "$stack_log"; stack_pid=; return 1; fi
    local lines; lines=$(grep -c '^\[stack\]' "$stack_log")
    if [ "$lines" -gt "$shown" ]; then grep '^\[stack\]' "$stack_log" | tail -n +$((shown + 1)); shown=$lines; fi
    sleep 0.5
  done
  echo "the local stack was not ready after 15 minutes"; tail -40 "$stack_log"; return 1
}

step lint npx eslint . --max-warnings=0
step types npx tsc --noEmit -p .
if bash scripts/build-app.sh && start_stack; then
  export TRIBUTARY_STACK_FILE="$PWD/$stack_dir/stack.json"
  step unit npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
  step e2e env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json
else
  echo "failed" > "$results/stack.step"; failed_steps+=(stack)
fi
stop_stack

node scripts/summarize-tests.mjs "$results"
status=$?
if [ ${#failed_steps[@]} -gt 0 ]; then echo "failed steps: ${failed_steps[*]}" >&2; status=1; fi
exit $status
