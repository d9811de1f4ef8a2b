import type { ScaleOptions } from 'chart.js';

/** The page's colours as chart.js needs them (CSS custom properties, with the light theme's values as fallback). */
export interface ChartTheme {
  brand: string;
  muted: string;
  grid: string;
  text: string;
}

export function readChartTheme(styles: CSSStyleDeclaration): ChartTheme {
  const color = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
  return {
    brand: color('--color-brand', '#1f4d46'),
    muted: color('--color-text-muted', '#5b625f'),
    grid: color('--color-border', '#dcd8ce'),
    text: color('--color-text', '#1f2328'),
  };
}

/** A count axis: from zero, whole numbers, light grid lines. */
export function countScale(theme: ChartTheme, extra: Partial<ScaleOptions<'linear'>> = {}): ScaleOptions<'linear'> {
  return { beginAtZero: true, grid: { color: theme.grid }, ticks: { precision: 0 }, ...extra } as ScaleOptions<'linear'>;
}

/** The time axis: no vertical grid lines. */
export function timeScale(extra: Partial<ScaleOptions<'category'>> = {}): ScaleOptions<'category'> {
  return { grid: { display: false }, ...extra } as ScaleOptions<'category'>;
}
