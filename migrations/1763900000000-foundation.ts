import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workspaces, accounts and tenancy.
 * Tenant tables lead their primary key and indexes with workspace_id (see docs/ARCHITECTURE.md).
 * users and sessions are the global identity directory: a person belongs to many workspaces.
 */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workspaces (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        varchar(120) NOT NULL,
        slug        varchar(140) NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE users (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email          varchar(254) NOT NULL,
        name           varchar(120) NOT NULL,
        password_hash  text NOT NULL,
        locale         varchar(8) NOT NULL DEFAULT 'en',
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`
      CREATE TABLE memberships (
        workspace_id  uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role          varchar(16) NOT NULL CHECK (role IN ('admin', 'analyst', 'owner', 'viewer')),
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, user_id)
      )`);
    await db.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
    await db.query(`
      CREATE TABLE invitations (
        workspace_id  uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        email         varchar(254) NOT NULL,
        role          varchar(16) NOT NULL CHECK (role IN ('admin', 'analyst', 'owner', 'viewer')),
        token_hash    char(64) NOT NULL UNIQUE,
        invited_by    uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        accepted_at   timestamptz,
        PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`
      CREATE TABLE api_tokens (
        workspace_id  uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        name          varchar(120) NOT NULL,
        prefix        varchar(16) NOT NULL UNIQUE,
        token_hash    char(64) NOT NULL,
        scopes        text[] NOT NULL,
        created_by    uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_used_at  timestamptz,
        expires_at    timestamptz,
        revoked_at    timestamptz,
        PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`
      CREATE TABLE sessions (
        id            char(64) PRIMARY KEY,
        user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token    varchar(64) NOT NULL,
        ip            varchar(64),
        user_agent    varchar(512),
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_seen_at  timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sessions, api_tokens, invitations, memberships, users, workspaces`);
  }
}
