import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/http/api-error';
import { UsersReader } from '../../users/users.reader';
import { CustomersReader } from '../customers.reader';
import type {
  OverrideStatusDto,
  SaveStatusRulesResultDto,
  StatusHistoryDto,
  StatusRulesDto,
  StatusRulesInputDto,
} from './customer-status.dto';
import { CustomerStatusRepository, type StoredStatusRules } from './customer-status.repository';
import { CustomerStatusService } from './customer-status.service';
import { STATUS_RULE_KEYS } from './derive-colour-status';

const HISTORY_LIMIT = 200;

/** The status endpoints' reads and writes as the API shows them (people named, times as ISO). */
@Injectable()
export class CustomerStatusViews {
  constructor(
    private readonly statuses: CustomerStatusService,
    private readonly repo: CustomerStatusRepository,
    private readonly customers: CustomersReader,
    private readonly users: UsersReader,
  ) {}

  async rules(workspaceId: string): Promise<StatusRulesDto> {
    return this.rulesDto(await this.statuses.rules(workspaceId));
  }

  async saveRules(workspaceId: string, input: StatusRulesInputDto, actorId: string | null): Promise<SaveStatusRulesResultDto> {
    const { rules, moved } = await this.statuses.saveRules(
      workspaceId,
      { platinumOrders: input.platinumOrders, longCooperationDays: input.longCooperationDays, stoppedAfterDays: input.stoppedAfterDays },
      actorId,
    );
    return { rules: await this.rulesDto(rules), moved };
  }

  override(workspaceId: string, externalId: string, body: OverrideStatusDto, actorId: string | null): Promise<void> {
    return this.statuses.override(workspaceId, externalId, body.status, body.reason, actorId);
  }

  clearOverride(workspaceId: string, externalId: string, actorId: string | null): Promise<void> {
    return this.statuses.clearOverride(workspaceId, externalId, actorId);
  }

  async history(workspaceId: string, externalId: string): Promise<StatusHistoryDto> {
    if (!(await this.customers.exists(workspaceId, externalId))) throw notFound('Customer');
    const rows = await this.repo.history(workspaceId, externalId, HISTORY_LIMIT);
    const people = await this.users.profilesOf(rows.map((row) => row.actorId));
    return {
      items: rows.map((row) => ({
        id: row.id,
        from: row.fromStatus,
        to: row.toStatus,
        changedAt: row.changedAt.toISOString(),
        cause: row.cause,
        detail: row.detail,
        actor: this.person(row.actorId, people),
      })),
    };
  }

  private async rulesDto(rules: StoredStatusRules): Promise<StatusRulesDto> {
    const people = await this.users.profilesOf([rules.updatedBy]);
    return {
      platinumOrders: rules.platinumOrders,
      longCooperationDays: rules.longCooperationDays,
      stoppedAfterDays: rules.stoppedAfterDays,
      isDefault: rules.updatedAt === null,
      updatedAt: rules.updatedAt?.toISOString() ?? null,
      updatedBy: this.person(rules.updatedBy, people),
      order: [...STATUS_RULE_KEYS],
    };
  }

  private person(id: string | null, people: Map<string, { name: string; email: string }>) {
    const found = id ? people.get(id) : undefined;
    return id && found ? { id, name: found.name || found.email } : null;
  }
}
