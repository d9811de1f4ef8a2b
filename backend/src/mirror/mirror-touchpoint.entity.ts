import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { MirrorSurveyEntity } from './mirror-survey.entity';

/** A touchpoint a mirror is asked for; its staff are the touchpoint's people plus `extraStaffIds` added by an admin. */
@Entity('mirror_survey_touchpoints')
@ForeignKey(() => MirrorSurveyEntity, ['workspaceId', 'mirrorId'], ['workspaceId', 'id'], {
  name: 'mirror_survey_touchpoints_mirror_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'touchpointId'], ['workspaceId', 'id'], {
  name: 'mirror_survey_touchpoints_touchpoint_fkey',
  onDelete: 'CASCADE',
})
export class MirrorTouchpointEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'mirror_survey_touchpoints_pkey' })
  workspaceId: string;

  @PrimaryColumn({ name: 'mirror_id', type: 'uuid', primaryKeyConstraintName: 'mirror_survey_touchpoints_pkey' })
  mirrorId: string;

  @PrimaryColumn({ name: 'touchpoint_id', type: 'uuid', primaryKeyConstraintName: 'mirror_survey_touchpoints_pkey' })
  touchpointId: string;

  @Column({ name: 'extra_staff_ids', type: 'uuid', array: true, default: () => "'{}'" })
  extraStaffIds: string[];
}
