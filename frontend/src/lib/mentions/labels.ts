/** Sentiment colours (colour-blind-friendly), shared by badges, chart and legend. */
export const SENTIMENT_COLORS: Record<string, string> = { '-1': '#d55e00', '0': '#9a9486', '1': '#009e73' };
export const SENTIMENTS = ['-1', '0', '1'] as const;

/** Distinct source colours in order (Okabe–Ito and Tableau tones). */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#8c564b', '#7f7f7f', '#bcbd22', '#17becf'];
export const sourceColor = (index: number) => PALETTE[index % PALETTE.length];

/** Two-letter initials for an assignee avatar. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '?') + (words[1]?.[0] ?? '')).toUpperCase();
}
