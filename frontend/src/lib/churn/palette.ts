/** Distinct, colour-blind-friendly series colours (Okabe–Ito and Tableau tones), reused in order. */
const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#8c564b',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#4e79a7',
  '#f28e2b',
];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}

export const AVOIDABLE_COLORS = { avoidable: '#d55e00', unavoidable: '#7f7f7f', unknown: '#c9c4b8' } as const;
