import { Injectable } from '@nestjs/common';
import { conflict, FieldError, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import {
  defaultBusinessCalendar,
  defaultSlaPolicy,
  deadlines,
  SlaPolicy,
  targetFor,
  validateCalendar,
  validateSlaPolicy,
} from '../sla/clock';
import type { CreateSlaPolicyDto, SlaPolicyDto, SlaPreviewDto, SlaPreviewRequestDto, UpdateSlaPolicyDto } from './sla-policies.dto';
import { SlaPoliciesRepository, SlaPolicyValues } from './sla-policies.repository';

/** Workspaces have no time zone setting yet; the product's home market is Moscow time. */
export const DEFAULT_POLICY_TIME_ZONE = 'Europe/Moscow';

/** The policy a workspace gets before anyone edits one: the clock's defaults on a 09:00–18:00 Moscow week. */
export function defaultPolicyValues(): SlaPolicyValues {
  const calendar = defaultBusinessCalendar(DEFAULT_POLICY_TIME_ZONE);
  const policy = defaultSlaPolicy(calendar);
  return { name: policy.name, clock: policy.clock, rules: policy.rules, calendar, warnAtShare: policy.warnAtShare };
}

/** The clock validators' messages as field errors (the field is the message's first word: name, rules, …). */
export function policyProblems(values: SlaPolicyValues): FieldError[] {
  const policy: SlaPolicy = { name: values.name, clock: values.clock, rules: values.rules, warnAtShare: values.warnAtShare };
  const fields = ['name', 'clock', 'warnAtShare', 'rules'];
  return [
    ...validateSlaPolicy(policy).map((message) => ({ field: fields.find((f) => message.startsWith(f)) ?? 'rules', message })),
    ...validateCalendar(values.calendar).map((message) => ({ field: 'calendar', message })),
  ];
}

/** SLA policies of a workspace: targets per priority × channel and the calendar they count in. */
@Injectable()
export class SlaPoliciesService {
  constructor(private readonly policies: SlaPoliciesRepository) {}

  async list(workspaceId: string): Promise<SlaPolicyDto[]> {
    await this.policies.ensureDefault(workspaceId, defaultPolicyValues());
    return this.policies.list(workspaceId);
  }

  async get(workspaceId: string, id: string): Promise<SlaPolicyDto> {
    await this.policies.ensureDefault(workspaceId, defaultPolicyValues());
    const policy = await this.policies.find(workspaceId, id);
    if (!policy) throw notFound('SLA policy');
    return policy;
  }

  /** The workspace default, created on first use. */
  async getDefault(workspaceId: string): Promise<SlaPolicyDto> {
    await this.policies.ensureDefault(workspaceId, defaultPolicyValues());
    return (await this.policies.findDefault(workspaceId))!;
  }

  async create(workspaceId: string, input: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    await this.policies.ensureDefault(workspaceId, defaultPolicyValues());
    // Fields left out start from the defaults, so "a new policy" is the defaults under a new name.
    const base = defaultPolicyValues();
    const values: SlaPolicyValues = {
      name: input.name,
      clock: input.clock ?? base.clock,
      rules: input.rules ?? base.rules,
      calendar: input.calendar ?? base.calendar,
      warnAtShare: input.warnAtShare ?? base.warnAtShare,
    };
    this.assertValid(values);
    if (await this.policies.nameTaken(workspaceId, values.name, null)) throw this.nameConflict(values.name);
    const id = await this.policies.insert(workspaceId, values);
    if (!id) throw this.nameConflict(values.name);
    return (await this.policies.find(workspaceId, id))!;
  }

  async update(workspaceId: string, id: string, input: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    const current = await this.get(workspaceId, id);
    const values: SlaPolicyValues = {
      name: input.name ?? current.name,
      clock: input.clock ?? current.clock,
      rules: input.rules ?? current.rules,
      calendar: input.calendar ?? current.calendar,
      warnAtShare: input.warnAtShare ?? current.warnAtShare,
    };
    this.assertValid(values);
    if (input.isDefault === false && current.isDefault) {
      throw conflict('sla_policy_default', 'A workspace always has a default policy: make another policy the default instead.');
    }
    if (values.name !== current.name && (await this.policies.nameTaken(workspaceId, values.name, id))) throw this.nameConflict(values.name);
    await this.policies.transaction(async (manager) => {
      await this.policies.update(workspaceId, id, values, manager);
      if (input.isDefault && !current.isDefault) await this.policies.makeDefault(workspaceId, id, manager);
    });
    return (await this.policies.find(workspaceId, id))!;
  }

  async remove(workspaceId: string, id: string, reassignTo?: string): Promise<void> {
    const current = await this.get(workspaceId, id);
    if (current.isDefault)
      throw conflict('sla_policy_default', 'The default SLA policy cannot be deleted: make another policy the default first.');
    if (reassignTo === id) throw validationError([{ field: 'reassignTo', message: 'reassignTo must be a different policy' }]);
    if (reassignTo && !(await this.policies.find(workspaceId, reassignTo))) {
      throw validationError([{ field: 'reassignTo', message: 'reassignTo is not an SLA policy of this workspace' }]);
    }
    await this.policies.transaction(async (manager) => {
      // Re-read inside the transaction so a touchpoint assigned meanwhile is not silently unlinked.
      const fresh = await this.policies.find(workspaceId, id, manager);
      if (!fresh) return;
      if (fresh.touchpointCount > 0 && !reassignTo) {
        throw conflict(
          'sla_policy_in_use',
          `${fresh.touchpointCount} touchpoint(s) use the SLA policy "${fresh.name}": pass reassignTo with another policy, or change those touchpoints first.`,
        );
      }
      if (reassignTo) await this.policies.reassignTouchpoints(workspaceId, id, reassignTo, manager);
      await this.policies.delete(workspaceId, id, manager);
    });
  }

  /** Deadlines a case opened at `openedAt` would get under the policy: lets admins check a policy by example. */
  async preview(workspaceId: string, id: string, input: SlaPreviewRequestDto): Promise<SlaPreviewDto> {
    const policy = await this.get(workspaceId, id);
    const target = targetFor(
      { name: policy.name, clock: policy.clock, rules: policy.rules, warnAtShare: policy.warnAtShare },
      input.priority,
      input.channel,
    );
    const due = deadlines(new Date(input.openedAt), target, policy.calendar, undefined, policy.warnAtShare);
    return { ...target, ...due };
  }

  private assertValid(values: SlaPolicyValues): void {
    const problems = policyProblems(values);
    if (problems.length) throw validationError(problems, 'SLA policy', 'problems');
  }

  private nameConflict(name: string) {
    return conflict('sla_policy_exists', `An SLA policy named "${name}" already exists; pick another name.`);
  }
}
