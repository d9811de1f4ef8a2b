import { Injectable } from '@nestjs/common';
import type { SurveyKind } from '@otklik/survey-model';
import { ResponsesReader } from '../responses/responses.reader';
import { SurveyRow, SurveysRepository } from './surveys.repository';

/** What other modules read about surveys and their displays (the surveys module owns those tables). */
@Injectable()
export class SurveysReader {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly responses: ResponsesReader,
  ) {}

  findById(workspaceId: string, id: string): Promise<SurveyRow | null> {
    return this.surveys.findById(workspaceId, id);
  }

  /** The workspace's surveys, newest first. */
  list(workspaceId: string): Promise<SurveyRow[]> {
    return this.surveys.list(workspaceId);
  }

  /** Ids of the workspace's surveys of one kind, optionally only those of one touchpoint. */
  idsOfKind(workspaceId: string, kind: SurveyKind, touchpointName?: string): Promise<string[]> {
    return this.surveys.idsOfKind(workspaceId, kind, touchpointName);
  }

  /** Displays of some surveys in [from, to). */
  countDisplays(workspaceId: string, surveyIds: string[], from: Date, to: Date): Promise<number> {
    return this.surveys.countDisplays(workspaceId, surveyIds, from, to);
  }

  /** Whether any survey of the workspace was ever shown or answered (the home page's "embedded" step). */
  async anyDisplayOrResponse(workspaceId: string): Promise<boolean> {
    return (await this.surveys.anyDisplay(workspaceId)) || (await this.responses.anyInWorkspace(workspaceId));
  }
}
