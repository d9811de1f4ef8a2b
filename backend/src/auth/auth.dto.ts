import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'New password, or the existing one if the email already has an account' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ description: 'Needed only when the email has no account yet' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;
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
  @ApiProperty({ description: 'Whether the email already has an account (then no name is asked)' }) userExists: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
}
