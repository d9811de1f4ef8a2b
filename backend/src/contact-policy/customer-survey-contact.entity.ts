import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SurveyEntity } from '../surveys/survey.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { SurveyContactChannel } from '../common/contact/contact-gate.port';

/** One time a survey asked a known customer (widget shown, link opened, invitation sent): what the frequency cap counts. */
@Entity('customer_survey_contacts')
@Check('customer_survey_contacts_channel_check', `channel IN ('widget', 'link', 'email', 'sms', 'telegram', 'whatsapp')`)
@ForeignKey(() => SurveyEntity, ['workspaceId', 'surveyId'], ['workspaceId', 'id'], {
  name: 'customer_survey_contacts_survey_fkey',
  onDelete: 'CASCADE',
})
@Index('customer_survey_contacts_last_idx', ['workspaceId', 'customerExternalId', 'contactedAt'])
export class CustomerSurveyContactEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'customer_survey_contacts_pkey' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customer_survey_contacts_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'customer_survey_contacts_pkey' })
  id: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200 })
  customerExternalId: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: SurveyContactChannel;

  @Column({ name: 'contacted_at', type: 'timestamptz', default: () => 'now()' })
  contactedAt: Date;
}
