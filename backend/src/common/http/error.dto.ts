import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'email must be a valid email address' }) message: string;
}

export class ErrorDetailDto {
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable code' }) code: string;
  @ApiProperty({ description: 'A message a person understands' }) message: string;
  @ApiPropertyOptional({ type: FieldErrorDto, isArray: true }) details?: FieldErrorDto[];
  @ApiProperty({ description: 'Also in the X-Request-Id header; quote it when reporting a problem' }) requestId: string;
}

/** The one shape of every error response. */
export class ErrorResponseDto {
  @ApiProperty({ type: ErrorDetailDto }) error: ErrorDetailDto;
}
