import { Injectable, OnModuleInit } from '@nestjs/common';
import type { WarningEventDto } from '../customers/timeline/timeline.dto';
import { TimelineRegistry } from '../customers/timeline/timeline.registry';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../customers/timeline/timeline-source';
import { CustomerWarningsRepository } from './customer-warnings.repository';

/** Early warnings on the customer timeline, by when they were raised, with what was seen and whether it cleared. */
@Injectable()
export class WarningTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'warning';
  readonly scope = 'customers:read' as const;

  constructor(
    private readonly warnings: CustomerWarningsRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<WarningEventDto>[]> {
    const rows = await this.warnings.timeline(query);
    return rows.map((row) => ({
      id: `warning:${row.id}`,
      kind: this.kind,
      at: row.at,
      title: row.rule,
      details: {
        kind: 'warning',
        warningId: row.id,
        rule: row.rule,
        detail: row.detail,
        caseId: row.caseId,
        clearedAt: row.clearedAt ? new Date(row.clearedAt).toISOString() : null,
      },
    }));
  }
}
