/** The Recovery section's shell (/recovery: its header and tabs); `recovery` in en.ts. Each tab has its own file. */
export const recoveryEn = {
  title: 'Recovery',
  intro:
    'Winning customers back after a problem: tell the people a fixed problem hurt and see who returns, compensate within a budget, and answer complaints in public.',
  tabsLabel: 'Recovery sections',
  fixesTab: 'Fixes and win-back',
  compensationTab: 'Compensation',
  publicTab: 'Public answers',
};

export type RecoveryMessages = typeof recoveryEn;
