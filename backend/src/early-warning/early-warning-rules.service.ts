import { Injectable } from '@nestjs/common';
import { validationError } from '../common/http/validation.pipe';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import type { EarlyWarningRulesDto, EarlyWarningRulesResponseDto } from './early-warning.dto';
import { EarlyWarningRulesRepository } from './early-warning-rules.repository';
import { settingsOf } from './warning-settings';

/** Reading and replacing a workspace's early-warning rules (the defaults until an admin saves them). */
@Injectable()
export class EarlyWarningRulesService {
  constructor(
    private readonly rules: EarlyWarningRulesRepository,
    private readonly touchpoints: TouchpointsReader,
  ) {}

  async get(workspaceId: string): Promise<EarlyWarningRulesResponseDto> {
    const row = await this.rules.find(workspaceId);
    return { ...settingsOf(row), updatedAt: row?.updatedAt.toISOString() ?? null, updatedBy: row?.updatedBy ?? null };
  }

  async update(workspaceId: string, input: EarlyWarningRulesDto, userId: string | null): Promise<EarlyWarningRulesResponseDto> {
    if (input.touchpointId && !(await this.touchpoints.routingTouchpoint(workspaceId, input.touchpointId)))
      throw validationError([{ field: 'touchpointId', message: 'touchpointId is not a touchpoint of this workspace' }]);
    await this.rules.save(
      workspaceId,
      {
        rhythmEnabled: input.rhythmEnabled,
        rhythmFactor: String(input.rhythmFactor),
        rhythmMinOrders: input.rhythmMinOrders,
        paymentsEnabled: input.paymentsEnabled,
        paymentGraceDays: input.paymentGraceDays,
        usageEnabled: input.usageEnabled,
        usageEvent: input.usageEvent,
        usageDropPercent: input.usageDropPercent,
        usageMinEvents: input.usageMinEvents,
        rfmEnabled: input.rfmEnabled,
        rfmGroups: input.rfmGroups,
        touchpointId: input.touchpointId,
        surveyMoment: input.surveyMoment,
      },
      userId,
    );
    return this.get(workspaceId);
  }
}
