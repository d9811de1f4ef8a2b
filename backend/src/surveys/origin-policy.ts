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
    const rule = entry.toLowerCase().replace(/\/+$/, '');
    if (!rule.includes('*.')) return rule === normalised;
    const [scheme, hostRule] = rule.split('://*.');
    const ruleHost = hostRule.split(':')[0];
    const rulePort = hostRule.split(':')[1] ?? '';
    return url.protocol === `${scheme}:` && url.hostname.endsWith(`.${ruleHost}`) && url.port === rulePort;
  });
}
