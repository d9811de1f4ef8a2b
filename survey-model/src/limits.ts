/** Limits both sides enforce: the server validates them, the dashboard and the widgets offer no more. */

/** Max characters of a text answer (and of a text question's maxLength). */
export const TEXT_ANSWER_MAX = 5000;

/** A language code as surveys, flows and the API accept it: "en", "ru", "pt-BR", "zh-Hant". */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

/** A matrix question rates 2..12 parameters. */
export const MATRIX_ROWS_MIN = 2;
export const MATRIX_ROWS_MAX = 12;

/** The scales a matrix question may use: 1–5 (the default), 1–7 or 0–10. */
export const MATRIX_SCALES: readonly { min: number; max: number }[] = [
  { min: 1, max: 5 },
  { min: 1, max: 7 },
  { min: 0, max: 10 },
];
