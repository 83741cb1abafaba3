// Every port of the local stack, from one base, so the demo (base 18000), a test run
// (base 28000) and a Druid the user already runs on Druid's default ports can coexist.
// Offsets echo the defaults: the Router on base+888, the Broker on base+82, and so on.
export interface StackPorts {
  readonly kafka: number;
  readonly kafkaController: number;
  /** A second Kafka listener that advertises the fault proxy's port instead of its own. */
  readonly kafkaProxied: number;
  /** The fault proxy in front of kafkaProxied: clients that bootstrap here stay behind it. */
  readonly kafkaFaultProxy: number;
  readonly zookeeper: number;
  readonly derby: number;
  readonly coordinator: number;
  readonly broker: number;
  readonly historical: number;
  readonly indexer: number;
  readonly router: number;
}

export const DEMO_PORT_BASE = 18000;
export const TEST_PORT_BASE = 28000;

export function stackPorts(base: number): StackPorts {
  if (!Number.isInteger(base) || base < 1024 || base > 64000) throw new Error(`--port-base must be an integer from 1024 to 64000, not ${base}`);
  return {
    kafka: base + 92,
    kafkaController: base + 93,
    kafkaProxied: base + 94,
    kafkaFaultProxy: base + 95,
    zookeeper: base + 181,
    derby: base + 527,
    coordinator: base + 81,
    broker: base + 82,
    historical: base + 83,
    indexer: base + 91,
    router: base + 888,
  };
}
