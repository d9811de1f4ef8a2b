import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '@otklik/backend/src/app.factory';
import type { Role } from '@otklik/backend/src/common/auth/roles';
import { AppConfig, loadConfig } from '@otklik/backend/src/config/app-config';
import { MembershipsReader } from '@otklik/backend/src/members/memberships.reader';
import { PasswordHasher } from '@otklik/backend/src/users/password-hasher';
import { UsersService } from '@otklik/backend/src/users/users.service';
import { WorkspacesService } from '@otklik/backend/src/workspaces/workspaces.service';
import { createTestDatabase } from './database';

export interface SeededUser {
  userId: string;
  email: string;
  password: string;
  name: string;
}

export interface SeededAdmin extends SeededUser {
  workspaceId: string;
}

/** A supertest agent that carries the session cookie and sends the CSRF token on writes. */
export interface LoggedIn {
  agent: TestAgent;
  csrfToken: string;
  userId: string;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  config: AppConfig;
  /** Plain supertest against the app, no cookies. */
  http(): TestAgent;
  createUser(overrides?: Partial<Omit<SeededUser, 'userId'>>): Promise<SeededUser>;
  /** A new user who is admin of a new workspace. */
  seedAdmin(workspaceName?: string): Promise<SeededAdmin>;
  addMember(workspaceId: string, userId: string, role: Role): Promise<void>;
  login(email: string, password: string): Promise<LoggedIn>;
  close(): Promise<void>;
}

let counter = 0;
const PASSWORD = 'correct-horse-battery';

/** The real application on its own fresh database, listening on a free loopback port. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig(
    { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', LOG_FORMAT: 'json' },
    { seedDemo: false, loginLimitPerIpPerMinute: 10_000, port: 0, ...overrides },
  );
  const app = await createApp(config, database.url);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const http = () => request(app.getHttpServer());

  const createUser: TestApp['createUser'] = async (input = {}) => {
    counter += 1;
    const unique = `${process.pid}-${Date.now()}-${counter}`;
    const user = {
      email: input.email ?? `user-${unique}@example.test`,
      password: input.password ?? PASSWORD,
      name: input.name ?? `User ${counter}`,
    };
    const passwordHash = await app.get(PasswordHasher).hash(user.password);
    const saved = await app.get(UsersService).create({ email: user.email, name: user.name, passwordHash });
    return { ...user, userId: saved.id };
  };

  return {
    app,
    baseUrl,
    config,
    http,
    createUser,
    async seedAdmin(workspaceName = `Workspace ${counter + 1}`) {
      const user = await createUser();
      const workspace = await app.get(WorkspacesService).create(workspaceName, user.userId);
      return { ...user, workspaceId: workspace.id };
    },
    async addMember(workspaceId, userId, role) {
      await app.get(MembershipsReader).add(workspaceId, userId, role);
    },
    async login(email, password) {
      const agent = request.agent(app.getHttpServer());
      const response = await agent.post('/api/v1/auth/login').send({ email, password });
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
      const csrfToken = response.body.csrfToken as string;
      return {
        agent,
        csrfToken,
        userId: response.body.user.id as string,
        get: (path) => agent.get(path),
        post: (path, body) =>
          agent
            .post(path)
            .set('X-CSRF-Token', csrfToken)
            .send(body ?? {}),
        patch: (path, body) =>
          agent
            .patch(path)
            .set('X-CSRF-Token', csrfToken)
            .send(body ?? {}),
        put: (path, body) =>
          agent
            .put(path)
            .set('X-CSRF-Token', csrfToken)
            .send(body ?? {}),
        delete: (path) => agent.delete(path).set('X-CSRF-Token', csrfToken),
      };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
