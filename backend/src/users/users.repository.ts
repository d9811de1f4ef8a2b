import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export type NewUser = Pick<UserEntity, 'email' | 'name' | 'passwordHash'> & Partial<Pick<UserEntity, 'locale'>>;

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  private repo(manager?: EntityManager): Repository<UserEntity> {
    return manager ? manager.getRepository(UserEntity) : this.users;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Case-insensitive lookup that includes the password hash, for login only. */
  findByEmailWithPassword(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  findByIdWithPassword(id: string): Promise<UserEntity | null> {
    return this.repo().createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  async updatePassword(id: string, passwordHash: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash });
  }

  async updateLocale(id: string, locale: string): Promise<void> {
    await this.repo().update({ id }, { locale });
  }

  async create(user: NewUser, manager?: EntityManager): Promise<UserEntity> {
    return this.repo(manager).save(this.repo(manager).create(user));
  }

  count(): Promise<number> {
    return this.repo().count();
  }
}
