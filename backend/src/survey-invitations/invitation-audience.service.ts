import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { matchLanguage } from '@otklik/survey-model';
import { ClosedCasesReader } from '../cases/closed-cases.reader';
import { InvitationAudienceReader, type InvitationContact, type InvitationEventHit } from '../customers/invitation-audience.reader';
import { InvitationResponsesReader } from '../responses/invitation-responses.reader';
import type { SegmentFilter } from '../segments/segment-filter';
import type { SentSurvey } from './invitation-email';
import { type ListRow, parseList } from './invitation-list';
import type { NewRecipient } from './survey-sends.repository';
import type { SurveySendEntity } from './survey-send.entity';

const DAY_MS = 86_400_000;

/** 192 random bits, URL-safe: the recipient's token. */
export const newToken = (): string => randomBytes(24).toString('base64url');

/** What a pasted list became: who it names, and each row it could not use. */
export interface ListReport {
  rows: number;
  recipients: number;
  duplicates: number;
  /** The first 100 unusable rows, and how many there were. */
  invalid: ListRow[];
  invalidCount: number;
  /** External ids that are no customer of the workspace (not invited). */
  unknown: ListRow[];
}

type Send = Pick<SurveySendEntity, 'workspaceId' | 'id' | 'surveyId' | 'language'>;

/** Turns an audience (a pasted list, a segment, an event window) into recipient rows with their language and token. */
@Injectable()
export class InvitationAudienceService {
  constructor(
    private readonly audience: InvitationAudienceReader,
    private readonly responses: InvitationResponsesReader,
    private readonly closedCases: ClosedCasesReader,
  ) {}

  /** Each recipient speaks the send's language, else their last response's (when the survey has it), else the survey's. */
  private async recipients(send: Send, survey: SentSurvey, people: { externalId: string | null; email: string | null }[]) {
    const ids = people.flatMap((p) => (p.externalId ? [p.externalId] : []));
    const last = send.language ? new Map<string, string>() : await this.responses.lastLanguages(send.workspaceId, ids);
    return people.map((p): NewRecipient => ({
      workspaceId: send.workspaceId,
      sendId: send.id,
      surveyId: send.surveyId,
      customerExternalId: p.externalId,
      address: p.email ? p.email.trim().toLowerCase() : null,
      language:
        send.language ?? (p.externalId ? matchLanguage(last.get(p.externalId), survey.languages) : undefined) ?? survey.defaultLanguage,
      token: newToken(),
    }));
  }

  /**
   * A pasted list (external ids or emails): rows are checked and de-duplicated; an email that is a customer's
   * becomes that customer, any other valid email an address-only recipient; an unknown external id is reported.
   */
  async fromList(send: Send, survey: SentSurvey, lines: string[]): Promise<{ rows: NewRecipient[]; report: ListReport }> {
    const parsed = parseList(lines);
    const contacts = await this.audience.byIdsOrEmails(send.workspaceId, parsed.externalIds, parsed.emails);
    const byId = new Map(contacts.map((c) => [c.externalId, c]));
    const byEmail = new Map(contacts.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c]));
    const chosen = new Map<string, { externalId: string | null; email: string | null }>();
    const unknown: ListRow[] = [];
    let duplicates = parsed.duplicates;
    for (const entry of parsed.entries) {
      const customer: InvitationContact | undefined = entry.kind === 'email' ? byEmail.get(entry.value) : byId.get(entry.value);
      if (!customer && entry.kind === 'id') {
        unknown.push({ row: entry.row, value: entry.value, reason: 'unknown customer' });
        continue;
      }
      const key = customer ? `c:${customer.externalId}` : `e:${entry.value}`;
      if (chosen.has(key)) {
        duplicates += 1;
        continue;
      }
      chosen.set(key, customer ? { externalId: customer.externalId, email: customer.email } : { externalId: null, email: entry.value });
    }
    const rows = await this.recipients(send, survey, [...chosen.values()]);
    return {
      rows,
      report: {
        rows: lines.length,
        recipients: rows.length,
        duplicates,
        invalid: parsed.invalid,
        invalidCount: parsed.invalidCount,
        unknown: unknown.slice(0, 100),
      },
    };
  }

  async fromSegment(send: Send, survey: SentSurvey, filter: SegmentFilter): Promise<NewRecipient[]> {
    const contacts = await this.audience.inSegment(filter);
    return this.recipients(send, survey, contacts);
  }

  /**
   * Customers whose event, moved by the send's delay, falls in [from, to): for `signup` the first seen time, for
   * `activity` the named activity, for `case_closed` a case closing.
   */
  async fromEvent(
    send: Send & Pick<SurveySendEntity, 'eventKind' | 'eventName' | 'delayDays'>,
    survey: SentSurvey,
    from: Date,
    to: Date,
  ): Promise<NewRecipient[]> {
    const shift = send.delayDays * DAY_MS;
    const eventFrom = new Date(from.getTime() - shift);
    const eventTo = new Date(to.getTime() - shift);
    let hits: InvitationEventHit[];
    if (send.eventKind === 'signup') hits = await this.audience.firstSeenBetween(send.workspaceId, eventFrom, eventTo);
    else if (send.eventKind === 'case_closed') hits = await this.closedCases.customersBetween(send.workspaceId, eventFrom, eventTo);
    else hits = await this.audience.activityBetween(send.workspaceId, send.eventName ?? '', eventFrom, eventTo);
    if (hits.length === 0) return [];
    const contacts = await this.audience.byIds(
      send.workspaceId,
      hits.map((hit) => hit.externalId),
    );
    return this.recipients(send, survey, contacts);
  }
}
