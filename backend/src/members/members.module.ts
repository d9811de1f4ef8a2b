import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { MembershipEntity } from './membership.entity';
import { MembershipsReader } from './memberships.reader';
import { MembershipsRepository } from './memberships.repository';

@Module({
  imports: [TypeOrmModule.forFeature([MembershipEntity, InvitationEntity]), UsersModule, MailModule, WorkspacesDataModule, ApiTokensModule],
  controllers: [MembersController],
  providers: [MembershipsRepository, MembershipsReader, MembersService, InvitationsRepository, InvitationsService],
  exports: [MembershipsReader, InvitationsService],
})
export class MembersModule {}
