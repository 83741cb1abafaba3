// POST /api/spec/validate — any supervisor spec, legacy ones included -> the upgraded spec and its issues with JSON paths.
import { apiRoute } from '@/lib/server/api';
import { importSpec, importSpecValue, ValidateSpecRequestSchema } from '@/lib/spec';

export const POST = apiRoute({ body: ValidateSpecRequestSchema }, async ({ body }) => {
  const context = { partitionCount: body.partitionCount };
  return body.text !== undefined ? importSpec(body.text, context) : importSpecValue(body.spec, context);
});
