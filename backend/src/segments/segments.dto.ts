import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { MAX_CONDITIONS, MAX_IN_VALUES, SEGMENT_OPS, type SegmentOp } from './segment-rules';

const RULES_DESCRIPTION =
  `Conditions that all hold (at most ${MAX_CONDITIONS}). field: country, region, city, industry, segment, lifecycleStage, ` +
  'colourStatus, rfmGroup, accountManagerId, mrr, orderCount, purchaseVolume, consent.marketing, consent.survey, ' +
  'firstSeenDays, lastSeenDays (days ago) or attribute.<key>. op by type: text eq/neq/in/contains; choices and ids ' +
  `eq/neq/in; numbers eq/neq/in/gte/lte; booleans is. in takes 1–${MAX_IN_VALUES} values.`;

export class SegmentConditionDto {
  @ApiProperty({ example: 'city' }) field: string;
  @ApiProperty({ enum: SEGMENT_OPS, enumName: 'SegmentOp' }) op: SegmentOp;
  @ApiProperty({
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
    ],
    example: 'Moscow',
  })
  value: string | number | boolean | (string | number)[];
}

/** Rules arrive as any JSON list; segment-rules.ts checks each condition and names the bad one. */
export class SegmentRulesDto {
  @ApiProperty({ type: SegmentConditionDto, isArray: true, description: RULES_DESCRIPTION })
  @IsArray({ message: 'rules must be a list of conditions' })
  rules: unknown[];
}

export class CreateSegmentDto extends SegmentRulesDto {
  @ApiProperty({ maxLength: 120, example: 'Moscow, platinum, MRR ≥ 5,000' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name: string;
}

export class UpdateSegmentDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ type: SegmentConditionDto, isArray: true, description: RULES_DESCRIPTION })
  @IsOptional()
  @IsArray({ message: 'rules must be a list of conditions' })
  rules?: unknown[];
}

export class SegmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: SegmentConditionDto, isArray: true }) rules: SegmentConditionDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class SegmentListDto {
  @ApiProperty({ type: SegmentDto, isArray: true }) items: SegmentDto[];
}

export class SegmentMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() externalId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ description: 'Colour status' }) status: string;
}

export class SegmentPreviewDto {
  @ApiProperty({ description: 'Customers the rules match now' }) total: number;
  @ApiProperty({ type: SegmentMemberDto, isArray: true, description: 'The first 20 by name' }) items: SegmentMemberDto[];
}

export const BREAKDOWN_METRICS = ['nps', 'csat', 'churn', 'cases', 'mentions'] as const;
export type BreakdownMetric = (typeof BREAKDOWN_METRICS)[number];

export class SegmentBreakdownQuery {
  @ApiProperty({ enum: BREAKDOWN_METRICS, enumName: 'SegmentBreakdownMetric' })
  @IsIn(BREAKDOWN_METRICS, { message: `metric must be one of: ${BREAKDOWN_METRICS.join(', ')}` })
  metric: BreakdownMetric;

  @ApiPropertyOptional({ format: 'date-time', description: 'Start (inclusive); default 30 days before `to`' })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date' })
  to?: string;
}

export class SegmentBreakdownRowDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: all customers' }) segmentId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: all customers' }) name: string | null;
  @ApiProperty({ description: 'Customers in the segment now' }) customers: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'nps: NPS (−100..100); csat: CSAT %; churn: customer churn %; cases: cases opened; mentions: mentions linked to its customers',
  })
  value: number | null;
  @ApiProperty({
    description: 'What the figure is computed over: scored answers (nps, csat), customers at the start (churn), cases, mentions',
  })
  n: number;
}

export class SegmentBreakdownDto {
  @ApiProperty({ enum: BREAKDOWN_METRICS, enumName: 'SegmentBreakdownMetric' }) metric: BreakdownMetric;
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty({ type: SegmentBreakdownRowDto, isArray: true, description: 'All customers first, then each saved segment by name' })
  rows: SegmentBreakdownRowDto[];
}
