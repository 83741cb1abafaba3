'use client';
// One QueryClient per browser tab (TanStack Query's Next.js guidance).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { z } from 'zod';

// The pages run under a CSP without 'unsafe-eval': zod's compiled parsers would try eval (and
// report a violation) before falling back, so the browser uses the interpreted ones from the start.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
