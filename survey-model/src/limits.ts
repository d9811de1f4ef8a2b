/** Limits both sides enforce: the server validates them, the dashboard and the widgets offer no more. */

/** Max characters of a text answer (and of a text question's maxLength). */
export const TEXT_ANSWER_MAX = 5000;

/** A language code as surveys, flows and the API accept it: "en", "ru", "pt-BR", "zh-Hant". */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
