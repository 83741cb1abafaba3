// Only Tributary's own pages may act: a request that changes something (any method but GET and
// HEAD) must come from the same origin and carry JSON. A cross-site page can send a POST without
// asking (a form, or fetch with mode 'no-cors'), but only with a form or text/plain content type,
// and the browser says where it came from (Sec-Fetch-Site, Origin). Scripts and curl send neither
// header, and are not a browser acting for someone else, so they pass.
import { ApiError } from './api-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a browser says of a request from a page of the same origin, or one the user typed. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

export interface OriginSettings {
  /** The origin users reach Tributary at behind a proxy (TRIBUTARY_PUBLIC_URL), if set. */
  readonly publicOrigin?: string;
}

/** Throws 403 for a cross-site request and 415 for one that is not JSON; GET and HEAD pass. */
export function checkRequestSource(request: Request, settings: OriginSettings = {}): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  checkSameOrigin(request, settings);
  checkJsonContentType(request);
}

export function checkSameOrigin(request: Request, settings: OriginSettings = {}): void {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) {
    if (OWN_FETCH_SITES.has(site.toLowerCase())) return;
    throw crossSite(`the browser sent it from a ${site} page (Sec-Fetch-Site: ${site})`);
  }
  const origin = request.headers.get('origin');
  if (origin === null) return;
  if (!ownOrigins(request, settings).includes(origin.toLowerCase())) {
    throw crossSite(`it came from ${origin}, not from Tributary's own origin`);
  }
}

/** The origins this request may come from: as the client addressed Tributary, and the public URL. */
export function ownOrigins(request: Request, settings: OriginSettings = {}): string[] {
  const url = new URL(request.url);
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase() || url.protocol.replace(/:$/, '');
  const hosts = [request.headers.get('host'), request.headers.get('x-forwarded-host')?.split(',')[0].trim(), url.host];
  const origins = hosts.filter((host): host is string => Boolean(host)).map((host) => `${proto}://${host.toLowerCase()}`);
  if (settings.publicOrigin) origins.push(settings.publicOrigin.toLowerCase());
  // A default port may be written or left out: https://a:443 and https://a are one origin.
  return origins.flatMap((origin) => [origin, origin.replace(/^(http:\/\/[^/]+):80$|^(https:\/\/[^/]+):443$/, '$1$2')]);
}

export function checkJsonContentType(request: Request): void {
  const type = request.headers.get('content-type');
  const mediaType = type?.split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/json') return;
  throw new ApiError(
    415,
    'unsupported_media_type',
    type
      ? `Tributary takes JSON: send Content-Type: application/json (this request sent ${type}).`
      : `Tributary takes JSON: send Content-Type: application/json (this ${request.method} request sent no Content-Type).`,
    { contentType: type },
  );
}

function crossSite(why: string): ApiError {
  return new ApiError(403, 'cross_site', `Refused: ${why}. Only Tributary's own pages (and scripts that send no Origin) may make changes.`);
}
