import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../../common/http/api-error';

/** The 403 for a browser on an origin a survey or flow does not allow (the CORS middleware and the public writes). */
export const originNotAllowed = (origin: string) =>
  new ApiError(HttpStatus.FORBIDDEN, 'origin_not_allowed', `This cannot be embedded on ${origin}. Add it to the allowed origins.`);

/**
 * Whether a browser Origin may use a survey. An empty allow-list means any origin (link surveys,
 * quick starts); entries are exact origins or `https://*.example.com` for any subdomain.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const normalised = url.origin.toLowerCase();
  return allowed.some((entry) => {
    const rule = entry.toLowerCase().replace(/(?<!\/)\/+$/, '');
    if (!rule.includes('*.')) return rule === normalised;
    const [scheme, hostRule] = rule.split('://*.');
    const ruleHost = hostRule.split(':')[0];
    const rulePort = hostRule.split(':')[1] ?? '';
    return url.protocol === `${scheme}:` && url.hostname.endsWith(`.${ruleHost}`) && url.port === rulePort;
  });
}

/**
 * Whether a browser request comes from a page of this server itself (the hosted link-survey page): its Origin
 * names the host it was sent to. A browser cannot forge Origin, and a non-browser caller can leave it out anyway,
 * so this only lets the server's own pages past a survey's allow-list.
 */
export function fromOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
