import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ChurnSettingsDto {
  @ApiProperty({ minimum: 7, maximum: 3650, description: 'Days without activity after which a customer counts as lost' })
  @IsInt({ message: 'inactiveDays must be a whole number' })
  @Min(7, { message: 'inactiveDays must be at least 7' })
  @Max(3650, { message: 'inactiveDays must be at most 3650' })
  inactiveDays: number;
}

export class InactiveEntryDto {
  @ApiProperty() externalId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) lastSeenAt: string;
  @ApiProperty() daysInactive: number;
}

export class InactiveCustomersDto {
  @ApiProperty() inactiveDays: number;
  @ApiProperty({ description: 'Half the inactive period: from here on a customer is "sleeping"' }) sleepingDays: number;
  @ApiProperty({ type: InactiveEntryDto, isArray: true, description: 'Quiet but not yet lost: reactivate them' })
  sleeping: InactiveEntryDto[];
  @ApiProperty({ type: InactiveEntryDto, isArray: true, description: 'Lost by inactivity (silent churn)' })
  lostByInactivity: InactiveEntryDto[];
  @ApiProperty() active: number;
  @ApiProperty({ description: 'Customers who cancelled (counted by cancellations instead)' }) cancelled: number;
}

export class SleepingNotifiedDto {
  @ApiProperty({ description: 'Sleeping customers announced by this call (each is announced once per quiet spell)' }) notified: number;
}
