import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { SegmentsReader } from '../segments/segments.reader';
import { SurveysReader } from '../surveys/surveys.reader';
import { InvitationAudienceService } from './invitation-audience.service';
import { InvitationFanOutService } from './invitation-fan-out.service';
import { SurveySendsRepository, type NewRecipient } from './survey-sends.repository';
import type { SurveySendEntity } from './survey-send.entity';

export const SURVEY_INVITATIONS_JOB = 'survey-invitations';

/** Batches per send per turn: a huge send yields to the others and to shutdown between turns. */
const BATCHES_PER_TURN = 50;

/**
 * The invitations' background work, every 30 s or when woken: starts due sends (a segment is read when its send
 * starts), finds the customers who reached an active event send's event since its watermark, invites pending
 * recipients batch by batch, and sends due reminders. Rows are claimed with SKIP LOCKED, so replicas share the work.
 */
@Injectable()
export class SurveyInvitationsJob implements Job, OnApplicationBootstrap {
  readonly name = SURVEY_INVITATIONS_JOB;
  readonly intervalMs = 30_000;
  readonly runAtStart = true;
  private readonly log = new Logger(SurveyInvitationsJob.name);

  constructor(
    private readonly sends: SurveySendsRepository,
    private readonly surveys: SurveysReader,
    private readonly segments: SegmentsReader,
    private readonly audience: InvitationAudienceService,
    private readonly fanOut: InvitationFanOutService,
    private readonly jobs: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(signal?: AbortSignal): Promise<void> {
    await this.startDueSends();
    await this.evaluateEventSends(signal);
    for (const send of await this.sends.sendsWithPending(100)) {
      for (let i = 0; i < BATCHES_PER_TURN && !signal?.aborted; i++) {
        if (!(await this.fanOut.inviteBatch(send.workspaceId, send.id))) break;
      }
    }
    for (let i = 0; i < BATCHES_PER_TURN && !signal?.aborted; i++) {
      if ((await this.fanOut.remindBatch()) === 0) break;
    }
  }

  /**
   * A due segment send reads its segment now (a list send's recipients were added when it was made). The claim, the
   * recipients and the progress are one transaction each send: a crash between them leaves the send scheduled (and
   * claimed again), never `sending` with no recipients nor `sent` with recipients missing.
   */
  private async startDueSends(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      try {
        const started = await this.sends.transaction(async (manager) => {
          const [claimed] = await this.sends.claimDueSends(1, manager);
          if (!claimed) return false;
          const send = (await this.sends.findSend(claimed.workspaceId, claimed.id, manager))!;
          const rows = await this.segmentRecipients(send);
          if (rows.length > 0) await this.sends.insertRecipients(rows, manager);
          await this.sends.refreshProgress(send.workspaceId, send.id, manager);
          return true;
        });
        if (!started) return;
      } catch (error) {
        // Rolled back: the send stays scheduled and is started again on a later turn.
        this.log.warn(`starting a survey send failed: ${(error as Error).message}`);
        return;
      }
    }
  }

  /** The recipients of a segment send, read when it starts; none for a list send or a segment deleted since. */
  private async segmentRecipients(send: SurveySendEntity): Promise<NewRecipient[]> {
    if (send.audience !== 'segment' || !send.segmentId) return [];
    const survey = await this.surveys.findById(send.workspaceId, send.surveyId);
    if (!survey) return [];
    try {
      const filter = await this.segments.filter(send.workspaceId, send.segmentId);
      return await this.audience.fromSegment(send, survey, filter);
    } catch (error) {
      // A segment deleted before its send started: the send ends with no recipients instead of failing every turn.
      this.log.warn(`survey send ${send.id}: ${(error as Error).message}`);
      return [];
    }
  }

  /** Customers whose event (plus the send's delay) fell between the watermark and now are added, once per send. */
  private async evaluateEventSends(signal?: AbortSignal): Promise<void> {
    for (const send of await this.sends.activeEventSends()) {
      if (signal?.aborted) return;
      const survey = await this.surveys.findById(send.workspaceId, send.surveyId);
      if (!survey) continue;
      const to = new Date();
      // The first window starts when the send does, never before it was made (a start in the past invites no history).
      const from = send.watermark ?? new Date(Math.max(send.scheduledAt.getTime(), send.createdAt.getTime()));
      if (from >= to) continue;
      await this.sends.insertRecipients(await this.audience.fromEvent(send, survey, from, to));
      await this.sends.setWatermark(send.workspaceId, send.id, to);
      await this.sends.refreshProgress(send.workspaceId, send.id);
    }
  }
}
