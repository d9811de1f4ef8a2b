import { Injectable } from '@nestjs/common';
import { SurveysReader } from '../surveys/surveys.reader';
import { UsersReader } from '../users/users.reader';
import type { ContactPolicyDto, ContactPolicyInputDto, CustomerContactPolicyDto } from './contact-policy.dto';
import { ContactPolicyRepository, type StoredContactPolicy } from './contact-policy.repository';
import { ContactPolicyService } from './contact-policy.service';

/** The contact-policy endpoints' reads and writes as the API shows them (people and surveys named, times as ISO). */
@Injectable()
export class ContactPolicyViews {
  constructor(
    private readonly repo: ContactPolicyRepository,
    private readonly policy: ContactPolicyService,
    private readonly surveys: SurveysReader,
    private readonly users: UsersReader,
  ) {}

  async settings(workspaceId: string): Promise<ContactPolicyDto> {
    return this.settingsDto(await this.repo.policy(workspaceId));
  }

  async saveSettings(workspaceId: string, input: ContactPolicyInputDto, actorId: string | null): Promise<ContactPolicyDto> {
    const { frequencyDays, guardEnabled, guardOpenComplaints, cancellationDays, slaBreachDays } = input;
    await this.repo.savePolicy(workspaceId, { frequencyDays, guardEnabled, guardOpenComplaints, cancellationDays, slaBreachDays }, actorId);
    return this.settings(workspaceId);
  }

  /** What the customer profile shows: may a survey or marketing go now and why not, the guard's start, the last ask. */
  async ofCustomer(workspaceId: string, externalId: string): Promise<CustomerContactPolicyDto> {
    const [survey, marketing, guard, last] = await Promise.all([
      this.policy.check(workspaceId, externalId, 'survey'),
      this.policy.check(workspaceId, externalId, 'marketing'),
      this.repo.guardOf(workspaceId, externalId),
      this.repo.lastContact(workspaceId, externalId),
    ]);
    const surveyName = last ? ((await this.surveys.findById(workspaceId, last.surveyId))?.name ?? null) : null;
    return {
      survey,
      marketing,
      guardedSince: guard?.startedAt.toISOString() ?? null,
      lastAsked: last && { at: last.contactedAt.toISOString(), surveyId: last.surveyId, surveyName, channel: last.channel },
    };
  }

  private async settingsDto(policy: StoredContactPolicy): Promise<ContactPolicyDto> {
    const people = await this.users.profilesOf([policy.updatedBy]);
    const by = policy.updatedBy ? people.get(policy.updatedBy) : undefined;
    return {
      frequencyDays: policy.frequencyDays,
      guardEnabled: policy.guardEnabled,
      guardOpenComplaints: policy.guardOpenComplaints,
      cancellationDays: policy.cancellationDays,
      slaBreachDays: policy.slaBreachDays,
      isDefault: policy.isDefault,
      updatedAt: policy.updatedAt?.toISOString() ?? null,
      updatedBy: policy.updatedBy && by ? { id: policy.updatedBy, name: by.name || by.email } : null,
    };
  }
}
