import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, MaxLength } from 'class-validator';
import { SegmentIdQuery } from '../segments/segment-query';

export class ChurnSummaryQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start (inclusive); default: the start of the previous 30 days' })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date' })
  to?: string;

  @ApiPropertyOptional({ default: 'UTC' }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;

  @SegmentIdQuery() segmentId?: string;
}

export class RateDto {
  @ApiProperty({ type: Number, nullable: true }) percent: number | null;
}

export class CustomerChurnDto extends RateDto {
  @ApiProperty() atStart: number;
  @ApiProperty() lost: number;
}

export class RevenueChurnDto extends RateDto {
  @ApiProperty() mrrAtStart: number;
  @ApiProperty() mrrLost: number;
}

export class SaveRateDto extends RateDto {
  @ApiProperty() saved: number;
  @ApiProperty() finishedFlows: number;
  @ApiProperty() revenueSaved: number;
}

export class AvoidableDto {
  @ApiProperty() total: number;
  @ApiProperty() avoidable: number;
  @ApiProperty() unavoidable: number;
  @ApiProperty() unknown: number;
  @ApiProperty({ type: Number, nullable: true }) avoidablePercent: number | null;
}

export class ReasonCellDto {
  @ApiProperty() reasonKey: string;
  @ApiProperty() count: number;
  @ApiProperty() offered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of the flows that offered this reason' }) percent: number | null;
}

export class ReasonMonthDto {
  @ApiProperty({ example: '2026-10' }) label: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: ReasonCellDto, isArray: true }) reasons: ReasonCellDto[];
}

export class ChurnSummaryDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty({ type: CustomerChurnDto }) customerChurn: CustomerChurnDto;
  @ApiProperty({ type: RevenueChurnDto }) revenueChurn: RevenueChurnDto;
  @ApiProperty({ type: SaveRateDto }) saves: SaveRateDto;
  @ApiProperty({ type: AvoidableDto }) avoidable: AvoidableDto;
  @ApiProperty({ type: ReasonMonthDto, isArray: true }) reasonsByMonth: ReasonMonthDto[];
}
