import { Injectable } from '@nestjs/common';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { UsersReader } from '../users/users.reader';
import type { PromiseDto } from './promises.dto';
import type { PromiseRow } from './promises.repository';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Promises as the API shows them: people and touchpoints with their names (one query each per page), and the
 * derived overdue / late flags at `now`. */
@Injectable()
export class PromiseViews {
  constructor(
    private readonly users: UsersReader,
    private readonly touchpoints: TouchpointsReader,
  ) {}

  async many(workspaceId: string, rows: readonly PromiseRow[], now = new Date()): Promise<PromiseDto[]> {
    const [people, places] = await Promise.all([
      this.users.profilesOf(rows.flatMap((p) => [p.promisedBy, p.ownerId, p.escalatedTo, p.resolvedBy])),
      this.touchpoints.namesOf(workspaceId, [...new Set(rows.map((p) => p.touchpointId).filter((id): id is string => !!id))]),
    ]);
    const person = (id: string | null) => {
      const profile = id ? people.get(id) : undefined;
      return id && profile ? { id, name: profile.name || profile.email } : null;
    };
    return rows.map((p) => {
      const resolvedAt = p.keptAt ?? p.brokenAt ?? p.cancelledAt;
      return {
        id: p.id,
        text: p.text,
        status: p.status,
        source: p.source,
        sourceRef: p.sourceRef,
        promisedBy: person(p.promisedBy),
        owner: person(p.ownerId),
        customerExternalId: p.customerExternalId,
        caseId: p.caseId,
        touchpoint: p.touchpointId && places.has(p.touchpointId) ? { id: p.touchpointId, name: places.get(p.touchpointId)! } : null,
        dueAt: p.dueAt.toISOString(),
        remindAt: iso(p.remindAt),
        remindedAt: iso(p.remindedAt),
        escalatedAt: iso(p.escalatedAt),
        escalatedTo: person(p.escalatedTo),
        overdue: p.status === 'open' && p.dueAt.getTime() < now.getTime(),
        late: p.status === 'kept' && !!p.keptAt && p.keptAt.getTime() > p.dueAt.getTime(),
        resolvedAt: iso(resolvedAt),
        resolvedBy: person(p.resolvedBy),
        resolutionNote: p.resolutionNote,
        version: p.version,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      };
    });
  }

  async one(workspaceId: string, row: PromiseRow, now = new Date()): Promise<PromiseDto> {
    return (await this.many(workspaceId, [row], now))[0];
  }
}
