#!/usr/bin/env bash
# npm run demo: install what is missing, build the app if needed, start the local stack and the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh --java
bash scripts/build-app.sh
export NEXT_TELEMETRY_DISABLED=1
exec node --import tsx devstack/stack.ts --dir .devstack/demo --app-port "${PORT:-3000}" "$@"
