import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LANGUAGE_CODE } from '@otklik/survey-model';

export class OverviewQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start (inclusive); default 30 days before `to`' })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date' })
  to?: string;

  @ApiPropertyOptional({ example: 'Europe/Moscow', default: 'UTC', description: 'IANA time zone of the days (chart, links)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ example: 'ru', description: 'Language of the churn reason labels; default en' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'language must be a code like en or ru' })
  language?: string;
}

/** Where the dashboard shows a figure: the page and the query that gives it the same filter. */
export class OverviewLinkDto {
  @ApiProperty({ example: '/churn' }) path: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { from: '2026-11-08', to: '2026-12-07' } })
  query: Record<string, string>;
  @ApiProperty({ description: 'path + query, ready for an href', example: '/churn?from=2026-11-08&to=2026-12-07' }) href: string;
}

export class OverviewPeriodDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
}

export class OverviewScoreDto {
  @ApiProperty({ enum: ['nps', 'csat', 'ces'] }) kind: string;
  @ApiProperty({ description: 'Surveys of this kind' }) surveys: number;
  @ApiProperty({ description: 'Scored answers in the period' }) n: number;
  @ApiProperty({ type: Number, nullable: true, description: 'NPS −100..100; CSAT % satisfied; CES % agree' }) value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95% margin of error, points' }) marginOfError: number | null;
  @ApiProperty({ type: Number, nullable: true }) lower: number | null;
  @ApiProperty({ type: Number, nullable: true }) upper: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The same figure in the previous period' }) previous: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'value − previous' }) change: number | null;
  @ApiProperty({ enum: ['up', 'down', 'flat'], nullable: true, description: 'Direction of the change (higher is better for all three)' })
  trend: 'up' | 'down' | 'flat' | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the change is statistically significant (null: not enough answers)' })
  significant: boolean | null;
  @ApiProperty({ description: 'Finished responses' }) responses: number;
  @ApiProperty() displays: number;
  @ApiProperty({ type: Number, nullable: true, description: 'responses / displays, percent' }) responseRate: number | null;
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
}

export class OverviewDayDto {
  @ApiProperty({ example: '2026-12-01', description: 'Local day (or week/month start for long periods)' }) key: string;
  @ApiProperty({ type: String, format: 'date-time' }) start: string;
  @ApiProperty({ description: 'Scored responses (NPS, CSAT and CES surveys)' }) responses: number;
}

export class OverviewScoresDto {
  @ApiProperty({ type: OverviewScoreDto, isArray: true, description: 'NPS, CSAT and CES, each when the workspace has such a survey' })
  kinds: OverviewScoreDto[];
  @ApiProperty({ description: 'Finished responses to NPS, CSAT and CES surveys' }) responses: number;
  @ApiProperty() previousResponses: number;
  @ApiProperty() displays: number;
  @ApiProperty({ type: Number, nullable: true }) responseRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) previousResponseRate: number | null;
  @ApiProperty({ enum: ['day', 'week', 'month'] }) interval: string;
  @ApiProperty({ type: OverviewDayDto, isArray: true }) series: OverviewDayDto[];
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
}

export class OverviewReasonDto {
  @ApiProperty() reasonKey: string;
  @ApiProperty({ description: 'In the language asked for (the key when the reason is not in the taxonomy)' }) label: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of the cancellations that offered it, percent' }) percent: number | null;
}

export class OverviewChurnDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Customer churn rate, percent (Churn page, summary)' }) churnRate:
    number | null;
  @ApiProperty() customersLost: number;
  @ApiProperty() customersAtStart: number;
  @ApiProperty({ type: Number, nullable: true }) previousChurnRate: number | null;
  @ApiProperty({ description: 'MRR lost to churn in the period' }) mrrLost: number;
  @ApiProperty() previousMrrLost: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Saved / finished cancellation flows, percent' }) saveRate: number | null;
  @ApiProperty() saved: number;
  @ApiProperty() finishedFlows: number;
  @ApiProperty({ type: OverviewReasonDto, isArray: true, description: 'Picked at least once, most picked first, at most 5' })
  topReasons: OverviewReasonDto[];
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
}

export class OverviewTouchpointCasesDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: cases without a touchpoint' }) touchpointId:
    string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ description: 'Open or waiting on the customer' }) open: number;
  @ApiProperty({ description: 'Of those, past an SLA deadline' }) breached: number;
  @ApiProperty({ description: 'Of those, a running clock past its warning time and not yet due' }) dueSoon: number;
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
  @ApiProperty({ type: OverviewLinkDto }) breachedLink: OverviewLinkDto;
}

export class OverviewCasesDto {
  @ApiProperty({ description: 'Now, not the period: cases are work in progress' }) open: number;
  @ApiProperty() breached: number;
  @ApiProperty() dueSoon: number;
  @ApiProperty({ type: OverviewTouchpointCasesDto, isArray: true, description: 'Most open first' })
  byTouchpoint: OverviewTouchpointCasesDto[];
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
  @ApiProperty({ type: OverviewLinkDto }) breachedLink: OverviewLinkDto;
}

