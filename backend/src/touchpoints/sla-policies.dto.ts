import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IsBoolean, IsIn, IsISO8601, IsNumber, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { SLA_CHANNELS, SLA_PRIORITIES } from '../sla/clock';
import type { BusinessCalendar, SlaChannel, SlaClockMode, SlaPriority, SlaRules } from '../sla/clock';

const CLOCKS = ['business', 'calendar'] as const;

const RULES_SCHEMA = {
  type: 'object',
  description:
    'priority (urgent|high|normal|low|*) → channel (…|*) → { firstResponseMinutes?, resolutionMinutes?, clock? }; null = no target',
  additionalProperties: { type: 'object', additionalProperties: { type: 'object' } },
  example: { '*': { '*': { firstResponseMinutes: 540 }, chat: { firstResponseMinutes: 60 } }, urgent: { '*': { resolutionMinutes: 240 } } },
} as const;

const INTERVALS: SchemaObject = {
  type: 'array',
  items: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } }, required: ['start', 'end'] },
};

const CALENDAR_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description: 'timeZone (IANA), workingHours (weekday 0=Sunday…6 → [{start,end}] "HH:MM"), holidays ["YYYY-MM-DD"], extraWorkingDays?',
  properties: {
    timeZone: { type: 'string' },
    workingHours: { type: 'object', additionalProperties: INTERVALS },
    holidays: { type: 'array', items: { type: 'string' } },
    extraWorkingDays: {
      type: 'array',
      items: { type: 'object', properties: { date: { type: 'string' }, hours: INTERVALS }, required: ['date', 'hours'] },
    },
  },
  required: ['timeZone', 'workingHours', 'holidays'],
  example: { timeZone: 'Europe/Moscow', workingHours: { 1: [{ start: '09:00', end: '18:00' }] }, holidays: ['2026-01-01'] },
};

class PolicyFieldsDto {
  @ApiPropertyOptional({ enum: CLOCKS, enumName: 'SlaClockMode', description: 'business: working time of the calendar; calendar: 24×7' })
  @IsOptional()
  @IsIn(CLOCKS, { message: 'clock must be "business" or "calendar"' })
  clock?: SlaClockMode;

  @ApiPropertyOptional(RULES_SCHEMA) @IsOptional() @IsObject({ message: 'rules must be an object' }) rules?: SlaRules;

  @ApiPropertyOptional(CALENDAR_SCHEMA) @IsOptional() @IsObject({ message: 'calendar must be an object' }) calendar?: BusinessCalendar;

  @ApiPropertyOptional({ description: 'Share of a target after which a case is at risk, 0–1 (e.g. 0.8)' })
  @IsOptional()
  @IsNumber({}, { message: 'warnAtShare must be a number between 0 and 1 (e.g. 0.8)' })
  warnAtShare?: number;
}

export class CreateSlaPolicyDto extends PolicyFieldsDto {
  @ApiProperty({ example: 'VIP support' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  name: string;
}

export class UpdateSlaPolicyDto extends PolicyFieldsDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MinLength(1, { message: 'name is required' }) @MaxLength(200) name?: string;

  @ApiPropertyOptional({ description: 'true makes this the workspace default (the previous default stops being one)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class DeleteSlaPolicyQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Move touchpoints using this policy to that policy, then delete' })
  @IsOptional()
  @IsUUID('all', { message: 'reassignTo must be an SLA policy id' })
  reassignTo?: string;
}

export class SlaPolicyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Used by touchpoints with no policy of their own; cannot be deleted' }) isDefault: boolean;
  @ApiProperty({ enum: CLOCKS, enumName: 'SlaClockMode' }) clock: SlaClockMode;
  @ApiProperty(RULES_SCHEMA) rules: SlaRules;
  @ApiProperty({ ...CALENDAR_SCHEMA, selfRequired: true }) calendar: BusinessCalendar;
  @ApiProperty() warnAtShare: number;
  @ApiProperty({ description: 'Touchpoints that name this policy' }) touchpointCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class SlaPreviewRequestDto {
  @ApiProperty({ example: '2026-11-27T17:00:00+03:00' })
  @IsISO8601({ strict: true }, { message: 'openedAt must be an ISO 8601 date-time' })
  openedAt: string;

  @ApiProperty({ enum: SLA_PRIORITIES, enumName: 'SlaPriority' })
  @IsIn(SLA_PRIORITIES, { message: `priority must be one of: ${SLA_PRIORITIES.join(', ')}` })
  priority: SlaPriority;

  @ApiProperty({ enum: SLA_CHANNELS, enumName: 'SlaChannel' })
  @IsIn(SLA_CHANNELS, { message: `channel must be one of: ${SLA_CHANNELS.join(', ')}` })
  channel: SlaChannel;
}

export class SlaPreviewDto {
  @ApiProperty({ type: Number, nullable: true }) firstResponseMinutes: number | null;
  @ApiProperty({ type: Number, nullable: true }) resolutionMinutes: number | null;
  @ApiProperty({ enum: CLOCKS, enumName: 'SlaClockMode' }) clock: SlaClockMode;
  @ApiProperty({ type: Date, nullable: true }) firstResponseDue: Date | null;
  @ApiProperty({ type: Date, nullable: true }) firstResponseWarnAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) resolutionDue: Date | null;
  @ApiProperty({ type: Date, nullable: true }) resolutionWarnAt: Date | null;
}
