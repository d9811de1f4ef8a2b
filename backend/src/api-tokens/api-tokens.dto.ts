import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SCOPES, Scope } from '@otklik/survey-model';
import { Trim } from '../common/http/dto-helpers';
import { UserRefDto } from '../members/members.dto';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'CRM sync', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: SCOPES, enumName: 'Scope', isArray: true })
  @IsArray({ message: 'scopes must be a list' })
  @ArrayMinSize(1, { message: 'choose at least one scope' })
  @ArrayMaxSize(SCOPES.length)
  @ArrayUnique({ message: 'scopes must not repeat' })
  @IsIn(SCOPES, { each: true, message: `each scope must be one of: ${SCOPES.join(', ')}` })
  scopes: Scope[];

  @ApiPropertyOptional({ minimum: 1, maximum: 3650, description: 'Days until the token stops working; never when omitted.' })
  @IsOptional()
  @IsInt({ message: 'expiresInDays must be a whole number' })
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Public part of the token, to recognise it' }) prefix: string;
  @ApiProperty({ enum: SCOPES, enumName: 'Scope', isArray: true }) scopes: Scope[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: UserRefDto }) createdBy: UserRefDto;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'The full token; shown only now. Send it as "Authorization: Bearer <secret>".' })
  secret: string;
}
