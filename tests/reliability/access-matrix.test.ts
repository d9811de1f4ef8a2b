import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../backend/src/common/auth/roles';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * The access matrix: every workspace endpoint of the API document, called by an anonymous visitor, by each
 * role of the workspace and by the admin of another workspace. The roles an endpoint allows come from the
 * document itself (`x-otklik-access`, written by @WorkspaceAccess), so a new endpoint is covered the day it lands.
 *   anonymous → 401 · another workspace → 404 · a role not allowed → 403 · an allowed role → neither, never 5xx
 */
let t: TestApp;
let owner: SeededAdmin;
let stranger: LoggedIn;
const members: Partial<Record<Role, LoggedIn>> = {};
let operations: { method: string; path: string; roles: Role[] }[];

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
  const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { 'x-otklik-access'?: { roles: Role[] } }>> };
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.includes('{workspaceId}'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method, path, roles: op['x-otklik-access']?.roles ?? [] })));
});
afterAll(() => t.close());

/**
 * Endpoints whose rule depends on the record, not only the role: any member may call them for themselves,
 * only admins for others (the matrix calls them for someone else). Leaving is tested in members.test.ts.
 */
const ADMIN_FOR_OTHERS = new Set(['delete /api/v1/workspaces/{workspaceId}/members/{userId}']);

const fill = (path: string) => path.replace('{workspaceId}', owner.workspaceId).replace(/\{(\w+)\}/g, () => randomUUID());

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
        if (op.roles.includes(role) && !(ADMIN_FOR_OTHERS.has(`${op.method} ${op.path}`) && role !== 'admin')) check(role, op, status, (s) => s !== 401 && s !== 403 && s < 500, 'allowed (not 401/403/5xx)');
        else check(role, op, status, (s) => s === 403, '403');
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
