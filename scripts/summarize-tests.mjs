// Adds up vitest's and Playwright's JSON reports and the lint/type/build steps into one line.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;

for (const file of readdirSync(dir).filter((f) => f.endsWith('.step'))) {
  const name = path.basename(file, '.step');
  if (name === 'unit' || name === 'e2e') continue; // counted from their reports below
  if (readFileSync(path.join(dir, file), 'utf8').trim() === 'ok') passed++;
  else failed++;
}

const vitest = path.join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load, or whose setup hook fails (its tests then count as skipped), has no
  // failed test but must still count as a failure.
  failed += report.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed')).length;
} else if (existsSync(path.join(dir, 'unit.step'))) failed++;

const playwright = path.join(dir, 'playwright.json');
if (existsSync(playwright)) {
  const { stats, errors } = JSON.parse(readFileSync(playwright, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  failed += (errors ?? []).length;
} else if (existsSync(path.join(dir, 'e2e.step'))) failed++;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
