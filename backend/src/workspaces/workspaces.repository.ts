import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

@Injectable()
export class WorkspacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(WorkspaceEntity);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<WorkspaceEntity | null> {
    return this.repo().findOneBy({ id });
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
