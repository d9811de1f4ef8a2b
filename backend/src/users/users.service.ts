import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UserEntity } from './user.entity';
import { type NewUser, UsersRepository } from './users.repository';

export type { NewUser };

/**
 * What other modules (auth, members, the demo seed) do with user accounts: look one up, sign up, change a password.
 * Lists that only show an owner's name use UsersReader.
 */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /** Case-insensitive lookup with the password hash (sign-in, and whether an email already has an account). */
  findByEmailWithPassword(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users.findByEmailWithPassword(email, manager);
  }

  /** With the password hash, for re-authentication. */
  findByIdWithPassword(id: string): Promise<UserEntity | null> {
    return this.users.findByIdWithPassword(id);
  }

  /** Inside the caller's transaction when given. */
  create(user: NewUser, manager?: EntityManager): Promise<UserEntity> {
    return this.users.create(user, manager);
  }

  /** Inside the caller's transaction when given. */
  updatePassword(id: string, passwordHash: string, manager?: EntityManager): Promise<void> {
    return this.users.updatePassword(id, passwordHash, manager);
  }

  /** The language the person uses the dashboard in: their account mails follow it. */
  updateLocale(id: string, locale: string): Promise<void> {
    return this.users.updateLocale(id, locale);
  }

  count(): Promise<number> {
    return this.users.count();
  }
}
