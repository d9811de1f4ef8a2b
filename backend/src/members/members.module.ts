import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { MembershipsRepository } from './memberships.repository';

@Module({
  imports: [UsersModule, MailModule],
  controllers: [MembersController],
  providers: [MembershipsRepository, MembersService, InvitationsRepository, InvitationsService, WorkspacesRepository],
  exports: [MembershipsRepository, InvitationsService, WorkspacesRepository],
})
export class MembersModule {}
