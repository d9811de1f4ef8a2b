import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import type { SegmentFilter } from '../segments/segment-filter';
import { CustomerActivityEntity } from './activity/customer-activity.entity';
import { CustomerEntity } from './customer.entity';

/** A customer as a survey invitation needs them: the address, and whether they withdrew consent to surveys. */
export interface InvitationContact {
  externalId: string;
  email: string | null;
  /** consents.survey.granted is false (unset is not withdrawn). */
  surveyConsentWithdrawn: boolean;
}

/** A customer who reached an invitation's event, and when. */
export interface InvitationEventHit {
  externalId: string;
  at: Date;
}

const WITHDRAWN = `coalesce((c.consents -> 'survey' ->> 'granted') = 'false', false)`;

/**
 * Who survey invitations may address (survey-invitations reads customers and their activity only through here):
 * customers of a segment, of a pasted list (external ids or emails), or who reached an event in a window.
 */
@Injectable()
export class InvitationAudienceReader {
  constructor(
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
    @InjectRepository(CustomerActivityEntity) private readonly activity: Repository<CustomerActivityEntity>,
  ) {}

  private contacts() {
    return this.customers
      .createQueryBuilder('c')
      .select('c.external_id', 'externalId')
      .addSelect('c.email', 'email')
      .addSelect(WITHDRAWN, 'surveyConsentWithdrawn');
  }

  /** Every customer of the segment, by external id. */
  inSegment(filter: SegmentFilter): Promise<InvitationContact[]> {
    const inSegment = filter.forQueryBuilder('c.external_id');
    return this.contacts()
      .where('c.workspace_id = :workspaceId', { workspaceId: filter.workspaceId })
      .andWhere(inSegment.sql, inSegment.parameters)
      .orderBy('c.external_id')
      .getRawMany<InvitationContact>();
  }

  /** Customers whose external id is one of `externalIds` or whose email (case-insensitive) is one of `emails`. */
  byIdsOrEmails(workspaceId: string, externalIds: readonly string[], emails: readonly string[]): Promise<InvitationContact[]> {
    if (externalIds.length === 0 && emails.length === 0) return Promise.resolve([]);
    return this.contacts()
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .andWhere(
        new Brackets((qb) =>
          qb.where('c.external_id = ANY(:externalIds)', { externalIds }).orWhere('lower(c.email) = ANY(:emails)', { emails }),
        ),
      )
      .orderBy('c.external_id')
      .getRawMany<InvitationContact>();
  }

  /** Contacts of these customers (the event sends' hits). */
  byIds(workspaceId: string, externalIds: readonly string[]): Promise<InvitationContact[]> {
    return this.byIdsOrEmails(workspaceId, externalIds, []);
  }

  /** Customers first seen in [from, to) (N days after sign-up: the window is shifted by N days by the caller). */
  firstSeenBetween(workspaceId: string, from: Date, to: Date): Promise<InvitationEventHit[]> {
    return this.customers
      .createQueryBuilder('c')
      .select('c.external_id', 'externalId')
      .addSelect('c.first_seen_at', 'at')
      .where('c.workspace_id = :workspaceId AND c.first_seen_at >= :from AND c.first_seen_at < :to', { workspaceId, from, to })
      .orderBy('c.first_seen_at')
      .getRawMany<InvitationEventHit>();
  }

  /** Per customer, the first activity in [from, to) whose name (or kind, e.g. `order`) is `name`. */
  activityBetween(workspaceId: string, name: string, from: Date, to: Date): Promise<InvitationEventHit[]> {
    return this.activity
      .createQueryBuilder('a')
      .select('a.customer_external_id', 'externalId')
      .addSelect('min(a.occurred_at)', 'at')
      .where('a.workspace_id = :workspaceId AND a.occurred_at >= :from AND a.occurred_at < :to', { workspaceId, from, to })
      .andWhere('(a.name = :name OR a.kind = :name)', { name })
      .groupBy('a.customer_external_id')
      .orderBy('at')
      .getRawMany<InvitationEventHit>();
  }
}
