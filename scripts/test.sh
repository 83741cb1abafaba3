#!/usr/bin/env bash
# npm test: install what is missing, then lint, type checks, unit and contract tests (vitest),
# and the Playwright suite against the local stack. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh --browser || { echo "0 passed, 1 failed"; exit 1; }

results=.test-results
rm -rf "$results" && mkdir -p "$results"
failed_steps=()

step() {
  local name=$1; shift
  echo "── $name"
  if "$@"; then echo "ok" > "$results/$name.step"; else echo "failed" > "$results/$name.step"; failed_steps+=("$name"); fi
}

step lint npx eslint . --max-warnings=0
step types npx tsc --noEmit -p .
step unit npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
if bash scripts/build-app.sh; then
  step e2e env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json
else
  echo "failed" > "$results/build.step"; failed_steps+=(build)
fi

node scripts/summarize-tests.mjs "$results"
status=$?
if [ ${#failed_steps[@]} -gt 0 ]; then echo "failed steps: ${failed_steps[*]}" >&2; status=1; fi
exit $status
