import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { RateLimitsModule } from '../common/rate-limits/rate-limits.module';
import { MailModule } from '../mail/mail.module';
import { MembersModule } from '../members/members.module';
import { UsersModule } from '../users/users.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { AccountLoginLimiter } from './login-throttle';
import { PasswordResetsController } from './password-resets.controller';
import { PasswordResetEntity } from './password-reset.entity';
import { PasswordResetsRepository } from './password-resets.repository';
import { PasswordResetsService } from './password-resets.service';
import { PasswordVerifier } from './password-verifier';
import { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { WorkspaceAccessGuard } from './workspace-access.guard';

@Module({
  imports: [
    TypeOrmModule.forFeature([SessionEntity, PasswordResetEntity]),
    UsersModule,
    MembersModule,
    ApiTokensModule,
    MailModule,
    WorkspacesDataModule,
    RateLimitsModule,
  ],
  controllers: [AuthController, PasswordResetsController],
  providers: [
    SessionsRepository,
    SessionsService,
    AuthService,
    AccountLoginLimiter,
    PasswordVerifier,
    PasswordResetsRepository,
    PasswordResetsService,
    // Order matters: who is calling, then what they may do in the workspace.
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: WorkspaceAccessGuard },
  ],
})
export class AuthModule {}
