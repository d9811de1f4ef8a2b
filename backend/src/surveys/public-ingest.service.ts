import { HttpStatus, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiError, idempotencyKeyTaken, notFound } from '../common/http/api-error';
import { optionalProvider } from '../common/nest/optional-provider';
import { validationError } from '../common/http/validation.pipe';
import { checkAnswers, deriveColumns } from './answer-rules';
import { Blocked, PublicIngestRepository } from './public-ingest.repository';
import { PublicSurveyCache } from './public-survey.cache';
import type { DisplayRecordedDto, RecordDisplayDto, ResponseRecordedDto, SubmitResponseDto } from './public.dto';
import { SURVEY_MOMENT_TRIGGERS, type SurveyMomentTriggers } from './moment-triggers.port';
import { chooseLanguage, directionOf, localizeQuestions, matchLanguage, uiText } from '@otklik/survey-model';
import type { Answers, DisplayRules, PublicSurveyConfig, Question } from '@otklik/survey-model';
import type { SurveyRow } from './surveys.repository';
import { CustomerIdentityService, customerNotVerified } from '../customer-identity/customer-identity.service';
import { CONTACT_GATE, type ContactGate } from '../common/contact/contact-gate.port';

const BLOCKED_MESSAGES: Record<Blocked | 'not_live' | 'contact_policy', string> = {
  recontact_window: 'This respondent saw or answered this survey recently; it is not shown again yet.',
  already_responded: 'This respondent has already answered this survey.',
  not_live: 'This survey is not live.',
  contact_policy: "The workspace's contact policy does not ask this customer now (asked recently, or held by the communication guard).",
};

const blocked = (reason: Blocked | 'not_live' | 'contact_policy') => new ApiError(HttpStatus.CONFLICT, reason, BLOCKED_MESSAGES[reason]);

export interface ConfigQuery {
  respondentId?: string;
  language?: string;
  customerId?: string;
  customerHash?: string;
  /** The hosted link page: the contact policy records the ask but does not refuse it. */
  via?: 'link';
}

export interface RequestInfo {
  userAgent?: string;
  /** Set by submitResponse: customerId came with a valid identity hash. */
  customerVerified?: boolean;
  /** The caller proved customerId another way (a survey invitation's token), so no identity hash is needed. */
  customerProven?: boolean;
}

/** The public survey edge: config for widgets, displays and responses. Trusts nothing the client says. */
@Injectable()
export class PublicIngestService {
  /** Looked up once (undefined: not yet; null: no moments module). */
  private momentTriggers: SurveyMomentTriggers | null | undefined;
  /** Looked up once (undefined: not yet; null: no contact-policy module). */
  private contactGate: ContactGate | null | undefined;

  constructor(
    private readonly cache: PublicSurveyCache,
    private readonly ingest: PublicIngestRepository,
    private readonly moduleRef: ModuleRef,
    private readonly identity: CustomerIdentityService,
  ) {}

  private async survey(publicKey: string): Promise<SurveyRow> {
    const survey = await this.cache.byPublicKey(publicKey);
    if (!survey) throw notFound('Survey');
    return survey;
  }

  async config(publicKey: string, query: ConfigQuery): Promise<PublicSurveyConfig> {
    const survey = await this.survey(publicKey);
    const language = chooseLanguage(query.language, survey.languages, survey.defaultLanguage);
    // Only a proven customer id may learn anything about that customer (issue 13, item 11).
    const verified = await this.identity.isVerified(survey.workspaceId, query.customerId, query.customerHash);
    let ineligibleReason: string | undefined;
    if (survey.status !== 'live') ineligibleReason = 'not_live';
    else if (query.customerId && !verified && survey.requireVerifiedCustomer) ineligibleReason = 'customer_not_verified';
    else if (query.respondentId) {
      ineligibleReason =
        (await this.ingest.blockReason(
          { workspaceId: survey.workspaceId, surveyId: survey.id, respondentId: query.respondentId },
          survey.displayRules,
        )) ?? undefined;
    }
    // The contact policy speaks only of a proven customer: an unproven id must learn nothing (nor silence anyone).
    if (ineligibleReason === undefined && verified && query.customerId && query.via !== 'link') {
      const decision = await this.lookupContactGate()?.check(survey.workspaceId, query.customerId, 'survey', { surveyId: survey.id });
      if (decision && !decision.allowed) ineligibleReason = 'contact_policy';
    }
    return {
      publicKey: survey.publicKey,
      kind: survey.kind,
      version: survey.currentVersion,
      language,
      direction: directionOf(language),
      questions: localizeQuestions(survey.questions, language, survey.defaultLanguage),
      displayRules:
        ineligibleReason === undefined ? await this.displayRulesFor(survey, verified ? query.customerId : undefined) : survey.displayRules,
      theme: survey.theme,
      eligible: ineligibleReason === undefined,
      ...(ineligibleReason ? { ineligibleReason } : {}),
      ui: uiText(language),
    };
  }

