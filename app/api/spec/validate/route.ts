// POST /api/spec/validate — any supervisor spec, legacy ones included -> the upgraded spec and its issues with JSON paths.
import { apiRoute } from '@/lib/server/api';
import { serverCheckContext } from '@/lib/server/own-clusters';
import { importSpec, importSpecValue, ValidateSpecRequestSchema } from '@/lib/spec';

export const POST = apiRoute({ summary: 'Validate any supervisor spec, legacy ones too: the upgraded spec and its issues with JSON paths', body: ValidateSpecRequestSchema }, async ({ body }) => {
  // A spec sending Druid to a cluster other than this instance's comes back with an error at its path.
  const context = serverCheckContext({ partitionCount: body.partitionCount });
  return body.text !== undefined ? importSpec(body.text, context) : importSpecValue(body.spec, context);
});
