import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@otklik/backend/src/common/auth/roles';
import { SCOPES, type Scope } from '@otklik/survey-model';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * The access matrix: every workspace endpoint of the API document, called by an anonymous visitor, by each
 * role of the workspace, by the admin of another workspace and by API tokens. The roles and the token scope an
 * endpoint allows come from the document itself (`x-otklik-access`, written by @WorkspaceAccess), so a new
 * endpoint is covered the day it lands.
 *   anonymous → 401 · another workspace → 404 · a role not allowed → 403 · an allowed role → neither, never 5xx
 *   token with the endpoint's scope → neither 401 nor 403, never 5xx · token with every other scope → 403
 *   endpoint without a scope → 403 for any token · another workspace's token → 404 · revoked token → 401
 *   endpoint with anyScope (parts shown per scope) → each of its scopes alone allowed; a token with none of them → 403
 */
let t: TestApp;
let owner: SeededAdmin;
let stranger: LoggedIn;
const members: Partial<Record<Role, LoggedIn>> = {};
let operations: { method: string; path: string; roles: Role[]; scope: Scope | null; anyScope: Scope[] | null }[];
/** Workspace endpoints that no session or token opens: a mail provider calls them, signed with the workspace's secret. */
const SIGNED_BY_WORKSPACE_SECRET = new Set(['post /api/v1/workspaces/{workspaceId}/inbound/email']);
let signedOperations: { method: string; path: string }[];
type Access = { roles: Role[]; scope: Scope | null; anyScope?: Scope[] };
/** Per scope: a token holding only it, and a token holding every scope but it. */
const onlyScope = new Map<Scope, string>();
const allButScope = new Map<Scope, string>();
let everyScope: string;
let strangersToken: string;
let revokedToken: string;
let tokenWithScopes: (scopes: readonly Scope[]) => Promise<string>;

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.seedAdmin('Matrix');
  members.admin = await t.login(owner.email, owner.password);
  for (const role of ['analyst', 'owner', 'viewer'] as const) {
    const user = await t.createUser();
    await t.addMember(owner.workspaceId, user.userId, role);
    members[role] = await t.login(user.email, user.password);
  }
  const other = await t.seedAdmin('Elsewhere');
  stranger = await t.login(other.email, other.password);
  const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
    paths: Record<string, Record<string, { 'x-otklik-access'?: Access }>>;
  };
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.includes('{workspaceId}'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method,
        path,
        roles: op['x-otklik-access']?.roles ?? [],
        scope: op['x-otklik-access']?.scope ?? null,
        anyScope: op['x-otklik-access']?.anyScope ?? null,
      })),
    );
  signedOperations = operations.filter((o) => SIGNED_BY_WORKSPACE_SECRET.has(`${o.method} ${o.path}`));
  operations = operations.filter((o) => !SIGNED_BY_WORKSPACE_SECRET.has(`${o.method} ${o.path}`));

  const token = async (as: LoggedIn, workspaceId: string, scopes: readonly Scope[]) =>
    (await as.post(`/api/v1/workspaces/${workspaceId}/api-tokens`, { name: `matrix ${scopes.length}`, scopes }).expect(201)).body as {
      id: string;
      secret: string;
    };
  for (const scope of SCOPES) {
    onlyScope.set(scope, (await token(members.admin, owner.workspaceId, [scope])).secret);
    allButScope.set(
      scope,
      (
        await token(
          members.admin,
          owner.workspaceId,
          SCOPES.filter((s) => s !== scope),
        )
      ).secret,
    );
  }
  everyScope = (await token(members.admin, owner.workspaceId, SCOPES)).secret;
  tokenWithScopes = async (scopes) => (await token(members.admin, owner.workspaceId, scopes)).secret;
  strangersToken = (await token(stranger, other.workspaceId, SCOPES)).secret;
  const revoked = await token(members.admin, owner.workspaceId, SCOPES);
  await members.admin.delete(`/api/v1/workspaces/${owner.workspaceId}/api-tokens/${revoked.id}`).expect(204);
  revokedToken = revoked.secret;
});
afterAll(() => t.close());

/**
 * Endpoints whose rule depends on the record, not only the role: any member may call them for themselves,
 * only admins for others (the matrix calls them for someone else). Leaving is tested in members.test.ts.
 */
const ADMIN_FOR_OTHERS = new Set(['delete /api/v1/workspaces/{workspaceId}/members/{userId}']);

/**
 * Endpoints that write into two modules: the rule names one scope, the handler checks a second one for tokens (opening
 * a mention's case: cases:write, and mentions:write). The matrix's "only its scope" token holds both; the second
 * scope alone and the first alone are refused (public-answers.test).
 */
const ALSO_NEEDS = new Map<string, Scope>([['post /api/v1/workspaces/{workspaceId}/mentions/{mentionId}/case', 'mentions:write']]);

const fill = (path: string) => path.replace('{workspaceId}', owner.workspaceId).replace(/\{(\w+)\}/g, () => randomUUID());

function withToken(secret: string, method: string, url: string): request.Test {
  const req = (t.http() as unknown as Record<string, (u: string) => request.Test>)[method](url).set('authorization', `Bearer ${secret}`);
  return method === 'get' || method === 'delete' ? req : req.send({});
}

