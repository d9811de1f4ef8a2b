import { ApiProperty } from '@nestjs/swagger';
import { RFM_GROUPS, type RfmGroup } from './rfm-groups';

export class RfmCellDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) recency: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) frequency: number;
  @ApiProperty() customers: number;
  @ApiProperty({ type: Number, nullable: true, description: "Mean of the cell's customers' order money in the 365 days before scoring" })
  meanMonetary: number | null;
  @ApiProperty({
    enum: RFM_GROUPS,
    enumName: 'RfmGroup',
    description: "The cell's most common group (for an empty cell, the rules' group)",
  })
  group: RfmGroup;
}

export class RfmGroupCountDto {
  @ApiProperty({ enum: RFM_GROUPS, enumName: 'RfmGroup' }) group: RfmGroup;
  @ApiProperty() customers: number;
}

export class RfmOverviewDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the workspace was last scored' })
  scoredAt: string | null;
  @ApiProperty({ description: 'Customers with scores (at least one order in the 365 days before scoring)' }) scored: number;
  @ApiProperty({ type: RfmCellDto, isArray: true, description: '25 cells, recency 5 → 1, frequency 1 → 5 within each' })
  grid: RfmCellDto[];
  @ApiProperty({ type: RfmGroupCountDto, isArray: true, description: 'Every group, in the order of RFM_GROUPS' })
  groups: RfmGroupCountDto[];
}
