import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import {
  AUDIT_COLOURS,
  AUDIT_DIRECTIONS,
  AUDIT_MEASURES,
  type AuditColour,
  type AuditDirection,
  type AuditMeasure,
} from './audit-measures';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** numeric(12,2) holds ±9,999,999,999.99; thresholds beyond a billion are typos. */
const THRESHOLD_LIMIT = 1_000_000_000;
export const MAX_CHECKLIST_ITEMS = 30;

const nameRule = (field: string) => [
  Trim(),
  IsString({ message: `${field} must be text` }),
  IsNotEmpty({ message: `${field} is required` }),
  MaxLength(200, { message: `${field} must be at most 200 characters` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

const revisionRule = apply([
  IsInt({ message: 'revision must be the whole-number revision you edited' }),
  Min(1, { message: 'revision must be at least 1' }),
  Max(2_000_000_000, { message: 'revision is too large' }),
]);
const positionRule = apply([
  IsOptional(),
  IsInt({ message: 'position must be a whole number' }),
  Min(0, { message: 'position must be at least 0' }),
  Max(10_000, { message: 'position must be at most 10000' }),
]);
const thresholdRule = (field: string) =>
  apply([
    IsNumber(
      { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
      { message: `${field} must be a number with at most 2 decimals` },
    ),
    Min(-THRESHOLD_LIMIT, { message: `${field} must be at least -${THRESHOLD_LIMIT}` }),
    Max(THRESHOLD_LIMIT, { message: `${field} must be at most ${THRESHOLD_LIMIT}` }),
  ]);
const checklistRule = apply([
  IsArray({ message: 'checklistItems must be a list of item names' }),
  ArrayMaxSize(MAX_CHECKLIST_ITEMS, { message: `checklistItems can hold at most ${MAX_CHECKLIST_ITEMS} items` }),
  IsString({ each: true, message: 'checklistItems must be texts' }),
  IsNotEmpty({ each: true, message: 'checklistItems cannot hold an empty item' }),
  MaxLength(200, { each: true, message: 'each checklist item must be at most 200 characters' }),
]);

export class MonthQuery {
  @ApiPropertyOptional({ example: '2026-11', description: "YYYY-MM in the workspace's time zone; default the last full month" })
  @IsOptional()
  @Matches(MONTH, { message: 'month must be a month as YYYY-MM' })
  month?: string;
}

// ---- the model: processes, steps, criteria ----

export class CreateProcessDto {
  @ApiProperty({ format: 'uuid', description: 'The touchpoint (or channel touchpoint) whose process this is' })
  @IsUUID('all', { message: 'touchpointId must be a touchpoint id' })
  touchpointId: string;
  @ApiProperty({ maxLength: 200 }) @apply(nameRule('name')) name: string;
  @ApiPropertyOptional({ minimum: 0 }) @positionRule position?: number;
}

export class CreateStepDto {
  @ApiProperty({ maxLength: 200, description: 'The step scenario, e.g. "First reply"' }) @apply(nameRule('name')) name: string;
  @ApiPropertyOptional({ minimum: 0 }) @positionRule position?: number;
}

/** Editing a process or step: send the revision you saw; someone else's edit since gives 409 stale_edit. */
export class UpdateNamedDto {
  @ApiProperty({ description: 'The revision you edited' }) @revisionRule revision: number;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @apply(nameRule('name')) name?: string;
  @ApiPropertyOptional({ minimum: 0 }) @positionRule position?: number;
}

export class CreateCriterionDto {
  @ApiProperty({ maxLength: 200 }) @apply(nameRule('name')) name: string;
  @ApiProperty({ enum: AUDIT_MEASURES, enumName: 'AuditMeasure' })
  @IsIn(AUDIT_MEASURES, { message: `measure must be one of: ${AUDIT_MEASURES.join(', ')}` })
  measure: AuditMeasure;
  @ApiPropertyOptional({ maxLength: 16, description: "Default: the measure's unit" })
  @IsOptional()
  @Trim()
  @IsString({ message: 'unit must be text' })
  @IsNotEmpty({ message: 'unit cannot be empty' })
  @MaxLength(16, { message: 'unit must be at most 16 characters' })
  unit?: string;
  @ApiPropertyOptional({ enum: AUDIT_DIRECTIONS, enumName: 'AuditDirection', description: "Default: the measure's usual direction" })
  @IsOptional()
  @IsIn(AUDIT_DIRECTIONS, { message: `direction must be one of: ${AUDIT_DIRECTIONS.join(', ')}` })
  direction?: AuditDirection;
  @ApiPropertyOptional({ description: "Green threshold (inclusive); default the measure's" })
  @IsOptional()
  @thresholdRule('green')
  green?: number;
  @ApiPropertyOptional({ description: "Yellow threshold (inclusive); default the measure's" })
  @IsOptional()
  @thresholdRule('yellow')
  yellow?: number;
  @ApiPropertyOptional({ type: String, isArray: true, description: 'Pass/fail items (checklist_percent only)' })
  @IsOptional()
  @checklistRule
  checklistItems?: string[];
  @ApiPropertyOptional({ minimum: 0 }) @positionRule position?: number;
}

export class UpdateCriterionDto {
  @ApiProperty({ description: 'The revision you edited' }) @revisionRule revision: number;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @apply(nameRule('name')) name?: string;
  @ApiPropertyOptional({ maxLength: 16 })
  @IsOptional()
  @Trim()
  @IsString({ message: 'unit must be text' })
  @IsNotEmpty({ message: 'unit cannot be empty' })
  @MaxLength(16, { message: 'unit must be at most 16 characters' })
  unit?: string;
  @ApiPropertyOptional({ enum: AUDIT_DIRECTIONS, enumName: 'AuditDirection' })
  @IsOptional()
  @IsIn(AUDIT_DIRECTIONS, { message: `direction must be one of: ${AUDIT_DIRECTIONS.join(', ')}` })
  direction?: AuditDirection;
  @ApiPropertyOptional() @IsOptional() @thresholdRule('green') green?: number;
  @ApiPropertyOptional() @IsOptional() @thresholdRule('yellow') yellow?: number;
  @ApiPropertyOptional({ type: String, isArray: true }) @IsOptional() @checklistRule checklistItems?: string[];
  @ApiPropertyOptional({ minimum: 0 }) @positionRule position?: number;
}

export class CriterionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AUDIT_MEASURES, enumName: 'AuditMeasure' }) measure: AuditMeasure;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: AUDIT_DIRECTIONS, enumName: 'AuditDirection' }) direction: AuditDirection;
  @ApiProperty() green: number;
  @ApiProperty() yellow: number;
  @ApiProperty({ type: String, isArray: true }) checklistItems: string[];
  @ApiProperty() position: number;
  @ApiProperty() revision: number;
}

