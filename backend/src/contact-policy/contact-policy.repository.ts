import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { ContactRefusal, SurveyContactChannel } from '../common/contact/contact-gate.port';
import { ContactPolicySettingsEntity } from './contact-policy-settings.entity';
import { CustomerGuardEntity } from './customer-guard.entity';
import { CustomerSurveyContactEntity } from './customer-survey-contact.entity';

export type ContactPolicySettings = Pick<
  ContactPolicySettingsEntity,
  'frequencyDays' | 'guardEnabled' | 'guardOpenComplaints' | 'cancellationDays' | 'slaBreachDays'
>;

export const DEFAULT_CONTACT_POLICY: ContactPolicySettings = {
  frequencyDays: 30,
  guardEnabled: true,
  guardOpenComplaints: true,
  cancellationDays: 30,
  slaBreachDays: 14,
};

export type StoredContactPolicy = ContactPolicySettings & { isDefault: boolean; updatedAt: Date | null; updatedBy: string | null };

export type LastSurveyContact = Pick<CustomerSurveyContactEntity, 'surveyId' | 'channel' | 'contactedAt'>;

/** A guard that began or ended in one sync, with its reasons (the ones it ended with, for an end). */
export type GuardTransition = { customerExternalId: string; reasons: ContactRefusal[]; startedAt: Date };

/** Settings, the survey-contact log and the guard's current state. */
@Injectable()
export class ContactPolicyRepository {
  constructor(
    @InjectRepository(ContactPolicySettingsEntity) private readonly settings: Repository<ContactPolicySettingsEntity>,
    @InjectRepository(CustomerSurveyContactEntity) private readonly contacts: Repository<CustomerSurveyContactEntity>,
    @InjectRepository(CustomerGuardEntity) private readonly guards: Repository<CustomerGuardEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.settings.manager.transaction(work);
  }

  async policy(workspaceId: string): Promise<StoredContactPolicy> {
    const row = await this.settings.findOneBy({ workspaceId });
    if (!row) return { ...DEFAULT_CONTACT_POLICY, isDefault: true, updatedAt: null, updatedBy: null };
    const { frequencyDays, guardEnabled, guardOpenComplaints, cancellationDays, slaBreachDays, updatedAt, updatedBy } = row;
    return { frequencyDays, guardEnabled, guardOpenComplaints, cancellationDays, slaBreachDays, isDefault: false, updatedAt, updatedBy };
  }

  async savePolicy(workspaceId: string, policy: ContactPolicySettings, updatedBy: string | null): Promise<void> {
    await this.settings.upsert({ workspaceId, ...policy, updatedAt: new Date(), updatedBy }, ['workspaceId']);
  }

  /** The customer's latest survey contact (index customer_survey_contacts_last_idx, read backwards). */
  lastContact(workspaceId: string, customerExternalId: string, manager?: EntityManager): Promise<LastSurveyContact | null> {
    const repo = manager ? manager.getRepository(CustomerSurveyContactEntity) : this.contacts;
    return repo.findOne({
      select: { id: true, surveyId: true, channel: true, contactedAt: true },
      where: { workspaceId, customerExternalId },
      order: { contactedAt: 'DESC' },
    });
  }

  /**
   * Serialises survey contacts of one customer until the transaction ends, so "check the window, then record" by two
   * requests at once (two surveys on one page, an invitation and a widget) lets only one through.
   */
  async lockCustomer(workspaceId: string, customerExternalId: string, manager: EntityManager): Promise<void> {
    // Raw: advisory locks have no QueryBuilder form.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('contact:' || $1 || ':' || $2, 0))`, [
      workspaceId,
      customerExternalId,
    ]);
  }

  async recordContact(
    workspaceId: string,
    customerExternalId: string,
    contact: { surveyId: string; channel: SurveyContactChannel; at?: Date },
    manager?: EntityManager,
  ): Promise<void> {
    const repo = manager ? manager.getRepository(CustomerSurveyContactEntity) : this.contacts;
    await repo.insert({
      workspaceId,
      customerExternalId,
      surveyId: contact.surveyId,
      channel: contact.channel,
      ...(contact.at ? { contactedAt: contact.at } : {}),
    });
  }

  guardOf(workspaceId: string, customerExternalId: string): Promise<CustomerGuardEntity | null> {
    return this.guards.findOneBy({ workspaceId, customerExternalId });
  }

  /**
   * Makes customer_guards the given set (customer → reasons) in three statements: new guards start, ended guards go,
   * the reasons of ongoing ones are refreshed. RETURNING tells exactly which customers moved, once per transition.
   */
  async syncGuards(
    workspaceId: string,
    current: { customerExternalId: string; reasons: ContactRefusal[] }[],
    manager: EntityManager,
    now: Date,
  ): Promise<{ started: GuardTransition[]; ended: GuardTransition[] }> {
    const ids = current.map((g) => g.customerExternalId);
    const reasons = current.map((g) => JSON.stringify(g.reasons));
    // Raw: set-based writes from unnest(…) arrays with RETURNING are beyond QueryBuilder.
    const started: { customerExternalId: string; reasons: ContactRefusal[]; startedAt: Date }[] = await manager.query(
      `INSERT INTO customer_guards (workspace_id, customer_external_id, reasons, started_at, updated_at)
       SELECT $1, g.id, g.reasons::jsonb, $4, $4 FROM unnest($2::varchar[], $3::text[]) AS g(id, reasons)
       ON CONFLICT (workspace_id, customer_external_id) DO NOTHING
       RETURNING customer_external_id AS "customerExternalId", reasons, started_at AS "startedAt"`,
      [workspaceId, ids, reasons, now],
    );
    const ended: GuardTransition[] = await manager.query(
      // Wrapped in a SELECT: TypeORM answers a bare DELETE with [rows, count].
      `WITH gone AS (
         DELETE FROM customer_guards WHERE workspace_id = $1 AND NOT (customer_external_id = ANY($2::varchar[]))
         RETURNING customer_external_id AS "customerExternalId", reasons, started_at AS "startedAt"
       ) SELECT * FROM gone`,
      [workspaceId, ids],
    );
    await manager.query(
      `UPDATE customer_guards g SET reasons = n.reasons::jsonb, updated_at = $4
         FROM unnest($2::varchar[], $3::text[]) AS n(id, reasons)
        WHERE g.workspace_id = $1 AND g.customer_external_id = n.id AND g.reasons <> n.reasons::jsonb`,
      [workspaceId, ids, reasons, now],
    );
    return { started, ended };
  }
}
