// A bad environment (or users file) stops Tributary at start, with a message naming the variable,
// instead of surfacing later as a failed request.
import { ConfigError, getConfig } from './lib/config';
import { UsersFileError } from './lib/http/users-file';
import { accessStartupNotes } from './lib/server/access';
import { alertsAfterCollect } from './lib/server/alerts';
import { startCollector } from './lib/server/collector';
import { freshnessAfterCollect } from './lib/server/freshness';
import { installPeerAddressHook } from './lib/server/peer-address';

// First, so route handlers learn which address each connection came from (lib/server/peer-address.ts).
installPeerAddressHook();

try {
  for (const note of accessStartupNotes(getConfig().access)) console.log(note);
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof UsersFileError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

// Samples every supervisor into the store whether or not anyone watches (unless TRIBUTARY_COLLECT=false);
// after each round, on the instance that collects, alerts are evaluated and freshness probes started.
startCollector([alertsAfterCollect, freshnessAfterCollect]);
