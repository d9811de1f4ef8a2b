import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { SLA_CHANNELS } from '../sla/clock';
import type { SlaChannel } from '../sla/clock';
import type { TouchpointCaseFigures } from './case-stats.port';

export const TOUCHPOINT_STAGES = ['aware', 'considering', 'buying', 'repeat', 'left'] as const;
export type TouchpointStage = (typeof TOUCHPOINT_STAGES)[number];
/** business: site, office, documents…; employee: staff conduct, scripts… */
export const TOUCHPOINT_KINDS = ['business', 'employee'] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

class TouchpointFieldsDto {
  @ApiPropertyOptional({ enum: TOUCHPOINT_KINDS, enumName: 'TouchpointKind' })
  @IsOptional()
  @IsIn(TOUCHPOINT_KINDS, { message: `kind must be one of: ${TOUCHPOINT_KINDS.join(', ')}` })
  kind?: TouchpointKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'site',
    description: 'Free grouping within the kind: site, office, documents, scripts…',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  category?: string | null;

  @ApiPropertyOptional({ enum: SLA_CHANNELS, enumName: 'SlaChannel' })
  @IsOptional()
  @IsIn(SLA_CHANNELS, { message: `channel must be one of: ${SLA_CHANNELS.join(', ')}` })
  channel?: SlaChannel;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A workspace member' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'ownerId must be a member id' })
  ownerId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A workspace member other than the owner' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'backupOwnerId must be a member id' })
  backupOwnerId?: string | null;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    description:
      'Round-robin team: new unassigned cases here go to these members in turn, ahead of the owner (empty: the owner gets them); each must be a workspace member',
  })
  @IsOptional()
  @IsArray({ message: 'teamIds must be a list of member ids' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'teamIds must be member ids' })
  teamIds?: string[];

  @ApiPropertyOptional({ description: 'The written standard for this touchpoint' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  regulation?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null = the workspace default policy' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'slaPolicyId must be an SLA policy id' })
  slaPolicyId?: string | null;

  @ApiPropertyOptional({ description: 'Order within the stage, ascending' })
  @IsOptional()
  @IsInt({ message: 'position must be a whole number' })
  @Min(0)
  @Max(100000)
  position?: number;
}

export class CreateTouchpointDto extends TouchpointFieldsDto {
  @ApiProperty({ example: 'Delivery', description: 'Surveys link to a touchpoint by this name' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: TOUCHPOINT_STAGES, enumName: 'TouchpointStage' })
  @IsIn(TOUCHPOINT_STAGES, { message: `stage must be one of: ${TOUCHPOINT_STAGES.join(', ')}` })
  stage: TouchpointStage;
}

export class UpdateTouchpointDto extends TouchpointFieldsDto {
  @ApiPropertyOptional({ description: 'Renaming also renames the link on its surveys' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: TOUCHPOINT_STAGES, enumName: 'TouchpointStage' })
  @IsOptional()
  @IsIn(TOUCHPOINT_STAGES, { message: `stage must be one of: ${TOUCHPOINT_STAGES.join(', ')}` })
  stage?: TouchpointStage;
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class TouchpointDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TOUCHPOINT_STAGES, enumName: 'TouchpointStage' }) stage: TouchpointStage;
  @ApiProperty({ enum: TOUCHPOINT_KINDS, enumName: 'TouchpointKind' }) kind: TouchpointKind;
  @ApiProperty({ type: String, nullable: true }) category: string | null;
  @ApiProperty({ enum: SLA_CHANNELS, enumName: 'SlaChannel' }) channel: SlaChannel;
  @ApiProperty({ type: PersonRefDto, nullable: true }) owner: PersonRefDto | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) backupOwner: PersonRefDto | null;
  @ApiProperty({ type: PersonRefDto, isArray: true, description: 'The round-robin team, in order (members who left are not shown)' })
  team: PersonRefDto[];
  @ApiProperty() regulation: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) slaPolicyId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Name of the policy in force (the default when none is set)' }) slaPolicyName:
    string | null;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'No owner: nobody answers for this touchpoint' }) unowned: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ScoreTrendDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Last 30 days' }) current: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The 30 days before' }) previous: number | null;
  @ApiProperty() n: number;
  @ApiProperty() previousN: number;
  @ApiProperty({ enum: ['up', 'down', 'flat'], nullable: true, description: 'up = better (all three read higher-is-better)' })
  trend: 'up' | 'down' | 'flat' | null;
}

export class TouchpointScoresDto {
  @ApiProperty({ type: ScoreTrendDto, description: 'NPS, −100..100' }) nps: ScoreTrendDto;
  @ApiProperty({ type: ScoreTrendDto, description: 'CSAT, % of 4–5 answers' }) csat: ScoreTrendDto;
  @ApiProperty({ type: ScoreTrendDto, description: 'CES, % agreeing (low effort)' }) ces: ScoreTrendDto;
}

export class CaseFiguresDto implements TouchpointCaseFigures {
  @ApiProperty() open: number;
  @ApiProperty() breached: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent of cases within SLA' }) compliance: number | null;
}

export class LinkedSurveyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty() status: string;
}

export class JourneyTouchpointDto extends TouchpointDto {
  @ApiProperty({ type: TouchpointScoresDto }) scores: TouchpointScoresDto;
  @ApiProperty({ type: CaseFiguresDto, nullable: true, description: 'null when case tracking is not available' })
  cases: CaseFiguresDto | null;
  @ApiProperty({ type: LinkedSurveyDto, isArray: true }) surveys: LinkedSurveyDto[];
}

export class JourneyStageDto {
  @ApiProperty({ enum: TOUCHPOINT_STAGES, enumName: 'TouchpointStage' }) stage: TouchpointStage;
  @ApiProperty({ type: JourneyTouchpointDto, isArray: true }) touchpoints: JourneyTouchpointDto[];
}

export class JourneyDto {
  @ApiProperty({ description: 'End of the last-30-days window' }) asOf: Date;
  @ApiProperty({ type: JourneyStageDto, isArray: true }) stages: JourneyStageDto[];
}

export class JourneyQuery {
  @ApiPropertyOptional({ description: 'End of the score window (default now); scores cover the 30 days before it and the 30 before that' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 date-time' })
  asOf?: string;
}

export class ReorderTouchpointsDto {
  @ApiProperty({ enum: TOUCHPOINT_STAGES, enumName: 'TouchpointStage' })
  @IsIn(TOUCHPOINT_STAGES, { message: `stage must be one of: ${TOUCHPOINT_STAGES.join(', ')}` })
  stage: TouchpointStage;

  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'Touchpoint ids in their new order; they move to this stage' })
  @IsArray({ message: 'ids must be a list of touchpoint ids' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'ids must be touchpoint ids' })
  ids: string[];
}
