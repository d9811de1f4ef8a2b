import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TouchpointOwnerChange } from '../touchpoints/owner-change.port';
import { CasesRepository, SYSTEM } from './cases.repository';

/**
 * When a touchpoint gets an owner, the open cases that waited there with no one on them go to that owner, each
 * with an "assigned" event saying why (the touchpoints module calls this inside its own transaction).
 */
@Injectable()
export class CaseOwnerRouting implements TouchpointOwnerChange {
  constructor(private readonly cases: CasesRepository) {}

  async ownerSet(manager: EntityManager, workspaceId: string, touchpointId: string, ownerId: string): Promise<number> {
    const ids = await this.cases.assignUnassigned(manager, workspaceId, touchpointId, ownerId);
    for (const id of ids) {
      await this.cases.addEvent(manager, workspaceId, id, SYSTEM, 'assigned', {
        from: null,
        to: ownerId,
        reason: 'touchpoint_owner',
        touchpointId,
      });
    }
    return ids.length;
  }
}
