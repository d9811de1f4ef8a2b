import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspaceSettingsRepository } from './workspace-settings.repository';
import { WorkspaceSettingsService } from './workspace-settings.service';
import { WorkspaceEntity } from './workspace.entity';
import { WorkspacesReader } from './workspaces.reader';
import { WorkspacesRepository } from './workspaces.repository';

/**
 * The `workspaces` table and what other modules may do with it, without the HTTP side. Split from
 * WorkspacesModule (which needs members to create a workspace with its first admin), so members and auth can read
 * workspace names without a module cycle. WorkspacesRepository is exported for WorkspacesModule only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity])],
  providers: [WorkspacesRepository, WorkspacesReader, WorkspaceSettingsRepository, WorkspaceSettingsService],
  exports: [WorkspacesRepository, WorkspacesReader, WorkspaceSettingsService],
})
export class WorkspacesDataModule {}
