import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CustomersReader } from '../customers/customers.reader';
import { WebhookEvents } from '../webhooks/webhook-events';
import { InactivityService } from './inactivity.service';

/**
 * Announces sleeping customers to webhooks (`customer.sleeping`), once per quiet spell: a customer
 * is marked when announced and becomes eligible again only after new activity. Run by SleepingScanJob;
 * the marking UPDATE decides who announces, so replicas never double-send.
 */
@Injectable()
export class SleepingNotifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inactivity: InactivityService,
    private readonly events: WebhookEvents,
    private readonly customers: CustomersReader,
  ) {}

  /** Every workspace with an endpoint listening for sleeping customers. */
  async scanAll(): Promise<void> {
    for (const workspaceId of await this.events.workspacesListeningTo('customer.sleeping')) await this.notify(workspaceId);
  }

  /** Announces the workspace's not-yet-announced sleeping customers; returns how many. */
  async notify(workspaceId: string, now = new Date()): Promise<number> {
    const list = await this.inactivity.list(workspaceId, now);
    if (list.sleeping.length === 0) return 0;
    const byId = new Map(list.sleeping.map((s) => [s.externalId, s]));
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.customers.claimSleepingNotifications(workspaceId, [...byId.keys()], manager);
      for (const externalId of claimed) {
        const entry = byId.get(externalId)!;
        await this.events.publish(
          workspaceId,
          'customer.sleeping',
          {
            customer: { externalId, name: entry.name, email: entry.email },
            lastSeenAt: entry.lastSeenAt,
            daysInactive: entry.daysInactive,
            sleepingAfterDays: list.sleepingDays,
            lostAfterDays: list.inactiveDays,
          },
          manager,
        );
      }
      return claimed.length;
    });
  }
}
