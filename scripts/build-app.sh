#!/usr/bin/env bash
# Builds the app for production unless the sources are unchanged since the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
hash=$( { find app components lib -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' \) ! -name '*.test.*' -print0 \
  | sort -z | xargs -0 sha256sum; sha256sum package-lock.json next.config.js postcss.config.mjs tsconfig.json proxy.ts instrumentation*.ts; } | sha256sum | cut -d' ' -f1)
stamp=.next/.tributary-build-hash
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -f .next/BUILD_ID ]; then
  echo "[build] the app is up to date"
  exit 0
fi
echo "[build] building the app (next build)…"
NEXT_TELEMETRY_DISABLED=1 npx next build > .next-build.log 2>&1 || { cat .next-build.log; exit 1; }
echo "$hash" > "$stamp"
rm -f .next-build.log
echo "[build] done"
