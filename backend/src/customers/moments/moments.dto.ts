import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MOMENT_STATUSES, type MomentStatus } from '../timeline/timeline.dto';
import { DEFAULT_TTL_DAYS, MAX_TTL_DAYS, MOMENT_NAME, WELL_KNOWN_MOMENTS } from './moment-rules';

export class RecordMomentDto {
  @ApiProperty({
    example: 'renewal_due',
    pattern: MOMENT_NAME.source,
    description: `${WELL_KNOWN_MOMENTS.join(', ')} or a name of your own. A live survey whose trigger is \`event\` with this eventName shows at the customer's next page view.`,
  })
  @IsString({ message: 'moment is required' })
  @Matches(MOMENT_NAME, { message: 'moment must be 1–64 characters of a-z, 0-9, _ . - (e.g. trial_ending, renewal_due, payment_failed)' })
  moment: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: `When the moment stops waiting; ${DEFAULT_TTL_DAYS} days from now by default, at most ${MAX_TTL_DAYS}`,
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO date-time' })
  expiresAt?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Your id for this report: sending it again for the same customer records nothing new',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]{1,100}$/, { message: 'idempotencyKey must be 1–100 characters of letters, digits, _ . : -' })
  idempotencyKey?: string;
}

export class ListMomentsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be between 1 and 100' })
  @Max(100, { message: 'limit must be between 1 and 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(400) cursor?: string;
}

export class MomentSurveyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class MomentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ example: 'renewal_due' }) moment: string;
  @ApiProperty({
    enum: MOMENT_STATUSES,
    enumName: 'MomentStatus',
    description: 'answered: the customer responded to a survey waiting for this moment after it was recorded',
  })
  status: MomentStatus;
  @ApiProperty({ type: String, nullable: true }) idempotencyKey: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) responseId: string | null;
  @ApiProperty({ type: MomentSurveyDto, nullable: true, description: 'The survey answered' }) survey: MomentSurveyDto | null;
}

export class RecordedMomentDto extends MomentDto {
  @ApiProperty({
    type: MomentSurveyDto,
    isArray: true,
    description: 'Live surveys waiting for this moment (trigger event, eventName = moment); empty: nothing will show',
  })
  surveys: MomentSurveyDto[];
}

export class MomentPageDto {
  @ApiProperty({ type: MomentDto, isArray: true, description: 'Newest first' }) items: MomentDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null at the end' }) nextCursor:
    string | null;
}
