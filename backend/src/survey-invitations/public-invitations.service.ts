import { HttpStatus, Injectable } from '@nestjs/common';
import { matchLanguage, type Answers } from '@otklik/survey-model';
import { ApiError } from '../common/http/api-error';
import { CustomersService } from '../customers/customers.service';
import { InvitationResponsesReader } from '../responses/invitation-responses.reader';
import { PublicIngestService } from '../surveys/public-ingest.service';
import { SurveysReader } from '../surveys/surveys.reader';
import { invitationLinks, scoreQuestion, scoreRange, type SentSurvey } from './invitation-email';
import { invitationResponseKey } from './invitation-fan-out.service';
import { SurveySendsRepository } from './survey-sends.repository';
import type { SurveySendRecipientEntity } from './survey-send-recipient.entity';

/** How long an invitation's links answer (unsubscribing works for ever). */
const TOKEN_DAYS = 90;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** A refusal a recipient may see as a page: which page, in which language. */
export class InvitationPageError extends ApiError {
  constructor(
    status: HttpStatus,
    code: string,
    message: string,
    readonly page: 'unknown' | 'closed',
    readonly language: string | null,
  ) {
    super(status, code, message);
  }
}

const unknownInvitation = () =>
  new InvitationPageError(HttpStatus.NOT_FOUND, 'invitation_not_found', 'This invitation link is unknown or has expired.', 'unknown', null);

/** The link page continues the invitation's response: who answers (respondent and response key) and what so far. */
export interface InvitationState {
  publicKey: string;
  language: string;
  respondentId: string;
  responseKey: string;
  answers: Answers;
  finished: boolean;
}

/**
 * The recipient's side of an invitation, reached by the token alone: a score clicked in the email leads to the link
 * page, which records it (a POST) as a response tied to the customer; the link page continues that response; unsubscribing withdraws consent.
 */
@Injectable()
export class PublicInvitationsService {
  constructor(
    private readonly sends: SurveySendsRepository,
    private readonly surveys: SurveysReader,
    private readonly ingest: PublicIngestService,
    private readonly responses: InvitationResponsesReader,
    private readonly customers: CustomersService,
  ) {}

  private async recipient(token: string, opts: { expired?: boolean } = {}): Promise<SurveySendRecipientEntity> {
    const recipient = TOKEN.test(token) ? await this.sends.byToken(token) : null;
    if (!recipient || recipient.status !== 'invited') throw unknownInvitation();
    const age = Date.now() - (recipient.invitedAt ?? recipient.createdAt).getTime();
    if (!opts.expired && age > TOKEN_DAYS * 86_400_000) throw unknownInvitation();
    return recipient;
  }

  private async liveSurvey(recipient: SurveySendRecipientEntity): Promise<SentSurvey> {
    const survey = await this.surveys.findById(recipient.workspaceId, recipient.surveyId);
    if (!survey || survey.status !== 'live')
      throw new InvitationPageError(HttpStatus.CONFLICT, 'not_live', 'This survey no longer takes answers.', 'closed', recipient.language);
    return survey;
  }

  private async existing(recipient: SurveySendRecipientEntity) {
    const [found] = await this.responses.byKeys(recipient.workspaceId, recipient.surveyId, [invitationResponseKey(recipient.id)]);
    return found ?? null;
  }

  /** The language of the recipient (for the pages of a token that is known). */
  async languageOf(token: string): Promise<string | null> {
    return TOKEN.test(token) ? ((await this.sends.byToken(token))?.language ?? null) : null;
  }

  /**
   * The validated score of a click on a score link: null when the survey no longer has a score question (the page asks
   * again rather than storing a wrong answer), 400 when the value is off the scale.
   */
  private async clickedScore(token: string, rawValue: string) {
    const recipient = await this.recipient(token);
    const survey = await this.liveSurvey(recipient);
    const question = scoreQuestion(survey.questions);
    const value = /^\d{1,2}$/.test(rawValue) ? Number(rawValue) : NaN;
    const range = question && scoreRange(question);
    if (!question || !range) return { recipient, survey, question: null, value: null };
    if (!(value >= range.min && value <= range.max))
      throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_score', `The score must be a whole number from ${range.min} to ${range.max}.`);
    return { recipient, survey, question, value };
  }

