import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { RecoveryProblemEntity } from './recovery-problem.entity';

/** A case naming a known issue as its root cause (one root cause per case). */
@Entity('recovery_problem_cases')
@Index('recovery_problem_cases_problem_idx', ['workspaceId', 'problemId'])
@ForeignKey(() => CaseEntity, ['workspaceId', 'caseId'], ['workspaceId', 'id'], {
  name: 'recovery_problem_cases_workspace_id_case_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => RecoveryProblemEntity, ['workspaceId', 'problemId'], ['workspaceId', 'id'], {
  name: 'recovery_problem_cases_workspace_id_problem_id_fkey',
  onDelete: 'CASCADE',
})
export class RecoveryProblemCaseEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'recovery_problem_cases_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @Column({ name: 'linked_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'recovery_problem_cases_linked_by_fkey', onDelete: 'SET NULL' })
  linkedBy: string | null;

  @Column({ name: 'linked_at', type: 'timestamptz', default: () => 'now()' })
  linkedAt: Date;
}
