import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesDataModule } from './workspaces-data.module';
import { WorkspacesRepository } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';
import { WorkspaceEntity } from './workspace.entity';

/** Creating and renaming workspaces over HTTP; other modules read workspaces through WorkspacesDataModule. */
@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity]), WorkspacesDataModule, MembersModule],
  controllers: [WorkspacesController],
  providers: [WorkspacesRepository, WorkspacesService],
  exports: [WorkspacesService, WorkspacesDataModule],
})
export class WorkspacesModule {}
