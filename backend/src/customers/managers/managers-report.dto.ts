import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional } from 'class-validator';

export const MANAGERS_REPORT_GROUPS = ['manager', 'touchpoint', 'segment'] as const;
export type ManagersReportGroup = (typeof MANAGERS_REPORT_GROUPS)[number];

export class ManagersReportQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start (inclusive); default 90 days before `to`' })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date' })
  to?: string;

  @ApiPropertyOptional({
    enum: MANAGERS_REPORT_GROUPS,
    enumName: 'ManagersReportGroup',
    default: 'manager',
    description:
      "manager: the customer's account manager; touchpoint: the touchpoint of the customer's latest case; segment: each saved segment (they may overlap)",
  })
  @IsOptional()
  @IsIn(MANAGERS_REPORT_GROUPS, { message: `by must be one of: ${MANAGERS_REPORT_GROUPS.join(', ')}` })
  by?: ManagersReportGroup;
}

export class ManagersReportRowDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'User, touchpoint or segment id; null: customers without a manager / a case at a touchpoint',
  })
  key: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The manager's name (or email), the touchpoint's or segment's name" })
  label: string | null;
  @ApiProperty({ description: "The caller's own portfolio (by manager)" }) mine: boolean;
  @ApiProperty({ description: 'Customers in the group now' }) customers: number;
  @ApiProperty({ description: 'Customers who moved into a red status in the period' }) losses: number;
  @ApiProperty({ description: 'savedByOffer + warningsCleared' }) saves: number;
  @ApiProperty({ description: 'Cancellation flows an offer saved in the period' }) savedByOffer: number;
  @ApiProperty({ description: 'Early warnings cleared in the period for customers who are not in a red status' }) warningsCleared: number;
  @ApiProperty({ description: 'MRR on the records of the lost customers' }) moneyLost: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "NPS of the group's customers' answers in the period, 1 decimal; null also for an API token without responses:read",
  })
  nps: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'NPS answers behind it; null for an API token without responses:read' })
  npsResponses: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Open cases of the group's customers now; null for an API token without cases:read",
  })
  openCases: number | null;
}

export class ManagersReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: MANAGERS_REPORT_GROUPS, enumName: 'ManagersReportGroup' }) by: ManagersReportGroup;
  @ApiProperty({ type: [ManagersReportRowDto], description: 'The caller’s own group first, then most losses first' })
  rows: ManagersReportRowDto[];
}
