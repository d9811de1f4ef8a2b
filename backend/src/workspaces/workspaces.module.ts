import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesDataModule } from './workspaces-data.module';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [WorkspacesDataModule, MembersModule],
  controllers: [WorkspacesController],
  providers: [WorkspacesService],
  exports: [WorkspacesService, WorkspacesDataModule],
})
export class WorkspacesModule {}