function call(as: LoggedIn | null, method: string, url: string): request.Test {
  if (!as) return (t.http() as unknown as Record<string, (u: string) => request.Test>)[method](url);
  if (method === 'get') return as.get(url);
  if (method === 'delete') return as.delete(url);
  return as[method as 'post' | 'patch' | 'put'](url, {});
}

describe('access matrix', () => {
  it('documents who may call every workspace endpoint', () => {
    expect(operations.length).toBeGreaterThanOrEqual(90);
    expect(operations.filter((o) => o.roles.length === 0)).toEqual([]);
  });

  it('opens the signed endpoints to nobody by session or token: unsigned, every caller gets 401 (signatures: inbound-email.test)', async () => {
    expect(signedOperations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([...SIGNED_BY_WORKSPACE_SECRET].sort());
    const wrong: string[] = [];
    for (const op of signedOperations) {
      const url = fill(op.path);
      const callers: [string, LoggedIn | null][] = [
        ['anonymous', null],
        ['another workspace', stranger],
        ...(Object.entries(members) as [string, LoggedIn][]),
      ];
      for (const [who, as] of callers) {
        const status = (await call(as, op.method, url)).status;
        if (status !== 401) wrong.push(`${who} ${op.method.toUpperCase()} ${op.path}: ${status}, expected 401`);
      }
      const status = (await withToken(everyScope, op.method, url)).status;
      if (status !== 401) wrong.push(`token with every scope ${op.method.toUpperCase()} ${op.path}: ${status}, expected 401`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers each caller as its role allows, on every workspace endpoint', async () => {
    const wrong: string[] = [];
    const check = (who: string, op: { method: string; path: string }, status: number, ok: (s: number) => boolean, expected: string) => {
      if (!ok(status)) wrong.push(`${who} ${op.method.toUpperCase()} ${op.path}: ${status}, expected ${expected}`);
    };
    // Signing out or leaving would end the sessions the matrix uses: those are checked last, by themselves.
    const ordered = [...operations].sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    for (const op of ordered) {
      const url = fill(op.path);
      check('anonymous', op, (await call(null, op.method, url)).status, (s) => s === 401, '401');
      check('another workspace', op, (await call(stranger, op.method, url)).status, (s) => s === 404, '404');
      for (const role of ['viewer', 'owner', 'analyst', 'admin'] as const) {
        const status = (await call(members[role]!, op.method, url)).status;
        if (op.roles.includes(role) && !(ADMIN_FOR_OTHERS.has(`${op.method} ${op.path}`) && role !== 'admin'))
          check(role, op, status, (s) => s !== 401 && s !== 403 && s < 500, 'allowed (not 401/403/5xx)');
        else check(role, op, status, (s) => s === 403, '403');
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('names a known token scope wherever one is given', () => {
    expect(operations.filter((o) => o.scope !== null && !(SCOPES as readonly string[]).includes(o.scope))).toEqual([]);
    expect(operations.filter((o) => o.scope !== null).length).toBeGreaterThanOrEqual(50);
  });

  it('answers API tokens by the scope each endpoint names, on every workspace endpoint', async () => {
    const wrong: string[] = [];
    const tally = { allowed: 0, refused: 0 };
    const check = (who: string, op: { method: string; path: string }, status: number, ok: (s: number) => boolean, expected: string) => {
      if (!ok(status)) wrong.push(`${who} ${op.method.toUpperCase()} ${op.path}: ${status}, expected ${expected}`);
    };
    const allowed = (s: number) => s !== 401 && s !== 403 && s < 500;
    const ordered = [...operations].sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    for (const op of ordered) {
      const url = fill(op.path);
      check('revoked token', op, (await withToken(revokedToken, op.method, url)).status, (s) => s === 401, '401');
      check("another workspace's token", op, (await withToken(strangersToken, op.method, url)).status, (s) => s === 404, '404');
      if (op.anyScope) {
        for (const scope of op.anyScope) {
          check(
            `token with only ${scope}`,
            op,
            (await withToken(onlyScope.get(scope)!, op.method, url)).status,
            allowed,
            'allowed (not 401/403/5xx)',
          );
        }
        const others = SCOPES.filter((s) => !op.anyScope!.includes(s));
        if (others.length > 0)
          check(
            'token with none of its scopes',
            op,
            (await withToken(await tokenWithScopes(others), op.method, url)).status,
            (s) => s === 403,
            '403',
          );
        tally.allowed += 1;
        continue;
      }
      if (op.scope === null) {
        // Tokens never reach endpoints that name no scope, whatever they hold.
        check(
          'token with every scope',
          op,
          (await withToken(everyScope, op.method, url)).status,
          (s) => s === 403,
          '403 (no scope accepted)',
        );
        tally.refused += 1;
        continue;
      }
      const second = ALSO_NEEDS.get(`${op.method} ${op.path}`);
      check(
        second ? `token with only ${op.scope} and ${second}` : `token with only ${op.scope}`,
        op,
        (await withToken(second ? await tokenWithScopes([op.scope, second]) : onlyScope.get(op.scope)!, op.method, url)).status,
        allowed,
        'allowed (not 401/403/5xx)',
      );
      check(
        `token with all but ${op.scope}`,
        op,
        (await withToken(allButScope.get(op.scope)!, op.method, url)).status,
        (s) => s === 403,
        '403',
      );
      tally.allowed += 1;
    }
    console.log(`access matrix, API tokens: ${tally.allowed} endpoints accept a scope, ${tally.refused} refuse every token`);
    expect(wrong).toEqual([]);
  }, 300_000);
});
