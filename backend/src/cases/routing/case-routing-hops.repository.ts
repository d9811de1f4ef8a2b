import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../case-actor';
import { CaseRoutingHopEntity } from './case-routing-hop.entity';
import type { HopReason } from './routing-reasons';

export interface NewHop {
  caseId: string;
  hoppedAt: Date;
  fromTouchpointId: string | null;
  toTouchpointId: string | null;
  fromOwnerId: string | null;
  toOwnerId: string | null;
  reason: HopReason;
}

export type HopRow = Omit<CaseRoutingHopEntity, 'workspaceId'>;

/** Writes and reads a case's routing hops (the cases module owns case_routing_hops). */
@Injectable()
export class CaseRoutingHopsRepository {
  constructor(@InjectRepository(CaseRoutingHopEntity) private readonly hops: Repository<CaseRoutingHopEntity>) {}

  /** Inside the caller's transaction, so the hop and the change it records commit together. */
  async add(manager: EntityManager, workspaceId: string, hop: NewHop, actor: Actor): Promise<void> {
    await manager.getRepository(CaseRoutingHopEntity).insert({ workspaceId, ...hop, actorId: actor.userId, actorKind: actor.kind });
  }

  /** A case's hops, oldest first. */
  ofCase(workspaceId: string, caseId: string): Promise<HopRow[]> {
    return this.hops.find({
      select: {
        id: true,
        caseId: true,
        hoppedAt: true,
        fromTouchpointId: true,
        toTouchpointId: true,
        fromOwnerId: true,
        toOwnerId: true,
        reason: true,
        actorId: true,
        actorKind: true,
      },
      where: { workspaceId, caseId },
      order: { hoppedAt: 'ASC', id: 'ASC' },
    });
  }
}
