import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RED_STATUSES, type RedStatus } from '../../customers/status/colour-status';
import { LabelledPeriodQuery } from '../analytics/churn-analytics.dto';
import { LOSS_REASON_KINDS, type LossReasonKind } from './loss-reasons';

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The period and `segmentId` of the churn analytics. */
export class RedSpectrumQuery extends LabelledPeriodQuery {}

export class RedSpectrumCustomersQuery extends RedSpectrumQuery {
  @ApiPropertyOptional({ enum: RED_STATUSES, enumName: 'RedStatus', description: 'Only this red status; default all three' })
  @IsOptional()
  @IsIn(RED_STATUSES, { message: `status must be one of: ${RED_STATUSES.join(', ')}` })
  status?: RedStatus;

  @ApiPropertyOptional({
    example: 'too_expensive',
    description: 'Only this loss reason: a churn reason key, cluster:<id>, survey:<id> or unknown',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  reason?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}

export class LossReasonDto {
  @ApiProperty({ example: 'too_expensive', description: 'A churn reason key, cluster:<id>, survey:<id> or unknown' }) key: string;
  @ApiProperty({ enum: LOSS_REASON_KINDS, enumName: 'LossReasonKind' }) kind: LossReasonKind;
  @ApiProperty({ description: "The churn reason's label in the asked language, the cluster's or survey's name; the key for unknown" })
  label: string;
}

export class RedStatusTotalDto {
  @ApiProperty({ enum: RED_STATUSES, enumName: 'RedStatus' }) status: RedStatus;
  @ApiProperty() customers: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Percent of all red customers in the report, 1 decimal; null when there are none',
  })
  shareOfRed: number | null;
  @ApiProperty({ description: 'Sum of the MRR on these customers’ records' }) moneyLost: number;
}

export class RedSpectrumCellDto {
  @ApiProperty({ enum: RED_STATUSES, enumName: 'RedStatus' }) status: RedStatus;
  @ApiProperty() reasonKey: string;
  @ApiProperty() customers: number;
  @ApiProperty({ description: 'Percent of the customers in this status, 1 decimal' }) shareOfStatus: number;
  @ApiProperty({ description: 'Percent of all red customers, 1 decimal' }) shareOfRed: number;
  @ApiProperty() moneyLost: number;
}

export class RedTrendCellDto {
  @ApiProperty({ enum: RED_STATUSES, enumName: 'RedStatus' }) status: RedStatus;
  @ApiProperty() reasonKey: string;
  @ApiProperty({ description: 'Moves into this status in the month, by customers whose loss reason is this one' }) customers: number;
}

export class RedTrendMonthDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ type: [RedTrendCellDto] }) cells: RedTrendCellDto[];
}

export class RedSpectrumDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'Red customers who entered their status in the period and are still in it' }) customers: number;
  @ApiProperty() moneyLost: number;
  @ApiProperty({ type: [RedStatusTotalDto], description: 'red_green, red_gold, red_platinum, always all three' })
  statuses: RedStatusTotalDto[];
  @ApiProperty({ type: [LossReasonDto], description: 'The reasons present, catalog order first, most customers first after' })
  reasons: LossReasonDto[];
  @ApiProperty({ type: [RedSpectrumCellDto], description: 'Non-empty status × reason cells' }) cells: RedSpectrumCellDto[];
  @ApiProperty({ type: [RedTrendMonthDto], description: 'Every calendar month of the period, empty ones included' })
  months: RedTrendMonthDto[];
}

export class RedCustomerDto {
  @ApiProperty() externalId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ enum: RED_STATUSES, enumName: 'RedStatus' }) status: RedStatus;
  @ApiProperty({ type: LossReasonDto }) reason: LossReasonDto;
  @ApiProperty({ description: 'The MRR on the customer’s record' }) moneyLost: number;
  @ApiProperty({ description: 'When they entered the status' }) enteredAt: string;
}

export class RedCustomerPageDto {
  @ApiProperty({ type: [RedCustomerDto] }) items: RedCustomerDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
