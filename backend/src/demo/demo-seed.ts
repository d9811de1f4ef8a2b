import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { WorkspacesService } from '../workspaces/workspaces.service';

export const DEMO_ADMIN = { email: 'demo@otklik.local', password: 'otklik-demo', name: 'Demo Admin' } as const;
export const DEMO_WORKSPACE = 'Demo workspace';

/** On an empty database, creates the demo workspace and its admin. Returns whether it did. */
export async function seedDemo(app: INestApplicationContext): Promise<boolean> {
  const users = app.get(UsersRepository);
  if ((await users.count()) > 0) return false;
  const hasher = app.get(PasswordHasher);
  const user = await users.create({
    email: DEMO_ADMIN.email,
    name: DEMO_ADMIN.name,
    passwordHash: await hasher.hash(DEMO_ADMIN.password),
  });
  await app.get(WorkspacesService).create(DEMO_WORKSPACE, user.id);
  new Logger('Demo').log(`Created "${DEMO_WORKSPACE}" with admin ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
  return true;
}
