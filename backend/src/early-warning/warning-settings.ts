import type { RfmGroup } from '../customers/activity/rfm-groups';
import type { ActivitySelector } from '../customers/activity/activity.reader';
import type { EarlyWarningRulesEntity } from './early-warning-rules.entity';

/** A workspace's early-warning rules as the scan uses them (numbers as numbers). */
export interface WarningSettings {
  rhythmEnabled: boolean;
  rhythmFactor: number;
  rhythmMinOrders: number;
  paymentsEnabled: boolean;
  paymentGraceDays: number;
  usageEnabled: boolean;
  usageEvent: string;
  usageDropPercent: number;
  usageMinEvents: number;
  rfmEnabled: boolean;
  rfmGroups: RfmGroup[];
  touchpointId: string | null;
  surveyMoment: string | null;
}

/** The rules of a workspace that has not saved its own (the columns' defaults in the migration). */
export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  rhythmEnabled: true,
  rhythmFactor: 2,
  rhythmMinOrders: 3,
  paymentsEnabled: true,
  paymentGraceDays: 7,
  usageEnabled: true,
  usageEvent: 'login',
  usageDropPercent: 50,
  usageMinEvents: 4,
  rfmEnabled: true,
  rfmGroups: ['at_risk', 'cant_lose'],
  touchpointId: null,
  surveyMoment: null,
};

export function settingsOf(row: EarlyWarningRulesEntity | null): WarningSettings {
  if (!row) return { ...DEFAULT_WARNING_SETTINGS, rfmGroups: [...DEFAULT_WARNING_SETTINGS.rfmGroups] };
  return {
    rhythmEnabled: row.rhythmEnabled,
    rhythmFactor: Number(row.rhythmFactor),
    rhythmMinOrders: row.rhythmMinOrders,
    paymentsEnabled: row.paymentsEnabled,
    paymentGraceDays: row.paymentGraceDays,
    usageEnabled: row.usageEnabled,
    usageEvent: row.usageEvent,
    usageDropPercent: row.usageDropPercent,
    usageMinEvents: row.usageMinEvents,
    rfmEnabled: row.rfmEnabled,
    rfmGroups: row.rfmGroups,
    touchpointId: row.touchpointId,
    surveyMoment: row.surveyMoment,
  };
}

/** Usage means logins when the event is 'login', else the named events (kind 'event'). */
export const usageSelector = (usageEvent: string): ActivitySelector =>
  usageEvent === 'login' ? { kind: 'login', name: null } : { kind: 'event', name: usageEvent };
