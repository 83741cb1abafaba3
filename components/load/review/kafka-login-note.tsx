// What Druid's hosts must provide for the Kafka login a spec names: the spec carries no password,
// only the environment variables Druid's Overlord and tasks read it from.
import { DYNAMIC_CONFIG_PROVIDER, jaasConfigLine, type KafkaSecurityForDruid, type SupervisorSpec } from '@/lib/spec';

/** The environment variables a spec's environment config provider reads, by consumer property. */
function variablesOf(spec: SupervisorSpec): Record<string, unknown> {
  const provider = spec.spec.ioConfig.consumerProperties[DYNAMIC_CONFIG_PROVIDER] as { type?: unknown; variables?: unknown } | undefined;
  return provider?.type === 'environment' && typeof provider.variables === 'object' && provider.variables !== null ? (provider.variables as Record<string, unknown>) : {};
}

export function KafkaLoginNote({ security, spec }: { security?: KafkaSecurityForDruid; spec: SupervisorSpec }) {
  const variables = variablesOf(spec);
  const sasl = security?.sasl && variables['sasl.jaas.config'] === security.sasl.jaasConfigEnv ? security.sasl : undefined;
  const truststoreEnv = security?.truststore?.passwordEnv && variables['ssl.truststore.password'] === security.truststore.passwordEnv ? security.truststore.passwordEnv : undefined;
  if (!sasl && !truststoreEnv) return null;
  return (
    <div role="note" className="space-y-1 rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
      {sasl && (
        <p>
          Druid logs in to Kafka as <strong>{sasl.username}</strong> ({sasl.mechanism}) with the line in the environment variable <code>{sasl.jaasConfigEnv}</code> of
          its Overlord and task hosts; the spec holds no password. That variable must read: <code className="break-all">{jaasConfigLine(sasl, '…')}</code>
        </p>
      )}
      {truststoreEnv && (
        <p>
          The truststore&apos;s password comes from <code>{truststoreEnv}</code> on the same hosts.
        </p>
      )}
    </div>
  );
}
