// POST /api/load/check — runs a spec through Druid's sampler: the rows Druid would store, or why the cluster cannot say.
import { CheckRequestSchema, CheckResponseSchema, type CheckResponse } from '@/components/load/review/schemas';
import { isDruidError } from '@/lib/druid';
import { ApiError } from '@/lib/http';
import { druid } from '@/lib/server/druid';
import { apiRoute } from '@/lib/server/api';
import { SUBMIT_ROLE } from '@/lib/operate';
import { serverCheckContext } from '@/lib/server/own-clusters';
import { hasErrors, importSpecValue } from '@/lib/spec';

export const dynamic = 'force-dynamic';

const SAMPLER_TIMEOUT_MS = 15_000;

export const POST = apiRoute(
  {
    summary: "Check a spec with Druid's sampler before submitting it: the rows Druid would store and the messages it could not parse",
    body: CheckRequestSchema,
    role: SUBMIT_ROLE,
    what: 'Checking a spec with Druid',
    response: CheckResponseSchema,
    timeoutMs: SAMPLER_TIMEOUT_MS + 5_000,
  },
  async ({ body, signal }): Promise<CheckResponse> => {
    // Checked here, before Druid's sampler opens any connection the spec asks for.
    const imported = importSpecValue(body.spec, serverCheckContext());
    if (!imported.spec || hasErrors(imported.issues)) {
      const errors = imported.issues.filter((i) => i.severity === 'error');
      const first = errors[0];
      throw new ApiError(400, 'invalid_spec', `Fix the spec before checking it with Druid: ${first ? `${first.pathText}: ${first.message}` : 'it is not a Kafka supervisor spec'}`, {
        issues: errors.map(({ pathText, message, severity }) => ({ path: pathText, message, severity })),
      });
    }
    try {
      const answer = await druid().sampler.sample(
        // Druid reads the inner spec as a supervisor spec, which needs its own "type".
        { type: 'kafka', spec: { type: 'kafka', ...imported.spec.spec }, samplerConfig: { numRows: body.numRows, timeoutMs: SAMPLER_TIMEOUT_MS } },
        { signal, timeoutMs: SAMPLER_TIMEOUT_MS + 2_000 },
      );
      return {
        available: true,
        numRowsRead: answer.numRowsRead,
        numRowsIndexed: answer.numRowsIndexed,
        rows: answer.data.flatMap((entry) => (entry.parsed && !entry.unparseable ? [entry.parsed] : [])),
        unparseable: answer.data
          .filter((entry) => entry.unparseable)
          .map((entry) => ({ raw: typeof entry.input?.raw === 'string' ? entry.input.raw : entry.input ? JSON.stringify(entry.input) : null, error: entry.error ?? 'Druid could not parse it' })),
      };
    } catch (error) {
      // Clusters without the sampler (or a Router that does not route to it) answer 404.
      if (isDruidError(error) && (error.kind === 'not-found' || (error.kind === 'http' && error.status === 405))) {
        return { available: false, reason: 'This Druid cluster does not offer the sampler, so the spec cannot be checked before it is submitted.' };
      }
      throw error;
    }
  },
);
