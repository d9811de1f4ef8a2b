// The SLA business-hours clock: one source of truth for SLA deadlines (see docs/ARCHITECTURE.md, "SLA clock").
export { addBusinessTime, businessMinutesBetween } from './business-time';
export type { ClosedPause, Pause } from './business-time';
export {
  assertValidCalendar,
  CALENDAR_24X7,
  compileCalendar,
  defaultBusinessCalendar,
  InvalidCalendarError,
  validateCalendar,
  WEEKDAY_NAMES,
  workingDayMinutes,
} from './calendar';
export type { BusinessCalendar, ExtraWorkingDay, Weekday, WorkingInterval } from './calendar';
export { russianStatutoryHolidays, withRussianProductionCalendar } from './russian-calendar';
export { isKnownTimeZone } from './tz';
export type { RussianDecree } from './russian-calendar';
export { deadlines, defaultSlaPolicy, SLA_CHANNELS, SLA_PRIORITIES, targetFor, validateSlaPolicy } from './policy';
export type { SlaChannel, SlaClockMode, SlaDeadlines, SlaPolicy, SlaPriority, SlaRules, SlaTarget, SlaTargetRule } from './policy';
