import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesReader } from '../cases/cases.reader';
import { ChurnReader } from '../churn/churn.reader';
import type {
  ContactDecision,
  ContactGate,
  ContactPurpose,
  ContactRefusal,
  SurveyContactChannel,
} from '../common/contact/contact-gate.port';
import { CustomersReader } from '../customers/customers.reader';
import { SurveysReader } from '../surveys/surveys.reader';
import { ContactPolicyRepository, type ContactPolicySettings } from './contact-policy.repository';
import { guardReasons, guardWindows } from './guard-reasons';

const DAY_MS = 86_400_000;
const ALLOWED: ContactDecision = { allowed: true, reasons: [] };

/**
 * The contact policy every channel asks (CONTACT_GATE): service messages always go; marketing is held by withdrawn
 * consent and the communication guard; surveys also by the contact frequency, unless the survey opted out of it.
 */
@Injectable()
export class ContactPolicyService implements ContactGate {
  constructor(
    private readonly repo: ContactPolicyRepository,
    private readonly cases: CasesReader,
    private readonly churn: ChurnReader,
    private readonly customers: CustomersReader,
    private readonly surveys: SurveysReader,
  ) {}

  async check(
    workspaceId: string,
    customerExternalId: string,
    purpose: ContactPurpose,
    options: { surveyId?: string; now?: Date } = {},
  ): Promise<ContactDecision> {
    if (purpose === 'service') return ALLOWED;
    const now = options.now ?? new Date();
    const policy = await this.repo.policy(workspaceId);
    const [consent, guard, frequency] = await Promise.all([
      this.customers.consentWithdrawals(workspaceId, customerExternalId),
      this.guardOf(workspaceId, customerExternalId, policy, now),
      purpose === 'survey' ? this.frequencyRefusal(workspaceId, customerExternalId, policy, options.surveyId, now) : null,
    ]);
    const reasons: ContactRefusal[] = [
      ...(consent?.[purpose] ? [{ code: 'consent_withdrawn' as const, until: null }] : []),
      ...guard,
      ...(frequency ? [frequency] : []),
    ];
    return { allowed: reasons.length === 0, reasons };
  }

  async recordSurveyContact(
    workspaceId: string,
    customerExternalId: string,
    contact: { surveyId: string; channel: SurveyContactChannel; at?: Date },
    manager?: EntityManager,
  ): Promise<void> {
    if (manager) await this.repo.lockCustomer(workspaceId, customerExternalId, manager);
    await this.repo.recordContact(workspaceId, customerExternalId, contact, manager);
  }

  /**
   * A widget is about to show a survey: check and record in one transaction under the customer's lock, so two
   * surveys shown at once on one page (or a widget and an invitation) ask the customer once.
   */
  claimSurveyContact(
    workspaceId: string,
    customerExternalId: string,
    contact: { surveyId: string; channel: SurveyContactChannel },
    within?: EntityManager,
  ): Promise<ContactDecision> {
    const claim = async (manager: EntityManager) => {
      await this.repo.lockCustomer(workspaceId, customerExternalId, manager);
      // A competitor commits before it releases the lock, so this check (on the pool) already sees its contact.
      const decision = await this.check(workspaceId, customerExternalId, 'survey', { surveyId: contact.surveyId });
      if (decision.allowed) await this.repo.recordContact(workspaceId, customerExternalId, contact, manager);
      return decision;
    };
    // In the caller's transaction (an invitation batch): the lock holds until the batch commits its messages too.
    return within ? claim(within) : this.repo.transaction(claim);
  }

  /** The guard's reasons for one customer now, computed from the cases and cancellations (not the job's copy). */
  async guardOf(workspaceId: string, customerExternalId: string, policy: ContactPolicySettings, now: Date): Promise<ContactRefusal[]> {
    if (!policy.guardEnabled) return [];
    const { cancelledSince, breachedSince } = guardWindows(policy, now);
    const [cases, cancellations] = await Promise.all([
      this.cases.guardCases(workspaceId, { externalId: customerExternalId, openComplaints: policy.guardOpenComplaints, breachedSince }),
      cancelledSince ? this.churn.cancelledSince(workspaceId, cancelledSince, customerExternalId) : [],
    ]);
    return guardReasons(policy, cases, cancellations).get(customerExternalId) ?? [];
  }

  private async frequencyRefusal(
    workspaceId: string,
    customerExternalId: string,
    policy: ContactPolicySettings,
    surveyId: string | undefined,
    now: Date,
  ): Promise<ContactRefusal | null> {
    if (policy.frequencyDays === 0 || (surveyId && (await this.isExempt(workspaceId, surveyId)))) return null;
    const last = await this.repo.lastContact(workspaceId, customerExternalId);
    if (!last || last.contactedAt.getTime() <= now.getTime() - policy.frequencyDays * DAY_MS) return null;
    return this.recentRefusal(last.contactedAt, policy);
  }

  private recentRefusal(lastAt: Date, policy: ContactPolicySettings): ContactRefusal {
    return { code: 'contacted_recently', until: new Date(lastAt.getTime() + policy.frequencyDays * DAY_MS).toISOString() };
  }

  private async isExempt(workspaceId: string, surveyId: string): Promise<boolean> {
    return (await this.surveys.findById(workspaceId, surveyId))?.contactPolicyExempt ?? false;
  }
}
