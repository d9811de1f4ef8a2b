import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import type { ContactPurpose, ContactRefusalCode, SurveyContactChannel } from '../common/contact/contact-gate.port';
import { PersonRefDto } from '../customers/customers.dto';

export const CONTACT_PURPOSES = ['marketing', 'survey', 'service'] as const;
export const CONTACT_REFUSAL_CODES = [
  'open_complaint',
  'recent_cancellation',
  'recent_sla_breach',
  'contacted_recently',
  'consent_withdrawn',
  'address_bounced',
] as const satisfies readonly ContactRefusalCode[];
const SURVEY_CONTACT_CHANNELS = [
  'widget',
  'link',
  'email',
  'sms',
  'telegram',
  'whatsapp',
] as const satisfies readonly SurveyContactChannel[];

const days = (field: string, what: string) => [
  IsInt({ message: `${field} must be a whole number of days` }),
  Min(0, { message: `${field} must be 0 (${what} off) or more` }),
  Max(365, { message: `${field} must be at most 365` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class ContactGuardQuery {
  @ApiProperty({ enum: CONTACT_PURPOSES, enumName: 'ContactPurpose', description: 'Why you want to write to the customer' })
  @IsIn(CONTACT_PURPOSES, { message: `purpose must be one of: ${CONTACT_PURPOSES.join(', ')}` })
  purpose: ContactPurpose;
}

export class ContactRefusalDto {
  @ApiProperty({ enum: CONTACT_REFUSAL_CODES, enumName: 'ContactRefusalCode' }) code: ContactRefusalCode;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it ends; null while a case is open or consent is withdrawn',
  })
  until: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The case behind it (open complaint, SLA breach)' })
  caseId?: string | null;
}

export class ContactDecisionDto {
  @ApiProperty() allowed: boolean;
  @ApiProperty({ type: ContactRefusalDto, isArray: true, description: 'Empty when allowed' }) reasons: ContactRefusalDto[];
}

export class ContactPolicyInputDto {
  @ApiProperty({
    minimum: 0,
    maximum: 365,
    description: 'Ask a customer at most once per this many days across all surveys and channels; 0 = no cap',
  })
  @apply(days('frequencyDays', 'the cap'))
  frequencyDays: number;
  @ApiProperty({ description: 'The communication guard: hold marketing and surveys for customers it covers' })
  @IsBoolean({ message: 'guardEnabled must be true or false' })
  guardEnabled: boolean;
  @ApiProperty({ description: 'Guard while the customer has an open complaint case' })
  @IsBoolean({ message: 'guardOpenComplaints must be true or false' })
  guardOpenComplaints: boolean;
  @ApiProperty({ minimum: 0, maximum: 365, description: 'Guard for this many days after a cancellation; 0 = off' })
  @apply(days('cancellationDays', 'this guard'))
  cancellationDays: number;
  @ApiProperty({
    minimum: 0,
    maximum: 365,
    description: "Guard for this many days after one of the customer's cases breached its SLA; 0 = off",
  })
  @apply(days('slaBreachDays', 'this guard'))
  slaBreachDays: number;
}

export class ContactPolicyDto extends ContactPolicyInputDto {
  @ApiProperty({ description: 'True while the workspace uses the defaults (never saved)' }) isDefault: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) updatedBy: PersonRefDto | null;
}

export class LastSurveyContactDto {
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the survey is gone' }) surveyName: string | null;
  @ApiProperty({ enum: SURVEY_CONTACT_CHANNELS, enumName: 'SurveyContactChannel' }) channel: SurveyContactChannel;
}

export class CustomerContactPolicyDto {
  @ApiProperty({ type: ContactDecisionDto, description: 'May a survey ask this customer now (guard, consent, frequency)' })
  survey: ContactDecisionDto;
  @ApiProperty({ type: ContactDecisionDto, description: 'May marketing or a greeting go now (guard, consent)' })
  marketing: ContactDecisionDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when the guard job has held this customer' })
  guardedSince: string | null;
  @ApiProperty({ type: LastSurveyContactDto, nullable: true, description: 'The last time a survey asked the customer' })
  lastAsked: LastSurveyContactDto | null;
}
