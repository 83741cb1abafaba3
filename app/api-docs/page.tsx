import { ApiDocsClient } from '@/components/api-docs/api-docs-client';
import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'HTTP API' };

// GET /api/openapi.json, readable: what scripts can call, the role each route needs, what it takes and answers.
export default function ApiDocsPage() {
  return (
    <>
      <PageTitle
        title="HTTP API"
        subtitle="The routes Tributary's own pages use, for your scripts too: the role each needs, what it takes and what it answers. Generated from the routes' own schemas."
      />
      <ApiDocsClient />
    </>
  );
}
