import { Injectable } from '@nestjs/common';
import type { SurveyMomentTriggers } from '../../surveys/moment-triggers.port';
import { MOMENT_NAME } from './moment-rules';
import { MomentsRepository } from './moments.repository';

/** What the public survey config asks (surveys/moment-triggers.port.ts): is this event pending for the customer? */
@Injectable()
export class SurveyMomentTriggersProvider implements SurveyMomentTriggers {
  constructor(private readonly moments: MomentsRepository) {}

  async isPending(workspaceId: string, customerExternalId: string, eventName: string): Promise<boolean> {
    // Event names no moment can carry (upper case, spaces…) cost no query.
    if (!MOMENT_NAME.test(eventName)) return false;
    return this.moments.isPending(workspaceId, customerExternalId, eventName);
  }
}
