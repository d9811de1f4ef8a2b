import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Role } from '../common/auth/roles';
import { notFound } from '../common/http/api-error';
import { MembershipsReader, type WorkspaceOfUser } from '../members/memberships.reader';
import { slugify } from './slug';
import { WorkspacesRepository } from './workspaces.repository';
import type { WorkspaceDto, WorkspaceSummaryDto } from './workspaces.dto';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly workspaces: WorkspacesRepository,
    private readonly memberships: MembershipsReader,
  ) {}

  listForUser(userId: string): Promise<WorkspaceOfUser[]> {
    return this.memberships.workspacesOfUser(userId);
  }

  /** Creates a workspace with its creator as the first admin, in one transaction. */
  async create(name: string, creatorUserId: string): Promise<WorkspaceSummaryDto> {
    return this.workspaces.transaction(async (manager) => {
      const base = slugify(name);
      let slug = base;
      while (await this.workspaces.slugExists(slug, manager)) {
        slug = `${base}-${randomBytes(3).toString('hex')}`;
      }
      const workspace = await this.workspaces.create(name, slug, manager);
      await this.memberships.add(workspace.id, creatorUserId, 'admin', manager);
      return { id: workspace.id, name: workspace.name, slug: workspace.slug, role: 'admin' as const };
    });
  }

  async get(workspaceId: string, role: Role | null): Promise<WorkspaceDto> {
    const workspace = await this.workspaces.findById(workspaceId);
    if (!workspace) throw notFound('Workspace');
    return {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      role: role ?? 'viewer',
      createdAt: workspace.createdAt.toISOString(),
    };
  }

  async rename(workspaceId: string, name: string, role: Role | null): Promise<WorkspaceDto> {
    await this.workspaces.rename(workspaceId, name);
    return this.get(workspaceId, role);
  }
}
