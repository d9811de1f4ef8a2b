import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class IdentitySecretDto {
  @ApiProperty({ example: 'idsec_3q2…', description: 'Sign customer ids with it on your server: hex HMAC-SHA256(secret, customerId)' })
  secret: string;
  @ApiProperty({ type: String, format: 'date-time' }) rotatedAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when hashes made with the previous secret are still accepted',
  })
  previousValidUntil: string | null;
}

export class RotateIdentitySecretDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 168,
    description: 'Hours the old secret stays valid (0 = stop accepting it now; default 24)',
  })
  @IsOptional()
  @IsInt({ message: 'previousValidHours must be a whole number of hours' })
  @Min(0)
  @Max(168)
  previousValidHours?: number;
}
