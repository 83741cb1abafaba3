// Checks what callers hand the client before anything is sent to Druid.
import { z } from 'zod';

/** Parses a request body; throws a TypeError naming the request, each bad field and why. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new TypeError(`Invalid ${what}:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
}