  /**
   * An event survey whose event a server reported for this customer (a pending moment, customers/moments)
   * shows now: its trigger becomes page_load, so the loader shows it with no new code. Sampling and the
   * recontact rules still apply. Only the trigger changes; nothing else says a moment is pending. Asked only for a
   * customer id proven by its identity hash: otherwise anyone knowing an id could learn who failed a payment.
   */
  private async displayRulesFor(survey: SurveyRow, customerId: string | undefined): Promise<DisplayRules> {
    const rules = survey.displayRules;
    if (rules.trigger !== 'event' || !rules.eventName || !customerId) return rules;
    const moments = this.lookupMomentTriggers();
    if (!moments || !(await moments.isPending(survey.workspaceId, customerId, rules.eventName))) return rules;
    return {
      trigger: 'page_load',
      samplePercent: rules.samplePercent,
      recontactDays: rules.recontactDays,
      stopAfterResponse: rules.stopAfterResponse,
    };
  }

  /**
   * Whether the customer id is proven by its hash. A survey that requires it refuses an unproven id (403, nothing
   * written); otherwise the response is kept with customer_verified = false, which never changes the customer
   * (it answers no pending moment).
   */
  private async customerVerified(survey: SurveyRow, customerId: string | undefined, hash: string | undefined): Promise<boolean> {
    if (!customerId) return false;
    const verified = await this.identity.isVerified(survey.workspaceId, customerId, hash);
    if (!verified && survey.requireVerifiedCustomer) throw customerNotVerified('survey');
    return verified;
  }

  private lookupMomentTriggers(): SurveyMomentTriggers | null {
    // No moments module (null): event surveys wait for Otklik.track.
    if (this.momentTriggers === undefined)
      this.momentTriggers = optionalProvider<SurveyMomentTriggers>(this.moduleRef, SURVEY_MOMENT_TRIGGERS);
    return this.momentTriggers;
  }

  private lookupContactGate(): ContactGate | null {
    if (this.contactGate === undefined) this.contactGate = optionalProvider<ContactGate>(this.moduleRef, CONTACT_GATE);
    return this.contactGate;
  }

  /**
   * A new display of a proven customer is an ask the contact policy counts. From a site's widget it is claimed (checked
   * and recorded under the customer's lock, so two surveys shown at once ask once; refused: 409 contact_policy and the
   * widget closes); from the hosted link page it is only recorded: the customer was sent that link and may answer it.
   */
  private async countContact(survey: SurveyRow, customerId: string, via: 'link' | undefined): Promise<void> {
    const gate = this.lookupContactGate();
    if (!gate) return;
    if (via === 'link') return gate.recordSurveyContact(survey.workspaceId, customerId, { surveyId: survey.id, channel: 'link' });
    const decision = await gate.claimSurveyContact(survey.workspaceId, customerId, { surveyId: survey.id, channel: 'widget' });
    if (!decision.allowed) throw blocked('contact_policy');
  }

  async recordDisplay(publicKey: string, input: RecordDisplayDto): Promise<{ created: boolean; body: DisplayRecordedDto }> {
    const survey = await this.survey(publicKey);
    if (survey.status !== 'live') throw blocked('not_live');
    const verified = await this.customerVerified(survey, input.customerId, input.customerHash);
    const result = await this.ingest.recordDisplay(
      { workspaceId: survey.workspaceId, surveyId: survey.id, respondentId: input.respondentId },
      survey.displayRules,
      // Nothing reads a display's customer; an unproven one is not kept at all.
      { idempotencyKey: input.idempotencyKey, customerId: verified ? input.customerId! : null, url: input.url ?? null },
    );
    if ('blocked' in result) throw blocked(result.blocked);
    if ('keyTaken' in result) throw idempotencyKeyTaken('display');
    // Only a new display asks: a retry of the same key was counted (or refused) the first time.
    if (result.created && verified) await this.countContact(survey, input.customerId!, input.via);
    return { created: result.created, body: { displayId: result.displayId } };
  }

