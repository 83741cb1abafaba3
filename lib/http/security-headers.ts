// Headers on every answer: a Content-Security-Policy whose scripts need this request's nonce,
// no framing, no content sniffing, no Referer to other sites, and no shared caching of anything
// that may sit behind sign-in.

/** A fresh, unguessable nonce for one page: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this request's nonce (Next.js puts it on its own scripts, and
 * 'strict-dynamic' lets those load their chunks). Styles allow 'unsafe-inline': React writes
 * `style` attributes into server-rendered HTML (progress bars, the charts' containers) and
 * CodeMirror adds <style> elements as it runs; CSS cannot run script, so script-src stays strict.
 * In development React needs eval to rebuild server error stacks in the browser.
 */
export function contentSecurityPolicy(nonce: string, options: { readonly dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For answers that are not pages (static files, API errors made before any page): nothing may load, nothing may frame. */
export const LOCKED_DOWN_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Pages and API answers may hold what only a signed-in user should see: no proxy or CDN keeps them. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * The request headers a page renders with: Next.js reads the nonce from the request's
 * Content-Security-Policy and puts it on its own scripts; x-nonce is there for the app's own.
 */
export function withPagePolicy(requestHeaders: Headers, nonce: string, policy: string): Headers {
  const headers = new Headers(requestHeaders);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  return headers;
}

/** Sets the security headers (and the page's policy, when given) on a response's headers. */
export function applySecurityHeaders(headers: Headers, policy: string = LOCKED_DOWN_POLICY): void {
  headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
}
