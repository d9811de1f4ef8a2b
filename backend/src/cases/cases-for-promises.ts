import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from './case-actor';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';

/** What a promise needs to know of its case: whose it is, where it was handled and which SLA clock it runs on. */
export type CaseForPromise = Pick<CaseEntity, 'id' | 'number' | 'touchpointId' | 'customerExternalId' | 'slaPolicyId' | 'ownerId'>;

/** One of our replies on a case (the text a promise is made from). */
export type CaseReply = { id: string; caseId: string; text: string };

/**
 * The promise register's view of cases (exported by CasesReaderModule, so the promises module needs no import of
 * CasesModule): the case a promise is tied to, the reply it came from, and the case's audit trail, where a
 * promise's escalation is written in the same transaction as its claim.
 */
@Injectable()
export class CasesForPromises {
  constructor(
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseEventEntity) private readonly events: Repository<CaseEventEntity>,
  ) {}

  find(workspaceId: string, caseId: string): Promise<CaseForPromise | null> {
    return this.cases.findOne({
      select: { workspaceId: true, id: true, number: true, touchpointId: true, customerExternalId: true, slaPolicyId: true, ownerId: true },
      where: { workspaceId, id: caseId },
    });
  }

  /** Our reply `eventId` on the case (a customer's message or another kind of event is not one). */
  async reply(workspaceId: string, caseId: string, eventId: string): Promise<CaseReply | null> {
    const row = await this.events
      .createQueryBuilder('e')
      .select(['e.workspaceId', 'e.id', 'e.caseId', 'e.details'])
      .where('e.workspace_id = :workspaceId AND e.case_id = :caseId AND e.id = :eventId', { workspaceId, caseId, eventId })
      .andWhere(`e.kind = 'reply' AND coalesce(e.details->>'from', 'agent') = 'agent'`)
      .getOne();
    if (!row) return null;
    return { id: row.id, caseId: row.caseId, text: typeof row.details.text === 'string' ? row.details.text : '' };
  }

  /** An entry of the case's audit trail, written in the caller's transaction. */
  async addEvent(
    manager: EntityManager,
    workspaceId: string,
    caseId: string,
    actor: Actor,
    kind: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const event: Omit<CaseEventEntity, 'id' | 'createdAt'> = {
      workspaceId,
      caseId,
      actorId: actor.userId,
      actorKind: actor.kind,
      kind,
      details,
    };
    await manager.getRepository(CaseEventEntity).insert(event as QueryDeepPartialEntity<CaseEventEntity>);
  }
}