export class StepDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) processId: string;
  @ApiProperty() name: string;
  @ApiProperty() position: number;
  @ApiProperty() revision: number;
  @ApiProperty({ type: CriterionDto, isArray: true }) criteria: CriterionDto[];
}

export class ProcessDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) touchpointId: string;
  @ApiProperty() touchpointName: string;
  @ApiProperty() name: string;
  @ApiProperty() position: number;
  @ApiProperty() revision: number;
  @ApiProperty({ type: StepDto, isArray: true }) steps: StepDto[];
}

export class MeasureDefaultDto {
  @ApiProperty({ enum: AUDIT_MEASURES, enumName: 'AuditMeasure' }) measure: AuditMeasure;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: AUDIT_DIRECTIONS, enumName: 'AuditDirection' }) direction: AuditDirection;
  @ApiProperty() green: number;
  @ApiProperty() yellow: number;
}

export class AuditModelDto {
  @ApiProperty({ type: ProcessDto, isArray: true, description: 'By touchpoint name, then position' }) processes: ProcessDto[];
  @ApiProperty({ type: MeasureDefaultDto, isArray: true, description: 'What a new criterion of each measure starts with' })
  defaults: MeasureDefaultDto[];
}

// ---- checklist checks ----

export class CheckItemDto {
  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString({ message: 'item must be text' })
  @IsNotEmpty({ message: 'item is required' })
  @MaxLength(200, { message: 'item must be at most 200 characters' })
  item: string;
  @ApiProperty() @IsBoolean({ message: 'passed must be true or false' }) passed: boolean;
}

export class CreateCheckDto {
  @ApiProperty({ example: '2026-11', description: 'The month the check counts for (not a future one)' })
  @Matches(MONTH, { message: 'month must be a month as YYYY-MM' })
  month: string;
  @ApiProperty({ type: CheckItemDto, isArray: true, description: "Each of the criterion's checklist items at most once" })
  @IsArray({ message: 'items must be a list' })
  @ArrayMinSize(1, { message: 'items must score at least one item' })
  @ArrayMaxSize(MAX_CHECKLIST_ITEMS, { message: `items can hold at most ${MAX_CHECKLIST_ITEMS} entries` })
  @ValidateNested({ each: true })
  @Type(() => CheckItemDto)
  items: CheckItemDto[];
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}

