import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListResponsesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;

  @ApiPropertyOptional({ description: 'Only finished (true) or only partial (false) responses' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'finished must be true or false' })
  finished?: boolean;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString({}, { message: 'from must be an ISO date' }) from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString({}, { message: 'to must be an ISO date' }) to?: string;
}

export class ResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() surveyVersion: number;
  @ApiProperty() respondentId: string;
  @ApiProperty({ type: String, nullable: true }) customerId: string | null;
  @ApiProperty({ description: 'customerId came with a valid identity hash; false: claimed by the page, not proven' })
  customerVerified: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: Record<string, unknown>;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Number, nullable: true }) scoreScaleMax: number | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty() finished: boolean;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) hiddenFields: Record<string, string>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class ResponsePageDto {
  @ApiProperty({ type: ResponseDto, isArray: true }) items: ResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null at the end' }) nextCursor:
    string | null;
}
