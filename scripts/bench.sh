#!/usr/bin/env bash
# npm run bench: every benchmark in bench/, each printing its figures against its target.
# Timings depend on the machine's load; run them on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh --kcat
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# react-server: the sampler route's modules import 'server-only', as Next.js runs them.
node --conditions=react-server --import tsx bench/sampler.bench.ts
node --import tsx bench/infer.bench.ts
node --import tsx bench/freshness.bench.ts
