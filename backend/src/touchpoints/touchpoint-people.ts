import { Injectable } from '@nestjs/common';
import { MembershipsReader } from '../members/memberships.reader';
import { UsersReader } from '../users/users.reader';
import type { PersonRefDto, TouchpointDto } from './touchpoints.dto';
import type { StoredTouchpointRow } from './touchpoints.repository';

/**
 * Puts names on a page of touchpoints' owners, backups and teams: one membership check and one profile read per page
 * (members and users modules), never one per row. People who left the workspace are shown as absent (an owner who
 * left makes the touchpoint unowned): membership decides, not just the user.
 */
@Injectable()
export class TouchpointPeople {
  constructor(
    private readonly memberships: MembershipsReader,
    private readonly users: UsersReader,
  ) {}

  async toDtos(workspaceId: string, rows: StoredTouchpointRow[]): Promise<TouchpointDto[]> {
    const ids = [...new Set(rows.flatMap((row) => [row.ownerId, row.backupOwnerId, ...row.teamIds]).filter((id): id is string => !!id))];
    const members = await this.memberships.membersAmong(workspaceId, ids);
    const profiles = await this.users.profilesOf(members);
    const person = (id: string | null): PersonRefDto | null => {
      const profile = id ? profiles.get(id) : undefined;
      return id && profile ? { id, name: profile.name, email: profile.email } : null;
    };
    return rows.map(({ ownerId, backupOwnerId, teamIds, ...rest }) => {
      const owner = person(ownerId);
      const team = teamIds.map(person).filter((p): p is PersonRefDto => p !== null);
      return { ...rest, team, owner, backupOwner: person(backupOwnerId), unowned: owner === null };
    });
  }
}
