import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { SegmentIdQuery } from '../../segments/segment-query';
import { SLA_CHANNELS, SLA_PRIORITIES } from '../../sla/clock';

export const CASE_REPORT_GROUPS = ['touchpoint', 'owner', 'channel', 'priority', 'month'] as const;
export type CaseReportGroupBy = (typeof CASE_REPORT_GROUPS)[number];
export const CASE_REPORT_INTERVALS = ['week', 'month'] as const;
export type CaseReportInterval = (typeof CASE_REPORT_INTERVALS)[number];

/** How every time in these reports is counted (also the API document's words). */
export const SLA_TIME =
  'SLA minutes: working minutes of the case policy\'s business calendar (every minute for targets on the 24×7 "calendar" clock), ' +
  'time paused waiting on the customer left out — the time the SLA targets measure, not wall-clock time';

/** Which cases a report covers: opened in [from, to), optionally one touchpoint / owner / channel / priority. */
export class CaseReportFilterQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Cases opened at or after this instant; default 90 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date, e.g. 2026-11-01 or 2026-11-01T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Cases opened before this instant (exclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date, e.g. 2026-12-01 or 2026-12-01T00:00:00Z' })
  to?: string;

  @ApiPropertyOptional({ default: 'UTC', description: 'IANA time zone whose calendar weeks and months are reported' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only cases of this touchpoint' })
  @IsOptional()
  @IsUUID('all', { message: 'touchpoint must be a touchpoint id' })
  touchpoint?: string;

  @ApiPropertyOptional({ description: 'Only cases of this owner (a user id), or none for unassigned cases' })
  @IsOptional()
  @ValidateIf((o) => o.owner !== 'none')
  @IsUUID('all', { message: 'owner must be a user id or none' })
  owner?: string;

  @ApiPropertyOptional({ enum: SLA_CHANNELS, description: 'Only cases on this channel' })
  @IsOptional()
  @IsIn(SLA_CHANNELS, { message: `channel must be one of: ${SLA_CHANNELS.join(', ')}` })
  channel?: string;

  @ApiPropertyOptional({ enum: SLA_PRIORITIES, description: 'Only cases of this priority' })
  @IsOptional()
  @IsIn(SLA_PRIORITIES, { message: `priority must be one of: ${SLA_PRIORITIES.join(', ')}` })
  priority?: string;

  @SegmentIdQuery() segmentId?: string;
}

export class CaseReportQuery extends CaseReportFilterQuery {
  @ApiPropertyOptional({
    enum: CASE_REPORT_GROUPS,
    enumName: 'CaseReportGroupBy',
    default: 'touchpoint',
    description: 'One row per touchpoint, owner, channel, priority or month opened',
  })
  @IsOptional()
  @IsIn(CASE_REPORT_GROUPS, { message: `groupBy must be one of: ${CASE_REPORT_GROUPS.join(', ')}` })
  groupBy?: CaseReportGroupBy;
}

export class CaseReportSeriesQuery extends CaseReportFilterQuery {
  @ApiPropertyOptional({
    enum: CASE_REPORT_INTERVALS,
    enumName: 'CaseReportInterval',
    default: 'week',
    description: 'Calendar weeks (ISO, Monday first) or months of `timeZone`',
  })
  @IsOptional()
  @IsIn(CASE_REPORT_INTERVALS, { message: `interval must be one of: ${CASE_REPORT_INTERVALS.join(', ')}` })
  interval?: CaseReportInterval;
}

// ---- responses ----

const nullableNumber = (description: string) => ApiProperty({ type: Number, nullable: true, description });

export class CaseTimerFiguresDto {
  @ApiProperty({ description: 'Cases whose outcome is known (met + missed): the timer stopped, or its deadline passed first' })
  measured: number;
  @ApiProperty({ description: 'Stopped within the target' }) met: number;
  @ApiProperty({ description: 'Missed targets (breaches): flagged by the breach job, or stopped / still running past the target' })
  missed: number;
  @ApiProperty({ description: 'Still running and not late yet: not counted in compliance' }) pending: number;
  @ApiProperty({ description: "The case's policy sets no such target: never counted in compliance" }) noTarget: number;
  @nullableNumber('SLA compliance: met / measured in percent, 1 decimal; null when nothing is measured') compliance: number | null;
  @ApiProperty({ description: 'Cases with a time (first response: our first reply; resolution: resolved)' }) timed: number;
  @nullableNumber(`Median time of the timed cases, in ${SLA_TIME}; 1 decimal`) medianMinutes: number | null;
  @nullableNumber('90th percentile (linear interpolation, as percentile_cont) of the same times, SLA minutes') p90Minutes: number | null;
}

export class CaseFollowUpFiguresDto {
  @ApiProperty({ description: 'Cases closed at least once (a follow-up CSAT could be asked)' }) closedCases: number;
  @ApiProperty({ description: 'Of those, cases with a follow-up CSAT answer' }) answered: number;
  @nullableNumber('answered / closedCases in percent') sharePercent: number | null;
  @nullableNumber('Mean follow-up CSAT (1–5), 2 decimals') average: number | null;
  @nullableNumber('Median follow-up CSAT (1–5)') median: number | null;
  @nullableNumber('CSAT: share of 4–5 answers in percent') csatPercent: number | null;
}

export class CaseTradeOffFiguresDto {
  @ApiProperty({ description: 'Resolved cases that also have a follow-up CSAT: speed and quality of the same cases' }) cases: number;
  @nullableNumber('Median resolution time of those cases, SLA minutes') medianResolutionMinutes: number | null;
  @nullableNumber('Mean follow-up CSAT of those cases (1–5)') averageCsat: number | null;
}

export class CaseClosedLoopFiguresDto {
  @ApiProperty({ description: 'Cases opened from an NPS detractor answer (0–6)' }) detractorCases: number;
  @ApiProperty({ description: 'Of those, cases whose first-response outcome is known' }) measured: number;
  @ApiProperty({ description: 'Of those, first response within target (the detractor was contacted in time)' }) met: number;
  @nullableNumber('Closed-loop rate: met / measured in percent') ratePercent: number | null;
}

export class CaseReportFiguresDto {
  @ApiProperty({ description: 'Cases opened in the period' }) cases: number;
  @ApiProperty({ type: CaseTimerFiguresDto, description: 'From opening to our first reply' }) firstResponse: CaseTimerFiguresDto;
  @ApiProperty({ type: CaseTimerFiguresDto, description: 'From opening (or the reopen after a low follow-up) to resolution' })
  resolution: CaseTimerFiguresDto;
  @ApiProperty({ description: 'Missed targets, first response and resolution together' }) breaches: number;
  @ApiProperty({ description: 'Cases that missed at least one target' }) breachedCases: number;
  @ApiProperty({ type: CaseFollowUpFiguresDto }) followUp: CaseFollowUpFiguresDto;
  @ApiProperty({ type: CaseTradeOffFiguresDto }) tradeOff: CaseTradeOffFiguresDto;
  @ApiProperty({ type: CaseClosedLoopFiguresDto }) closedLoop: CaseClosedLoopFiguresDto;
}

export class CaseReportGroupDto extends CaseReportFiguresDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Touchpoint / owner id, channel, priority or month (yyyy-mm); null: no touchpoint / unassigned',
  })
  key: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Touchpoint or owner name; the key otherwise; null with a null key' }) label:
    string | null;
}

export class CaseReportDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ enum: CASE_REPORT_GROUPS, enumName: 'CaseReportGroupBy' }) groupBy: CaseReportGroupBy;
  @ApiProperty({ format: 'date-time', description: 'The moment running timers were judged at (late = missed, else pending)' }) asOf: string;
  @ApiProperty({ type: CaseReportFiguresDto, description: 'Every case of the period together' }) totals: CaseReportFiguresDto;
  @ApiProperty({
    type: [CaseReportGroupDto],
    description: 'Most cases first (priority: urgent → low; month: in order, empty months included); null keys last',
  })
  groups: CaseReportGroupDto[];
}

export class CaseReportPointDto extends CaseReportFiguresDto {
  @ApiProperty({ example: '2026-W48', description: 'yyyy-Www (ISO week) or yyyy-mm' }) label: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) end: string;
}

export class CaseReportSeriesDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ enum: CASE_REPORT_INTERVALS, enumName: 'CaseReportInterval' }) interval: CaseReportInterval;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({
    type: [CaseReportPointDto],
    description: 'One point per week or month the period touches (empty ones too), by the time cases opened',
  })
  points: CaseReportPointDto[];
}
