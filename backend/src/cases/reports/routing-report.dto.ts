import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { HOP_REASONS } from '../routing/routing-reasons';

/** How time lost is counted (also the API document's words). */
export const LOST_TIME =
  'wall-clock hours from the opening of a misrouted case to its last hop with a misrouted reason (nights and weekends included)';

export class RoutingReportQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Cases opened at or after this instant; default 180 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date, e.g. 2026-11-01 or 2026-11-01T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Cases opened before this instant (exclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date, e.g. 2026-12-01 or 2026-12-01T00:00:00Z' })
  to?: string;

  @ApiPropertyOptional({ default: 'UTC', description: 'IANA time zone whose calendar months are reported' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

const nullableNumber = (description: string) => ApiProperty({ type: Number, nullable: true, description });

export class HopDistributionDto {
  @ApiProperty({ description: 'Cases never moved' }) none: number;
  @ApiProperty() one: number;
  @ApiProperty() two: number;
  @ApiProperty({ description: 'Three hops or more' }) threeOrMore: number;
}

export class RoutingFiguresDto {
  @ApiProperty({ description: 'Cases opened in the period' }) cases: number;
  @ApiProperty({
    description: 'Cases whose first move off their first touchpoint, or away from their first owner, was wrong_touchpoint or wrong_owner',
  })
  misroutedCases: number;
  @nullableNumber('misroutedCases / cases in percent, 1 decimal') misroutingRate: number | null;
  @ApiProperty({ description: 'Moves to another touchpoint or owner, all reasons' }) hops: number;
  @nullableNumber('hops / cases, 2 decimals') hopsPerCase: number | null;
  @ApiProperty({ type: HopDistributionDto }) distribution: HopDistributionDto;
  @nullableNumber(`Median time lost of the misrouted cases: ${LOST_TIME}; 1 decimal`) medianLostHours: number | null;
  @nullableNumber('Mean of the same, hours, 1 decimal') meanLostHours: number | null;
  @ApiProperty({ description: 'Cases resolved (resolved or closed)' }) resolvedCases: number;
  @ApiProperty({ description: 'Resolved cases never moved and never reopened: resolved by the first owner at the first touchpoint' })
  firstContactResolved: number;
  @nullableNumber('First-contact resolution: firstContactResolved / resolvedCases in percent, 1 decimal') fcrRate: number | null;
}

export class RoutingGroupDto extends RoutingFiguresDto {
  @ApiProperty({ type: String, nullable: true, description: 'Routing rule, first touchpoint id or source; null: none / not recorded' })
  key: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Touchpoint name; the key otherwise' }) label: string | null;
}

export class RoutingMonthDto extends RoutingFiguresDto {
  @ApiProperty({ example: '2026-11', description: 'yyyy-mm of `timeZone`' }) month: string;
}

export class RoutingTouchpointDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: cases without a touchpoint' }) touchpointId:
    string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ description: 'Cases that opened at this touchpoint' }) cases: number;
  @ApiProperty({ description: 'Of those, misrouted (see misroutedCases)' }) misroutedCases: number;
  @nullableNumber('misroutedCases / cases in percent') misroutingRate: number | null;
  @ApiProperty({ description: 'Misrouted hops that took a case away from this touchpoint (it had landed here wrongly)' }) sent: number;
  @ApiProperty({ description: 'Misrouted hops that brought a case here (it should have come here first)' }) received: number;
}

export class RoutingReasonDto {
  @ApiProperty({ enum: HOP_REASONS, enumName: 'ReassignReason' }) reason: string;
  @ApiProperty() hops: number;
}

export class RoutingReportDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: RoutingFiguresDto }) totals: RoutingFiguresDto;
  @ApiProperty({ type: [RoutingGroupDto], description: 'Per routing rule that gave the first owner, most cases first' })
  byRule: RoutingGroupDto[];
  @ApiProperty({ type: [RoutingGroupDto], description: 'Per source the cases came from, most cases first' }) bySource: RoutingGroupDto[];
  @ApiProperty({
    type: [RoutingTouchpointDto],
    description: 'Per touchpoint: cases opened there and misrouted hops sent and received; most misrouted traffic first',
  })
  touchpoints: RoutingTouchpointDto[];
  @ApiProperty({ type: [RoutingReasonDto], description: 'Hops per reason, every reason listed' }) reasons: RoutingReasonDto[];
  @ApiProperty({ type: [RoutingMonthDto], description: 'Per calendar month the cases opened in, empty months included' })
  months: RoutingMonthDto[];
}
