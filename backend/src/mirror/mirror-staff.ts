import { Injectable } from '@nestjs/common';
import { MembershipsReader } from '../members/memberships.reader';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { UsersReader } from '../users/users.reader';
import type { MirrorTouchpointEntity } from './mirror-touchpoint.entity';

export interface TouchpointStaff {
  touchpointId: string;
  name: string;
  /** Owner, backup owner, team, then extra staff: those still members of the workspace, each once. */
  staff: { id: string; name: string }[];
}

/**
 * Who answers a mirror for a touchpoint: its owner, backup owner and team (touchpoints module) plus the extra staff
 * an admin added, kept only while they are members (members module). One read of each kind per call, never per row.
 */
@Injectable()
export class MirrorStaff {
  constructor(
    private readonly touchpoints: TouchpointsReader,
    private readonly memberships: MembershipsReader,
    private readonly users: UsersReader,
  ) {}

  /** Per link (mirror × touchpoint), keyed `${mirrorId}:${touchpointId}`; links to deleted touchpoints are left out. */
  async ofLinks(
    workspaceId: string,
    links: Pick<MirrorTouchpointEntity, 'mirrorId' | 'touchpointId' | 'extraStaffIds'>[],
  ): Promise<Map<string, TouchpointStaff>> {
    const rows = await this.touchpoints.peopleOf(workspaceId, [...new Set(links.map((l) => l.touchpointId))]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const candidates = new Set<string>();
    for (const r of rows) [r.ownerId, r.backupOwnerId, ...r.teamIds].forEach((id) => id && candidates.add(id));
    for (const l of links) l.extraStaffIds.forEach((id) => candidates.add(id));
    const members = new Set(await this.memberships.membersAmong(workspaceId, [...candidates]));
    const profiles = await this.users.profilesOf([...members]);
    const out = new Map<string, TouchpointStaff>();
    for (const l of links) {
      const tp = byId.get(l.touchpointId);
      if (!tp) continue;
      const ids = [...new Set([tp.ownerId, tp.backupOwnerId, ...tp.teamIds, ...l.extraStaffIds])].filter(
        (id): id is string => !!id && members.has(id),
      );
      out.set(`${l.mirrorId}:${l.touchpointId}`, {
        touchpointId: tp.id,
        name: tp.name,
        staff: ids.map((id) => ({ id, name: profiles.get(id)?.name ?? '' })),
      });
    }
    return out;
  }

  /** Which of these ids are not members of the workspace (for a 400 naming them). */
  async nonMembers(workspaceId: string, ids: readonly string[]): Promise<string[]> {
    const members = new Set(await this.memberships.membersAmong(workspaceId, ids));
    return ids.filter((id) => !members.has(id));
  }
}
