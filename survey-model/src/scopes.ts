/** What an API token may do. Each endpoint that accepts tokens names the one scope it needs. */
export const SCOPES = [
  'workspace:read',
  'members:read',
  'members:write',
  'surveys:read',
  'surveys:write',
  'responses:read',
  'responses:write',
  'customers:read',
  'customers:write',
  'activity:write',
  'mentions:read',
  'mentions:write',
  'cases:read',
  'cases:write',
  'promises:read',
  'promises:write',
  'clusters:read',
  'clusters:write',
  'webhooks:read',
  'webhooks:write',
] as const;
export type Scope = (typeof SCOPES)[number];
