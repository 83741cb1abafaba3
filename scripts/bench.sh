#!/usr/bin/env bash
# npm run bench: every benchmark in bench/, each printing its figures against its target.
# It starts no stack for the others to measure:
#   - bench/stack.bench.ts runs first: it times a first-time Maven download and a warm start of
#     Kafka and Druid of its own on ports 47000+ (which must be free), then stops them;
#   - the sampler, freshness, submit, SQL, load and monitoring benchmarks need a running stack with its app, named by
#     TRIBUTARY_STACK_FILE (default .devstack/dev/stack.json), e.g. after `npm run demo`:
#       TRIBUTARY_STACK_FILE=.devstack/demo/stack.json npm run bench
#     They create topics and supervisors named bench-… and remove them after. The monitoring one
#     also starts the built app of its own (built here first) and runs the collector in-process,
#     under React's server condition, which lib/server's server-only code needs.
# Timings depend on the machine's load; run them on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh --kcat --java
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

failed=()
run() {
  local bench=$1
  shift
  echo
  node "$@" --import tsx "$bench" || failed+=("$bench")
}

run bench/stack.bench.ts
run bench/infer.bench.ts

stack_file="${TRIBUTARY_STACK_FILE:-.devstack/dev/stack.json}"
if [ -f "$stack_file" ]; then
  export TRIBUTARY_STACK_FILE="$stack_file"
  for bench in sampler freshness submit sql load; do run "bench/$bench.bench.ts"; done
  if bash scripts/build-app.sh; then run bench/monitoring.bench.ts --conditions=react-server; else failed+=(monitoring); fi
else
  echo
  echo "no running stack: $stack_file does not exist, so the sampler, freshness, submit, SQL, load and monitoring benchmarks did not run."
  echo "Start one with \`npm run demo\` (then TRIBUTARY_STACK_FILE=.devstack/demo/stack.json npm run bench)"
  echo "or \`node --import tsx devstack/stack.ts --dir .devstack/dev --port-base 38000 --app-port 38300\`."
  failed+=(sampler freshness submit sql load monitoring)
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo
  echo "did not finish: ${failed[*]}"
  exit 1
fi
