import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { ROLES, Role } from '../common/auth/roles';
import { NormaliseEmail } from '../common/http/dto-helpers';

const roleMessage = `role must be one of: ${ROLES.join(', ')}`;

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ type: String, format: 'date-time' }) joinedAt: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES, { message: roleMessage })
  role: Role;
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'anna@example.com' })
  @NormaliseEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES, { message: roleMessage })
  role: Role;
}

export class UserRefDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: UserRefDto }) invitedBy: UserRefDto;
}

export class CreatedInvitationDto extends InvitationDto {
  @ApiProperty({ description: 'The invitation secret; shown only now.' }) token: string;
  @ApiProperty({ description: 'Dashboard path that accepts the invitation, e.g. /invite/<token>' }) acceptUrl: string;
}
