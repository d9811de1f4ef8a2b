import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ACCOUNT_MAIL_LANGUAGES, type AccountMailLanguage } from '../mail/account-mail-language';
import { ROLES, Role } from '../common/auth/roles';
import { NormaliseEmail, Trim } from '../common/http/dto-helpers';
import { WorkspaceSummaryDto } from '../workspaces/workspaces.dto';

export const MIN_PASSWORD_LENGTH = 10;

export class LoginDto {
  @ApiProperty({ example: 'demo@otklik.local' })
  @NormaliseEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'otklik-demo' })
  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(256)
  password: string;
}

class InvitationTokenDto {
  @ApiProperty({ description: 'The secret from the invitation link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

/** Accepting needs a session of the invited address; no password is taken here, ever. */
export class AcceptInvitationDto extends InvitationTokenDto {}

/** "Create my account": mails a code to the invited address (or, if it has an account, a "sign in" note). */
export class SendInvitationCodeDto extends InvitationTokenDto {}

const newPassword = (description: string) =>
  applyDecorators(
    ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description }),
    IsString(),
    MinLength(MIN_PASSWORD_LENGTH, { message: `$property must be at least ${MIN_PASSWORD_LENGTH} characters` }),
    MaxLength(256),
  );

export class RegisterFromInvitationDto extends InvitationTokenDto {
  @ApiProperty({ description: 'The code mailed to the invited address', example: '04718352' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s-]/g, '') : value))
  @IsString()
  @Matches(/^\d{8}$/, { message: 'code must be the 8 digits from the email' })
  code: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @newPassword('Password of the new account')
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'currentPassword must not be empty' })
  @MaxLength(256)
  currentPassword: string;

  @newPassword('The new password')
  newPassword: string;
}

export class CompletePasswordResetDto {
  @ApiProperty({ description: 'The secret from the mailed reset link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @newPassword('The new password')
  newPassword: string;
}

/** The dashboard language of the signed-in person; their account mails (password resets) are written in it. */
export class SetLocaleDto {
  @ApiProperty({ enum: ACCOUNT_MAIL_LANGUAGES })
  @IsIn(ACCOUNT_MAIL_LANGUAGES, { message: `locale must be one of ${ACCOUNT_MAIL_LANGUAGES.join(', ')}` })
  locale: AccountMailLanguage;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() locale: string;
}

export class SessionDto {
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiProperty({ type: WorkspaceSummaryDto, isArray: true }) workspaces: WorkspaceSummaryDto[];
  @ApiProperty({ description: 'Send as X-CSRF-Token with every cookie-authenticated write' }) csrfToken: string;
}

export class InvitationPreviewDto {
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty() workspaceName: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
}
