// GET /api/me's answer: the browser's identity, shared by the route and the UI.
import { z } from 'zod';
import { AUTH_MODES, ROLES } from './identity';

export const MeSchema = z.object({
  mode: z.enum(AUTH_MODES),
  user: z.string().nullable(),
  role: z.enum(ROLES),
  via: z.enum(['open', 'session', 'basic', 'proxy', 'none']),
  readOnly: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const SignInRequestSchema = z.object({
  user: z.string().trim().min(1, 'enter your user name').max(256),
  password: z.string().min(1, 'enter your password').max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** Where to go after signing in: a path on this site, never another origin (//evil.example, /\\evil). */
export function safeNextPath(next: string | null | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}
