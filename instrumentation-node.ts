// A bad environment stops Tributary at start, with a message naming the variable,
// instead of surfacing later as a failed request.
import { ConfigError, getConfig } from './lib/config';

try {
  getConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
