import { ApiTokenEntity } from '../api-tokens/api-token.entity';
import { SessionEntity } from '../auth/session.entity';
import { InvitationEntity } from '../members/invitation.entity';
import { MembershipEntity } from '../members/membership.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export const entities = [WorkspaceEntity, UserEntity, MembershipEntity, InvitationEntity, ApiTokenEntity, SessionEntity];
