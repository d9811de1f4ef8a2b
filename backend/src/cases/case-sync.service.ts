import { Injectable } from '@nestjs/common';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { CaseSourcesRepository } from './case-sources.repository';
import { cancellationTitle, knownIssueTitle, lowScoreTitle, negativeMentionTitle } from './case-titles';
import { SYSTEM } from './cases.repository';
import { CasesService } from './cases.service';

export interface CaseSyncOutcome {
  response: number;
  cancellation: number;
  mention: number;
  cluster: number;
}

/**
 * Opens cases from new feedback (run by CaseSyncJob, and by the admin endpoint for one workspace). Replica-safe: the
 * unique (source, source_id) opens each source record at most once.
 */
@Injectable()
export class CaseSyncService {
  constructor(
    private readonly sources: CaseSourcesRepository,
    private readonly touchpoints: TouchpointsReader,
    private readonly cases: CasesService,
  ) {}

  /** Every workspace with new feedback. */
  async syncAll(): Promise<void> {
    for (const workspaceId of await this.sources.workspaces()) await this.sync(workspaceId);
  }

  /** Opens the cases one workspace's new feedback calls for; each source record at most once. */
  async sync(workspaceId: string): Promise<CaseSyncOutcome> {
    const outcome: CaseSyncOutcome = { response: 0, cancellation: 0, mention: 0, cluster: 0 };
    const touchpointByName = async (name: string | null) => (name ? this.touchpoints.idByName(workspaceId, name) : null);
    const open = async (kind: keyof CaseSyncOutcome, input: Parameters<CasesService['open']>[1]) => {
      if (await this.cases.open(workspaceId, input, SYSTEM)) outcome[kind] += 1;
    };
    for (const r of await this.sources.responses(workspaceId)) {
      const scale = r.kind === 'nps' ? 10 : (r.scaleMax ?? 5);
      await open('response', {
        source: 'response',
        sourceId: r.id,
        ...lowScoreTitle(r.kind, r.score, scale, r.surveyName),
        description: r.comment ?? '',
        customerExternalId: r.customerExternalId,
        touchpointId: await touchpointByName(r.touchpointName),
        openedAt: new Date(),
      });
    }
    const leftTouchpoint = await this.touchpoints.firstIdOfStage(workspaceId, 'left');
    for (const x of await this.sources.cancellations(workspaceId)) {
      await open('cancellation', {
        source: 'cancellation',
        sourceId: x.id,
        ...cancellationTitle(x.reasonKey),
        description: [x.otherText, x.followUp].filter(Boolean).join('\n\n'),
        customerExternalId: x.customerExternalId,
        touchpointId: leftTouchpoint,
        openedAt: new Date(),
      });
    }
    const socialTouchpoint = await this.touchpoints.firstIdOnChannel(workspaceId, 'social');
    for (const m of await this.sources.mentions(workspaceId)) {
      await open('mention', {
        source: 'mention',
        sourceId: m.id,
        ...negativeMentionTitle(m.source, m.author),
        description: [m.text, m.url].filter(Boolean).join('\n\n'),
        customerExternalId: m.customerExternalId,
        touchpointId: socialTouchpoint,
        openedAt: new Date(),
      });
    }
    for (const k of await this.sources.clusters(workspaceId)) {
      await open('cluster', {
        source: 'cluster',
        sourceId: k.id,
        ...knownIssueTitle(k.name ?? k.label),
        description: `A complaint cluster pinned as a known issue (${k.size} texts).`,
        touchpointId: await touchpointByName(k.touchpointName),
        openedAt: new Date(),
      });
    }
    return outcome;
  }
}
