// Every port of the local stack, from one base, so the demo (base 18000), a test run
// (base 28000) and a Druid the user already runs on Druid's default ports can coexist.
// Offsets echo the defaults: the Router on base+888, the Broker on base+82, and so on.
const PORT_OFFSETS = {
  kafka: 92,
  kafkaController: 93,
  /** A second Kafka listener that advertises the fault proxy's port instead of its own. */
  kafkaProxied: 94,
  /** The fault proxy in front of kafkaProxied: clients that bootstrap here stay behind it. */
  kafkaFaultProxy: 95,
  /** A third listener with SASL/SCRAM over TLS, as a secured production Kafka is reached. */
  kafkaSecured: 96,
  zookeeper: 181,
  derby: 527,
  coordinator: 81, broker: 82, historical: 83,
  indexer: 91,
  middleManager: 191,
  peonPorts: 200, // the first of the MiddleManager's peons' ports, one a peon
  router: 888,
} as const;

export type StackPorts = { readonly [service in keyof typeof PORT_OFFSETS]: number };

export const DEMO_PORT_BASE = 18000;
export const TEST_PORT_BASE = 28000;

export function stackPorts(base: number): StackPorts {
  if (!Number.isInteger(base) || base < 1024 || base > 64000) throw new Error(`--port-base must be an integer from 1024 to 64000, not ${base}`);
  return Object.fromEntries(Object.entries(PORT_OFFSETS).map(([service, offset]) => [service, base + offset])) as unknown as StackPorts;
}
