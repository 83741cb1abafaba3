// Server side of a datasource's page: the dashboard's shared supervisor list, grouped by the
// datasource each spec writes to; the Coordinator is asked only when no supervisor writes to it.
import 'server-only';
import { ApiError } from '@/lib/http';
import { supervisorsWriting, type DatasourceView } from '@/lib/operate';
import { druid } from './druid';
import { STATUS_TIMEOUT_MS, supervisorList } from './operate';

async function hasSegments(name: string, signal?: AbortSignal): Promise<boolean> {
  try {
    return (await druid().datasources.list({ signal, timeoutMs: STATUS_TIMEOUT_MS })).includes(name);
  } catch {
    // Without the Coordinator's answer, only what the supervisors say is known.
    return false;
  }
}

export async function datasourceView(name: string, signal?: AbortSignal): Promise<DatasourceView> {
  const list = await supervisorList();
  const supervisors = supervisorsWriting(name, list.supervisors);
  if (supervisors.length > 0) return { name, refreshedAt: list.refreshedAt, supervisors, note: null };
  if (await hasSegments(name, signal)) {
    return { name, refreshedAt: list.refreshedAt, supervisors, note: `No supervisor writes to "${name}" now; Druid still has its segments, which stay queryable.` };
  }
  throw new ApiError(404, 'not_found', `No supervisor writes to a datasource "${name}", and Druid has no segments of it.`);
}
