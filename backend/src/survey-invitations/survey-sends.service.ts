import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { matchLanguage } from '@otklik/survey-model';
import { ApiError, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { afterCommit } from '../common/jobs/after-commit';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { renderEmail } from '../messaging/email/email-template';
import { MessagingSettingsService } from '../messaging/messaging-settings.service';
import { MessagingService } from '../messaging/messaging.service';
import { SegmentsReader, segmentNotFound } from '../segments/segments.reader';
import { SurveysReader } from '../surveys/surveys.reader';
import { UsersReader } from '../users/users.reader';
import { InvitationAudienceService, type ListReport } from './invitation-audience.service';
import { buildInvitationEmail, scoreQuestion, type SentSurvey } from './invitation-email';
import { invitationWording } from './invitation-wording';
import type {
  CreateSendDto,
  CreatedSendDto,
  ListSendsQuery,
  SendDto,
  SendPreviewDto,
  SendStatsDto,
  TestSendDto,
  TestSentDto,
} from './survey-sends.dto';
import { SURVEY_INVITATIONS_JOB } from './survey-invitations.job';
import { SurveySendsRepository, type SendOutcomes } from './survey-sends.repository';
import type { SurveySendEntity } from './survey-send.entity';

const YEAR_MS = 365 * 86_400_000;
/** How far in the past a send's start may be (a clock a little behind); earlier would invite the whole history. */
const PAST_GRACE_MS = 5 * 60_000;
/** A sample recipient's token in previews and test sends: its links open the "no longer works" page. */
const SAMPLE_TOKEN = 'preview-sample-token';

const surveyNotLive = () =>
  new ApiError(HttpStatus.CONFLICT, 'survey_not_live', 'Only a live survey can be sent: publish it first, then send the invitation.');

/** Sending a survey by email: the sends of a survey, their response rates, the preview and the test send. */
@Injectable()
export class SurveySendsService {
  constructor(
    private readonly sends: SurveySendsRepository,
    private readonly surveys: SurveysReader,
    private readonly segments: SegmentsReader,
    private readonly audience: InvitationAudienceService,
    private readonly messaging: MessagingService,
    private readonly messagingSettings: MessagingSettingsService,
    private readonly users: UsersReader,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async survey(workspaceId: string, surveyId: string): Promise<SentSurvey> {
    const survey = await this.surveys.findById(workspaceId, surveyId);
    if (!survey) throw notFound('Survey');
    return survey;
  }

  private language(survey: SentSurvey, requested: string | null | undefined, field = 'language'): string | null {
    if (requested == null) return null;
    const language = matchLanguage(requested, survey.languages);
    if (!language)
      throw validationError([{ field, message: `language must be one of the survey's languages (${survey.languages.join(', ')})` }]);
    return language;
  }

  async create(workspaceId: string, surveyId: string, input: CreateSendDto, userId: string | null): Promise<CreatedSendDto> {
    const survey = await this.survey(workspaceId, surveyId);
    if (survey.status !== 'live') throw surveyNotLive();
    const language = this.language(survey, input.language);
    const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : new Date();
    if (scheduledAt.getTime() > Date.now() + YEAR_MS)
      throw validationError([{ field: 'scheduledAt', message: 'scheduledAt must be within a year' }]);
    // An event send invites whoever reached the event since its start: a start in the past would invite the history.
    if (scheduledAt.getTime() < Date.now() - PAST_GRACE_MS)
      throw validationError([{ field: 'scheduledAt', message: 'scheduledAt must not be in the past (leave it out to send now)' }]);
    const audience = await this.checkAudience(workspaceId, input);
    return this.sends.transaction(async (manager) => {
      const send = await this.sends.insertSend(
        {
          workspaceId,
          surveyId,
          audience: input.audience,
          segmentId: audience.segment?.id ?? null,
          segmentName: audience.segment?.name ?? null,
          eventKind: input.event?.kind ?? null,
          eventName: input.event?.kind === 'activity' ? input.event.name!.trim() : null,
          delayDays: input.event?.delayDays ?? 0,
          language,
          reminderDays: input.reminderDays ?? 0,
          // An event send stays active: the job invites whoever reaches the event from its start on.
          status: input.audience === 'event' ? 'active' : 'scheduled',
          scheduledAt,
          watermark: null,
          createdBy: userId,
        },
        manager,
      );
      let report: ListReport | null = null;
      if (input.audience === 'list') {
        const built = await this.audience.fromList(send, survey, input.list!);
        if (built.rows.length === 0)
          throw new ApiError(
            HttpStatus.BAD_REQUEST,
            'empty_audience',
            `None of the ${input.list!.length} rows names a customer or a valid email address; nothing was sent.`,
            [...built.report.invalid, ...built.report.unknown]
              .slice(0, 20)
              .map((r) => ({ field: `list[${r.row - 1}]`, message: r.reason })),
          );
        await this.sends.insertRecipients(built.rows, manager);
        report = built.report;
      }
      await this.sends.refreshProgress(workspaceId, send.id, manager);
      afterCommit(manager, () => this.jobs.wake(SURVEY_INVITATIONS_JOB));
      const saved = (await this.sends.findSend(workspaceId, send.id, manager))!;
      return { send: this.toDto(saved, emptyStats(saved)), report };
    });
  }

  /** The audience's own rules: one of segment, list or event, with what it needs. */
  private async checkAudience(workspaceId: string, input: CreateSendDto): Promise<{ segment?: { id: string; name: string } }> {
    const need = (field: string, message: string) => validationError([{ field, message }]);
    if (input.audience === 'segment') {
      if (!input.segmentId) throw need('segmentId', 'segmentId is required for a segment audience');
      const segment = (await this.segments.all(workspaceId)).find((s) => s.id === input.segmentId);
      if (!segment) throw segmentNotFound();
      return { segment: { id: segment.id, name: segment.name } };
    }
    if (input.audience === 'list') {
      if (!input.list || input.list.length === 0) throw need('list', 'list needs at least one external id or email');
      return {};
    }
    if (!input.event) throw need('event', 'event is required for an event audience');
    if (input.event.kind === 'activity' && !input.event.name?.trim())
      throw need('event.name', 'event.name is required for an activity event (e.g. delivered or order)');
    return {};
  }

  async list(workspaceId: string, surveyId: string, page: ListSendsQuery = {}): Promise<SendDto[]> {
    await this.survey(workspaceId, surveyId);
    const sends = await this.sends.listSends(workspaceId, surveyId, { limit: page.limit ?? 50, offset: page.offset ?? 0 });
    const outcomes = await this.sends.outcomes(
      workspaceId,
      sends.map((send) => send.id),
    );
    const result: SendDto[] = [];
    for (const send of sends) result.push(this.toDto(send, await this.stats(send, outcomes.get(send.id))));
    return result;
  }

  async get(workspaceId: string, surveyId: string, sendId: string): Promise<SendDto> {
    const send = await this.sends.findSend(workspaceId, sendId);
    if (!send || send.surveyId !== surveyId) throw notFound('Send');
    return this.toDto(send, await this.stats(send));
  }

  /** Stops an event send (or a scheduled one before it starts); invitations already queued still go. */
  async stop(workspaceId: string, surveyId: string, sendId: string): Promise<SendDto> {
    const send = await this.sends.findSend(workspaceId, sendId);
    if (!send || send.surveyId !== surveyId) throw notFound('Send');
    if (send.status === 'active' || send.status === 'scheduled') await this.sends.setStatus(workspaceId, sendId, 'stopped');
    return this.get(workspaceId, surveyId, sendId);
  }

  /** Delivery from the outbox, answers from the responses, the rest from the recipients' rows (all counted in SQL). */
  private async stats(send: SurveySendEntity, known?: SendOutcomes): Promise<SendStatsDto> {
    const counts = await this.sends.counts(send.workspaceId, send.id);
    const outcomes = known ?? (await this.sends.outcomes(send.workspaceId, [send.id])).get(send.id);
    const { answered, finished, ...tally } = outcomes ?? {
      queued: 0,
      sent: 0,
      delivered: 0,
      bounced: 0,
      failed: 0,
      answered: 0,
      finished: 0,
    };
    return {
      recipients: counts.total,
      pending: counts.pending,
      invited: counts.invited,
      ...tally,
      opened: Math.max(counts.opened, answered),
      answered,
      finished,
      reminded: counts.reminded,
      unsubscribed: counts.unsubscribed,
      skipped: counts.skipped,
      skippedByReason: Object.entries(counts.skippedByReason)
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count),
      responseRate: counts.invited > 0 ? answered / counts.invited : 0,
    };
  }

  private toDto(send: SurveySendEntity, stats: SendStatsDto): SendDto {
    return {
      id: send.id,
      surveyId: send.surveyId,
      channel: send.channel,
      audience: send.audience,
      segmentId: send.segmentId,
      segmentName: send.segmentName,
      event: send.eventKind ? { kind: send.eventKind, name: send.eventName, delayDays: send.delayDays } : null,
      language: send.language,
      reminderDays: send.reminderDays,
      status: send.status,
      scheduledAt: send.scheduledAt.toISOString(),
      createdAt: send.createdAt.toISOString(),
      finishedAt: send.finishedAt?.toISOString() ?? null,
      recipientsTotal: send.recipientsTotal,
      recipientsProcessed: send.recipientsProcessed,
      stats,
    };
  }

  /** The email a recipient would get, in one of the survey's languages, as HTML and text (a sample token). */
  async preview(workspaceId: string, surveyId: string, requested: string | undefined): Promise<SendPreviewDto> {
    const survey = await this.survey(workspaceId, surveyId);
    const language = this.language(survey, requested) ?? survey.defaultLanguage;
    const email = buildInvitationEmail(survey, { language, token: SAMPLE_TOKEN, publicUrl: this.config.publicUrl, reminder: false });
    const sender = await this.messagingSettings.senderOf(workspaceId);
    const rendered = renderEmail({
      workspaceName: sender.workspaceName,
      brandColour: sender.brandColour,
      language,
      subject: email.subject!,
      text: email.text,
      blocks: email.blocks ?? null,
      unsubscribeUrl: email.unsubscribeUrl ?? null,
    });
    return {
      language,
      languages: survey.languages,
      subject: email.subject!,
      html: rendered.html,
      text: rendered.text,
      scoreInEmail: scoreQuestion(survey.questions) !== null,
    };
  }

  /** The email to the member (or `to`), marked as a test: no recipient row, nothing counted, its links lead nowhere. */
  async testSend(workspaceId: string, surveyId: string, input: TestSendDto, userId: string | null): Promise<TestSentDto> {
    const survey = await this.survey(workspaceId, surveyId);
    const language = this.language(survey, input.language) ?? survey.defaultLanguage;
    const to = input.to ?? (userId ? (await this.users.profilesOf([userId])).get(userId)?.email : undefined);
    if (!to) throw validationError([{ field: 'to', message: 'to is required when an API token sends the test' }]);
    const email = buildInvitationEmail(survey, { language, token: SAMPLE_TOKEN, publicUrl: this.config.publicUrl, reminder: false });
    const queued = await this.messaging.enqueue({
      workspaceId,
      channel: 'email',
      // A test goes to a colleague, not a customer: no contact policy applies.
      purpose: 'service',
      to,
      language,
      ...email,
      subject: `[${invitationWording(language).testMark}] ${email.subject}`,
      createdBy: userId,
    });
    return { to, messageId: queued.id, status: queued.status };
  }
}

const emptyStats = (send: SurveySendEntity): SendStatsDto => ({
  recipients: send.recipientsTotal,
  pending: send.recipientsTotal,
  invited: 0,
  queued: 0,
  sent: 0,
  delivered: 0,
  bounced: 0,
  failed: 0,
  opened: 0,
  answered: 0,
  finished: 0,
  reminded: 0,
  unsubscribed: 0,
  skipped: 0,
  skippedByReason: [],
  responseRate: 0,
});
