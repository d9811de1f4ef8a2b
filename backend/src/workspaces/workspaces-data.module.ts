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
 * workspace names without a module cycle. Its repository stays inside: the workspaces module's own
 * writers (WorkspacesModule) register one of their own.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity])],
  providers: [WorkspacesRepository, WorkspacesReader, WorkspaceSettingsRepository, WorkspaceSettingsService],
  exports: [WorkspacesReader, WorkspaceSettingsService],
})
export class WorkspacesDataModule {}
