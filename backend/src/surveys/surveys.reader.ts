import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SurveyKind } from '@otklik/survey-model';
import { ResponsesReader } from '../responses/responses.reader';
import type { SurveyEntity } from './survey.entity';
import { SurveyRow, SurveysRepository } from './surveys.repository';

/** A survey as the touchpoints registry lists it under its touchpoint (surveys link to touchpoints by name). */
export type TouchpointLinkedSurvey = Pick<SurveyEntity, 'id' | 'name' | 'kind' | 'status' | 'touchpointName'>;

/** A live survey that waits for a customer moment (event) of some name. */
export type EventSurvey = Pick<SurveyEntity, 'id' | 'name' | 'publicKey'>;

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

  /** Surveys linked to a touchpoint, by survey name (the journey map lists them under it). */
  linkedToTouchpoints(workspaceId: string): Promise<TouchpointLinkedSurvey[]> {
    return this.surveys.linkedToTouchpoints(workspaceId);
  }

  /**
   * A touchpoint was renamed: surveys linked to it by the old name follow it, inside the touchpoints module's
   * transaction. The one write other modules make on surveys; returns how many surveys changed.
   */
  renameTouchpointLinks(workspaceId: string, from: string, to: string, manager: EntityManager): Promise<number> {
    return this.surveys.renameTouchpointLinks(workspaceId, from, to, manager);
  }

  /** Live surveys that wait for the customer moment (trigger `event`, eventName = moment), oldest first; in `manager`'s transaction when given. */
  liveOnEvent(workspaceId: string, eventName: string, manager?: EntityManager): Promise<EventSurvey[]> {
    return this.surveys.liveOnEvent(workspaceId, eventName, manager);
  }
}