export class CheckDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) criterionId: string;
  @ApiProperty({ format: 'uuid' }) touchpointId: string;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) scoredBy: string | null;
  @ApiProperty({ type: String, nullable: true }) scoredByName: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) scoredAt: string;
  @ApiProperty({ type: CheckItemDto, isArray: true }) items: CheckItemDto[];
  @ApiProperty() passed: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class CheckListDto {
  @ApiProperty({ type: CheckDto, isArray: true, description: 'Newest first (at most 500)' }) items: CheckDto[];
}

// ---- improvement steps (promises) ----

export class CreateImprovementStepDto {
  @ApiProperty({ example: '2026-11', description: 'The red month the step answers' })
  @Matches(MONTH, { message: 'month must be a month as YYYY-MM' })
  month: string;
  @ApiProperty({ format: 'uuid', description: 'The member who owns the step' })
  @IsUUID('all', { message: 'ownerId must be a member id' })
  ownerId: string;
  @ApiProperty({ type: String, format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 date-time' })
  dueAt: string;
  @ApiProperty({ maxLength: 1000 })
  @Trim()
  @IsString({ message: 'text must be text' })
  @IsNotEmpty({ message: 'text is required: say what will change' })
  @MaxLength(1000, { message: 'text must be at most 1000 characters' })
  text: string;
}

export class ImprovementStepDto {
  @ApiProperty({ format: 'uuid', description: 'The promise in the promise register' }) id: string;
  @ApiProperty({ enum: ['open', 'kept', 'broken', 'cancelled'] }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ example: '2026-09', description: 'The red month it answers' }) month: string;
  @ApiProperty({ example: '2026-10', description: 'The month it was due in (the change)' }) dueMonth: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Kept steps: the value of the month before dueMonth' }) before: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Kept steps: the value of the month after dueMonth (null until it has data)' })
  after: number | null;
  @ApiProperty({ enum: AUDIT_COLOURS, enumName: 'AuditColour', nullable: true }) beforeColour: AuditColour | null;
  @ApiProperty({ enum: AUDIT_COLOURS, enumName: 'AuditColour', nullable: true }) afterColour: AuditColour | null;
}

// ---- grid and detail ----

export class MonthValueDto {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ enum: AUDIT_COLOURS, enumName: 'AuditColour' }) colour: AuditColour;
}

export class GridRowDto {
  @ApiProperty({ format: 'uuid' }) touchpointId: string;
  @ApiProperty() touchpointName: string;
  @ApiProperty({ format: 'uuid' }) processId: string;
  @ApiProperty() processName: string;
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty() stepName: string;
  @ApiProperty({ type: CriterionDto }) criterion: CriterionDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Rounded to 2 decimals; null when the month has nothing to measure' })
  value: number | null;
  @ApiProperty({ enum: AUDIT_COLOURS, enumName: 'AuditColour' }) colour: AuditColour;
  @ApiProperty({ type: Number, nullable: true }) previousValue: number | null;
  @ApiProperty({ enum: AUDIT_COLOURS, enumName: 'AuditColour' }) previousColour: AuditColour;
  @ApiProperty({ type: MonthValueDto, isArray: true, description: 'The last 6 months, oldest first, ending with the month' })
  trend: MonthValueDto[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'How many measured items stand behind the value (cases, answers, mentions, checked items)',
  })
  n: number | null;
  @ApiProperty({ type: ImprovementStepDto, isArray: true, description: 'Improvement steps raised for this criterion up to the month' })
  steps: ImprovementStepDto[];
}

export class GridSummaryDto {
  @ApiProperty() green: number;
  @ApiProperty() yellow: number;
  @ApiProperty() red: number;
  @ApiProperty({ name: 'no_data' }) no_data: number;
}

export class AuditGridDto {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ example: '2026-10' }) previousMonth: string;
  @ApiProperty({ description: "The workspace's time zone (its default SLA calendar), which defines the months" }) timeZone: string;
  @ApiProperty({ type: GridRowDto, isArray: true, description: 'By touchpoint, process, step and criterion position' }) rows: GridRowDto[];
  @ApiProperty({ type: GridSummaryDto }) summary: GridSummaryDto;
}

export class CriterionDetailDto {
  @ApiProperty({ type: GridRowDto, description: 'The criterion as the grid shows it for the month' }) row: GridRowDto;
  @ApiProperty({ type: MonthValueDto, isArray: true, description: '12 months ending with the month, oldest first' })
  series: MonthValueDto[];
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() timeZone: string;
}
