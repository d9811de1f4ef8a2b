// Strings of the layout fixes of issue 14 item 8 (wide views that scroll, the SLA target form). Kept in their own
// module, read through uiFit() in ui-fit.ts; ru/bg are typed as this shape so a missing key fails the type check.
export const uiFitEn = {
  scrollHint: 'Scroll sideways →',
  sla: {
    legendTitle: 'How targets work',
    legend:
      'Each target is a number of hours (0.5 = 30 minutes, 24 = one day). An empty field inherits: first from “Any channel” of the same priority, then from the channel under “Any priority”, then from “Any priority · Any channel”. Enter 0 for no target.',
    anyPriority: 'Any priority',
    setCount: (n: number) => `targets set: ${n}`,
    firstResponse: 'First response',
    resolution: 'Resolution',
    hours: 'h',
    inherits: (value: string) => `inherits ${value}`,
    noTarget: 'no target',
    minutes: (m: number) => `${m} min`,
    hoursValue: (h: number) => `${h} h`,
    warnAt: 'Warn when this much of the target has passed',
    percent: '%',
  },
};

export type UiFitMessages = typeof uiFitEn;
