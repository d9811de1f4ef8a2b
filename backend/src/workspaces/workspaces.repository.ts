import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

@Injectable()
export class WorkspacesRepository {
  constructor(@InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>) {}

  private repo(manager?: EntityManager): Repository<WorkspaceEntity> {
    return manager ? manager.getRepository(WorkspaceEntity) : this.workspaces;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.workspaces.manager.transaction(work);
  }

  findById(id: string): Promise<WorkspaceEntity | null> {
    return this.repo().findOneBy({ id });
  }

  async findName(id: string): Promise<string | null> {
    const row = await this.repo().findOne({ select: { name: true }, where: { id } });
    return row?.name ?? null;
  }

  async allIds(): Promise<string[]> {
    const rows = await this.repo().find({ select: { id: true }, order: { id: 'ASC' } });
    return rows.map((row) => row.id);
  }

  async slugExists(slug: string, manager?: EntityManager): Promise<boolean> {
    return (await this.repo(manager).countBy({ slug })) > 0;
  }

  create(name: string, slug: string, manager?: EntityManager): Promise<WorkspaceEntity> {
    return this.repo(manager).save(this.repo(manager).create({ name, slug }));
  }

  async rename(id: string, name: string): Promise<void> {
    await this.repo().update({ id }, { name });
  }
}