  /**
   * Fast path: validate against the current version and write in one statement. Only when that is
   * not enough — finishing without all required answers in this call, or a response started on an
   * older version — read the stored response, validate the merged answers against its version, retry.
   */
  async submitResponse(
    publicKey: string,
    input: SubmitResponseDto,
    info: RequestInfo,
  ): Promise<{ created: boolean; body: ResponseRecordedDto }> {
    const survey = await this.survey(publicKey);
    if (survey.status !== 'live') throw blocked('not_live');
    // The language stored is the one the widget showed, so it must be one the survey has (none: not stored).
    if (input.language && !matchLanguage(input.language, survey.languages)) {
      const message = `language "${input.language}" is not one of the survey's languages (${survey.languages.join(', ')})`;
      throw validationError([{ field: 'language', message }], 'response');
    }
    const ref = { workspaceId: survey.workspaceId, surveyId: survey.id, respondentId: input.respondentId };
    const verified = info.customerProven ? !!input.customerId : await this.customerVerified(survey, input.customerId, input.customerHash);
    info = { ...info, customerVerified: verified };

    if (checkAnswers(survey.questions, input.answers, input.finished).length === 0) {
      const written = await this.write(survey, ref, input, info, survey.currentVersion, survey.questions, input.answers);
      if (written) return written;
    }

    const existing = await this.ingest.findResponse(ref, input.idempotencyKey);
    // The upsert merges only for the same respondent and customer; anyone else gets 409 and changes nothing.
    if (
      existing &&
      (existing.respondentId !== input.respondentId ||
        (input.customerId != null && existing.customerId !== null && input.customerId !== existing.customerId))
    ) {
      throw idempotencyKeyTaken('response');
    }
    if (existing?.finished && !input.finished) {
      // A late retry of an earlier partial call: the response is complete; answer as before.
      return { created: false, body: { responseId: existing.id, finished: true } };
    }
    const version = existing?.surveyVersion ?? survey.currentVersion;
    const questions =
      version === survey.currentVersion
        ? survey.questions
        : ((await this.ingest.questionsOfVersion(survey.workspaceId, survey.id, version)) as Question[]);
    const merged: Answers = { ...existing?.answers, ...input.answers };
    const errors = checkAnswers(questions, input.answers, input.finished, merged);
    if (errors.length > 0) throw validationError(errors, 'response', 'answers');
    const written = await this.write(survey, ref, input, info, version, questions, merged);
    if (written) return written;
    throw blocked((await this.ingest.responseBlockReason(ref, survey.displayRules, input.idempotencyKey)) ?? 'recontact_window');
  }

  private async write(
    survey: SurveyRow,
    ref: { workspaceId: string; surveyId: string; respondentId: string },
    input: SubmitResponseDto,
    info: RequestInfo,
    version: number,
    questions: Question[],
    merged: Answers,
  ): Promise<{ created: boolean; body: ResponseRecordedDto } | null> {
    const derived = deriveColumns(questions, merged);
    const result = await this.ingest.upsertResponse(ref, survey.displayRules, {
      surveyVersion: version,
      displayId: input.displayId ?? null,
      customerId: input.customerId ?? null,
      customerVerified: !!info.customerVerified,
      idempotencyKey: input.idempotencyKey,
      answers: input.answers,
      score: derived.score,
      scoreScaleMax: derived.scoreScaleMax,
      comment: derived.comment,
      finished: input.finished,
      language: matchLanguage(input.language, survey.languages) ?? null,
      hiddenFields: input.hiddenFields ?? {},
      meta: {
        ...(input.url ? { url: input.url } : {}),
        ...(info.userAgent ? { userAgent: info.userAgent.slice(0, 512) } : {}),
      },
    });
    return result && { created: result.created, body: { responseId: result.responseId, finished: result.finished } };
  }
}
