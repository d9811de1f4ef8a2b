import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** What other modules read about users: who someone is, for lists that show an owner or an assignee. */
@Injectable()
export class UsersReader {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** id → name and email of these users (one query per page, never one per row). */
  async profilesOf(userIds: readonly (string | null | undefined)[]): Promise<Map<string, Pick<UserEntity, 'name' | 'email'>>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({ select: { id: true, name: true, email: true }, where: { id: In(ids) } });
    return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
  }
}
