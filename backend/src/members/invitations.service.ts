import { HttpStatus, Injectable } from '@nestjs/common';
import type { Role } from '../common/auth/roles';
import { randomSecret, sha256Hex } from '../common/crypto/secrets';
import { ApiError, conflict, notFound } from '../common/http/api-error';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { MembershipsRepository } from './memberships.repository';
import type { CreatedInvitationDto, InvitationDto } from './members.dto';
import type { InvitationPreviewDto } from '../auth/auth.dto';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
const invitationGone = () => notFound('Invitation (it may have expired or been used)');

function toInvitationDto(invitation: InvitationEntity): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    invitedBy: { userId: invitation.invitedBy, name: invitation.inviter?.name ?? null },
  };
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(workspaceId: string, invitedBy: string, email: string, role: Role): Promise<CreatedInvitationDto> {
    const existing = await this.users.findByEmailWithPassword(email);
    if (existing && (await this.memberships.findRole(workspaceId, existing.id))) {
      throw conflict('already_member', `${email} is already a member of this workspace.`);
    }
    const token = randomSecret(24);
    const invitation = await this.invitations.create({
      workspaceId,
      email,
      role,
      invitedBy,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    return { ...toInvitationDto(invitation), token, acceptUrl: `/invite/${token}` };
  }

  async listPending(workspaceId: string): Promise<InvitationDto[]> {
    return (await this.invitations.listPending(workspaceId, new Date())).map(toInvitationDto);
  }

  async revoke(workspaceId: string, id: string): Promise<void> {
    if (!(await this.invitations.delete(workspaceId, id))) throw notFound('Invitation');
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.invitations.findUsableByTokenHash(sha256Hex(token), new Date());
    if (!invitation) throw invitationGone();
    const workspace = await this.workspaces.findById(invitation.workspaceId);
    const user = await this.users.findByEmailWithPassword(invitation.email);
    return {
      email: invitation.email,
      role: invitation.role,
      workspaceName: workspace?.name ?? '',
      userExists: user !== null,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Joins the invited email to the workspace. A new email gets an account with the given password;
   * an existing account must prove itself with its current password. Returns the user id.
   */
  async accept(token: string, password: string, name: string | undefined): Promise<string> {
    return this.memberships.transaction(async (manager) => {
      const invitation = await this.invitations.findUsableByTokenHash(sha256Hex(token), new Date(), manager);
      if (!invitation) throw invitationGone();
      let user = await this.users.findByEmailWithPassword(invitation.email, manager);
      if (user) {
        if (!(await this.hasher.verify(user.passwordHash, password))) {
          throw new ApiError(
            HttpStatus.UNAUTHORIZED,
            'invalid_credentials',
            'This email already has an account: enter its current password to join.',
          );
        }
      } else {
        if (!name) {
          throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'Invalid request: name is required for a new account', [
            { field: 'name', message: 'name is required for a new account' },
          ]);
        }
        user = await this.users.create(
          { email: invitation.email, name, passwordHash: await this.hasher.hash(password) },
          manager,
        );
      }
      if (!(await this.memberships.findRole(invitation.workspaceId, user.id, manager))) {
        await this.memberships.insert(invitation.workspaceId, user.id, invitation.role, manager);
      }
      await this.invitations.markAccepted(invitation.workspaceId, invitation.id, manager);
      return user.id;
    });
  }
}