export class OverviewClusterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() lastSevenDays: number;
  @ApiProperty() previousSevenDays: number;
  @ApiProperty({ type: Number, nullable: true, description: 'lastSevenDays / previousSevenDays; null when there were none before' })
  growth: number | null;
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
}

export class OverviewClustersDto {
  @ApiProperty({
    type: OverviewClusterDto,
    isArray: true,
    description: 'Fastest-growing first (last 7 days over the 7 before), at most 5 with texts this week',
  })
  growing: OverviewClusterDto[];
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
}

export class OverviewSpikeDto {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty() negativeCount: number;
  @ApiProperty() baseline: number;
}

export class OverviewMentionsDto {
  @ApiProperty({ description: 'Originals in the period' }) total: number;
  @ApiProperty() negative: number;
  @ApiProperty({ type: Number, nullable: true, description: 'negative / total, percent' }) negativeShare: number | null;
  @ApiProperty() previousTotal: number;
  @ApiProperty({ type: Number, nullable: true }) previousNegativeShare: number | null;
  @ApiProperty() unansweredNegative: number;
  @ApiProperty({ type: OverviewSpikeDto, isArray: true, description: 'Spike alerts on days in the period, newest first' })
  spikes: OverviewSpikeDto[];
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
}

export class OverviewUnownedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() stage: string;
}

export class OverviewTouchpointsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: OverviewUnownedDto, isArray: true }) unowned: OverviewUnownedDto[];
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
}

export class OverviewSleepingCustomerDto {
  @ApiProperty() externalId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() daysInactive: number;
}

export class OverviewSleepingDto {
  @ApiProperty({ description: 'Customers quiet for half the inactive period, now' }) count: number;
  @ApiProperty() sleepingDays: number;
  @ApiProperty({ type: OverviewSleepingCustomerDto, isArray: true, description: 'The longest quiet first, at most 5' })
  longestQuiet: OverviewSleepingCustomerDto[];
  @ApiProperty({ type: OverviewLinkDto }) link: OverviewLinkDto;
}

export const CHECKLIST_STEPS = ['survey', 'embed', 'owners', 'sla', 'cancellation', 'mentions', 'team'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

export class OverviewChecklistStepDto {
  @ApiProperty({ enum: CHECKLIST_STEPS }) key: ChecklistStep;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Ticked from the data; null when the caller may not read it' }) done:
    boolean | null;
  @ApiProperty({ type: OverviewLinkDto, description: 'Where the step is done' }) link: OverviewLinkDto;
}

export class OverviewChecklistDto {
  @ApiProperty({ type: OverviewChecklistStepDto, isArray: true, description: 'In the order a new workspace takes them' })
  steps: OverviewChecklistStepDto[];
  @ApiProperty() done: number;
  @ApiProperty() total: number;
}

export const OVERVIEW_PARTS = ['scores', 'churn', 'cases', 'clusters', 'mentions', 'touchpoints', 'sleeping'] as const;
export type OverviewPart = (typeof OVERVIEW_PARTS)[number];

export class OverviewRestrictedDto {
  @ApiProperty({ enum: OVERVIEW_PARTS }) part: OverviewPart;
  @ApiProperty({ description: 'The token scope (or role) reading it needs' }) needs: string;
  @ApiProperty() reason: string;
}

export class OverviewDto {
  @ApiProperty({ type: OverviewPeriodDto }) period: OverviewPeriodDto;
  @ApiProperty({ type: OverviewPeriodDto, description: 'The period of equal length just before, for the trends' })
  previousPeriod: OverviewPeriodDto;
  @ApiProperty() timeZone: string;
  @ApiProperty({
    description: 'Nothing has been collected yet (no response, cancellation, case or mention the caller may read): show the checklist',
  })
  empty: boolean;
  @ApiProperty({ type: OverviewScoresDto, nullable: true }) scores: OverviewScoresDto | null;
  @ApiProperty({ type: OverviewChurnDto, nullable: true }) churn: OverviewChurnDto | null;
  @ApiProperty({ type: OverviewCasesDto, nullable: true }) cases: OverviewCasesDto | null;
  @ApiProperty({ type: OverviewClustersDto, nullable: true }) clusters: OverviewClustersDto | null;
  @ApiProperty({ type: OverviewMentionsDto, nullable: true }) mentions: OverviewMentionsDto | null;
  @ApiProperty({ type: OverviewTouchpointsDto, nullable: true }) touchpoints: OverviewTouchpointsDto | null;
  @ApiProperty({ type: OverviewSleepingDto, nullable: true }) sleeping: OverviewSleepingDto | null;
  @ApiProperty({ type: OverviewChecklistDto }) checklist: OverviewChecklistDto;
  @ApiProperty({ type: OverviewRestrictedDto, isArray: true, description: 'Parts left out (null) because the caller may not read them' })
  restricted: OverviewRestrictedDto[];
}
