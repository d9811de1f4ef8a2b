import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, Role } from '../common/auth/roles';
import { Trim } from '../common/http/dto-helpers';

export class WorkspaceNameDto {
  @ApiProperty({ example: 'Acme Coffee', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name: string;
}

export class WorkspaceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
}

export class WorkspaceDto extends WorkspaceSummaryDto {
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