  /**
   * Where a score link leads: the link page with the clicked score, which records it by a POST. Nothing is written
   * here: mail security scanners fetch every link of an email (GET and HEAD), and must not answer for the customer.
   */
  async scoreTarget(token: string, rawValue: string): Promise<string> {
    const { survey, value } = await this.clickedScore(token, rawValue);
    // Same origin as this link: the redirect names only the path, whatever host the link was reached by.
    const links = invitationLinks('', token, survey.publicKey);
    return value === null ? links.survey : `${links.survey}&score=${value}`;
  }

  /**
   * Records the clicked score as the answer to the first question, in the response this invitation owns (a second
   * click changes the score, never adds a response), and answers the state the link page continues from (the
   * follow-up questions in the same response).
   */
  async score(token: string, rawValue: string, userAgent: string | undefined): Promise<InvitationState> {
    const { recipient, survey, question, value } = await this.clickedScore(token, rawValue);
    if (question && value !== null) {
      const key = invitationResponseKey(recipient.id);
      const existing = await this.existing(recipient);
      const { body } = await this.ingest.submitResponse(
        survey.publicKey,
        {
          idempotencyKey: key,
          respondentId: key,
          ...(recipient.customerExternalId ? { customerId: recipient.customerExternalId } : {}),
          language: matchLanguage(recipient.language, survey.languages),
          answers: { [question.id]: value },
          // A one-question survey is done with the click; a finished response stays finished when the score changes.
          finished: survey.questions.length === 1 || !!existing?.finished,
        },
        { userAgent, customerProven: true },
      );
      await this.sends.recordScore(recipient.workspaceId, recipient.id, value, body.responseId);
    }
    return this.state(token);
  }

  /** The link page of this invitation (where a score recorded by a form's POST goes on to). */
  async surveyPage(token: string): Promise<string> {
    const recipient = await this.recipient(token);
    const survey = await this.liveSurvey(recipient);
    return invitationLinks('', token, survey.publicKey).survey;
  }

  /** What the link page needs to continue the invitation's response (and the click counts as opened). */
  async state(token: string): Promise<InvitationState> {
    const recipient = await this.recipient(token);
    const survey = await this.liveSurvey(recipient);
    await this.sends.recordOpened(recipient.workspaceId, recipient.id);
    const existing = await this.existing(recipient);
    const key = invitationResponseKey(recipient.id);
    return {
      publicKey: survey.publicKey,
      language: matchLanguage(recipient.language, survey.languages) ?? survey.defaultLanguage,
      respondentId: key,
      responseKey: key,
      answers: (existing?.answers ?? {}) as Answers,
      finished: existing?.finished ?? false,
    };
  }

  /**
   * Withdraws the customer's consent to surveys (consents.survey: granted false, when, how) and marks the invitation
   * unsubscribed, so the next send skips them (an address-only recipient is skipped by address). Repeating is harmless.
   */
  async unsubscribe(token: string, how: 'link' | 'one-click'): Promise<string> {
    const recipient = await this.recipient(token, { expired: true });
    if (recipient.customerExternalId && !recipient.unsubscribedAt) {
      await this.customers.upsert(recipient.workspaceId, recipient.customerExternalId, {
        consents: {
          survey: {
            granted: false,
            at: new Date().toISOString(),
            source: how === 'one-click' ? 'survey invitation: one-click unsubscribe' : 'survey invitation: unsubscribe link',
          },
        },
      });
    }
    await this.sends.recordUnsubscribed(recipient.workspaceId, recipient.id);
    return recipient.language;
  }

  /** Unsubscribing works on an expired token too, so the confirmation page must find it. */
  async unsubscribeLanguage(token: string): Promise<string> {
    return (await this.recipient(token, { expired: true })).language;
  }
}
