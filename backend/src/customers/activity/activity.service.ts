import { HttpStatus, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { ApiError, conflict, type FieldError, notFound } from '../../common/http/api-error';
import { afterCommit } from '../../common/jobs/after-commit';
import { JobRunner } from '../../common/jobs/job-runner';
import { flattenValidationErrors, VALIDATION_OPTIONS } from '../../common/http/validation.pipe';
import { CustomersReader } from '../customers.reader';
import {
  ActivityEventDto,
  ActivityRowErrorDto,
  BulkActivityEventDto,
  BulkActivityResultDto,
  RecentActivityDto,
  RecentActivityQuery,
  StoredActivityDto,
} from './activity.dto';
import { CustomerStatusService } from '../status/customer-status.service';
import { ActivityRepository, NewActivity } from './activity.repository';
import type { CustomerActivityEntity } from './customer-activity.entity';
import { ACTIVITY_KINDS } from './rfm-groups';

/** What became of one row of a batch. */
type Outcome =
  | { kind: 'created'; stored: CustomerActivityEntity }
  | { kind: 'unchanged'; stored: CustomerActivityEntity }
  | { kind: 'event_id_reused'; stored: CustomerActivityEntity }
  | { kind: 'customer_not_found'; stored: null };

export function toStoredActivityDto(row: CustomerActivityEntity): StoredActivityDto {
  return {
    id: row.id,
    customerExternalId: row.customerExternalId,
    eventId: row.eventId,
    kind: row.kind,
    name: row.name,
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
  };
}

function toNewActivity(customerExternalId: string, event: ActivityEventDto): NewActivity {
  return {
    customerExternalId,
    eventId: event.eventId,
    kind: event.kind,
    name: event.name ?? null,
    amount: event.amount ?? null,
    currency: event.currency ?? null,
    occurredAt: new Date(event.occurredAt),
  };
}

/** A repeat is the same event only when everything the sender said is the same. */
function sameEvent(stored: CustomerActivityEntity, event: NewActivity): boolean {
  return (
    stored.customerExternalId === event.customerExternalId &&
    stored.kind === event.kind &&
    stored.name === event.name &&
    (stored.amount === null ? event.amount === null : Number(stored.amount) === event.amount) &&
    stored.currency === event.currency &&
    stored.occurredAt.getTime() === event.occurredAt.getTime()
  );
}

/**
 * The early-warning module's scan job, woken by name: it reads this module's activity, so importing it from here would
 * be a cycle (a wake for a job not scheduled in this process is a no-op).
 */
const EARLY_WARNING_SCAN_JOB = 'early-warning-scan';

const DEADLOCK = '40P01';
const NUMERIC_OVERFLOW = '22003';

/**
 * Records customers' activity idempotently by the sender's event id: a new event is stored and moves the customer's
 * counters in the same statement; a repeat with the same content changes nothing; a reused id with other content is
 * refused. RFM picks new activity up on its own (the scoring job finds workspaces with events newer than their scores);
 * the early-warning scan is woken once new events commit, so warnings clear or appear within moments.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly statuses: CustomerStatusService,
    private readonly customers: CustomersReader,
    private readonly jobs: JobRunner,
  ) {}

  /** A customer's latest events (the profile's recent orders, payments and logins). */
  async recent(workspaceId: string, customerExternalId: string, query: RecentActivityQuery): Promise<RecentActivityDto> {
    if (!(await this.customers.exists(workspaceId, customerExternalId))) throw notFound('Customer');
    const rows = await this.activity.recent(workspaceId, customerExternalId, query.kinds ?? ACTIVITY_KINDS, query.limit ?? 20);
    return { items: rows.map(toStoredActivityDto) };
  }

  async record(
    workspaceId: string,
    customerExternalId: string,
    event: ActivityEventDto,
  ): Promise<{ created: boolean; event: StoredActivityDto }> {
    const [outcome] = await this.storeAll(workspaceId, [toNewActivity(customerExternalId, event)]);
    if (outcome.kind === 'customer_not_found') throw notFound('Customer');
    if (outcome.kind === 'event_id_reused') {
      throw conflict(
        'event_id_reused',
        'This eventId was already used for a different event; nothing was changed. Send a new eventId for every new event.',
      );
    }
    return { created: outcome.kind === 'created', event: toStoredActivityDto(outcome.stored) };
  }

  /** Validates every row on its own and stores the valid ones in one transaction; the others come back with why. */
  async bulk(workspaceId: string, rows: readonly unknown[], inTransaction?: EntityManager): Promise<BulkActivityResultDto> {
    const errors: ActivityRowErrorDto[] = [];
    const valid: { index: number; event: NewActivity }[] = [];
    for (const [index, raw] of rows.entries()) {
      const checked = await this.validateRow(raw);
      if (checked.row) valid.push({ index, event: toNewActivity(checked.row.customerExternalId, checked.row) });
      else errors.push(...checked.errors.map((e) => ({ index, ...checked.ids, code: 'validation_failed', ...e })));
    }
    const outcomes = await this.storeAll(
      workspaceId,
      valid.map((row) => row.event),
      inTransaction,
    );
    let created = 0;
    let unchanged = 0;
    outcomes.forEach((outcome, i) => {
      const { index, event } = valid[i];
      const ids = { customerExternalId: event.customerExternalId, eventId: event.eventId };
      if (outcome.kind === 'created') created += 1;
      else if (outcome.kind === 'unchanged') unchanged += 1;
      else if (outcome.kind === 'customer_not_found') {
        errors.push({ index, ...ids, field: 'customerExternalId', code: outcome.kind, message: 'no customer with this external id' });
      } else {
        errors.push({
          index,
          ...ids,
          field: 'eventId',
          code: outcome.kind,
          message: 'this eventId was already used for a different event',
        });
      }
    });
    errors.sort((a, b) => a.index - b.index);
    return { created, unchanged, errors };
  }

  /** One bulk/CSV row against the event rules: the typed row, or why it cannot be stored. */
  async validateRow(raw: unknown): Promise<{
    row: BulkActivityEventDto | null;
    ids: { customerExternalId: string | null; eventId: string | null };
    errors: FieldError[];
  }> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return {
        row: null,
        ids: { customerExternalId: null, eventId: null },
        errors: [{ field: '', message: 'each event must be an object' }],
      };
    }
    const text = (key: string) => {
      const value = (raw as Record<string, unknown>)[key];
      return typeof value === 'string' ? value.slice(0, 200) : null;
    };
    const row = plainToInstance(BulkActivityEventDto, raw);
    const errors = flattenValidationErrors(await validate(row, VALIDATION_OPTIONS));
    return {
      row: errors.length === 0 ? row : null,
      ids: { customerExternalId: text('customerExternalId'), eventId: text('eventId') },
      errors,
    };
  }

  /**
   * Stores the batch and says what became of each row, in order. Only the first row of an event id is offered to the
   * store; later rows with that id are repeats, judged against what ended up stored. Deadlocks between racing
   * batches (each locks its customers) are retried.
   */
  private async storeAll(workspaceId: string, events: readonly NewActivity[], inTransaction?: EntityManager): Promise<Outcome[]> {
    const work = async (manager: EntityManager): Promise<Outcome[]> => {
      const firsts = new Map<string, NewActivity>();
      for (const event of events) if (!firsts.has(event.eventId)) firsts.set(event.eventId, event);
      const inserted = await this.activity.store(workspaceId, [...firsts.values()], manager);
      // New orders (and a customer seen again) can move the colour status: in the same transaction as the counters.
      const moved = [...new Set(inserted.map((row) => row.customerExternalId))];
      if (moved.length > 0) {
        await this.statuses.recompute(workspaceId, moved, manager);
        // After the commit (a CSV chunk's or the caller's transaction): a scan woken earlier could not see the events.
        afterCommit(manager, () => this.jobs.wake(EARLY_WARNING_SCAN_JOB));
      }
      const insertedIds = new Map(inserted.map((row) => [row.eventId, row]));
      const others = [...firsts.keys()].filter((id) => !insertedIds.has(id));
      const stored = new Map(insertedIds);
      for (const row of await this.activity.findByEventIds(workspaceId, others, manager)) stored.set(row.eventId, row);
      const reported = new Set<string>();
      return events.map((event): Outcome => {
        const row = stored.get(event.eventId);
        const first = !reported.has(event.eventId);
        reported.add(event.eventId);
        if (!row) return { kind: 'customer_not_found', stored: null };
        if (!sameEvent(row, event)) return { kind: 'event_id_reused', stored: row };
        return first && insertedIds.has(event.eventId) ? { kind: 'created', stored: row } : { kind: 'unchanged', stored: row };
      });
    };
    if (inTransaction) return work(inTransaction);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.activity.transaction(work);
      } catch (error) {
        const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
        if (code === DEADLOCK && attempt < 3) continue;
        if (code === NUMERIC_OVERFLOW) {
          throw new ApiError(
            HttpStatus.UNPROCESSABLE_ENTITY,
            'purchase_volume_overflow',
            "These orders would take a customer's purchase volume past 999,999,999,999.99; nothing was stored.",
          );
        }
        throw error;
      }
    }
  }
}
