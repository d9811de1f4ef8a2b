import { ATTRIBUTE_PREFIX, ColumnTarget, ImportField } from './column-mapping';

/** What a mapped row becomes: a candidate for the customers bulk upsert, which validates it. */
export interface MappedRow {
  candidate: Record<string, unknown>;
  /** Column index per customer field path, to show which column an error came from. */
  columns: Map<string, number>;
  /** Problems the customer rules cannot see (cells outside the header). */
  problems: { field: string; message: string }[];
}

export interface MappingContext {
  /** Recorded with each consent: how it was given. */
  consentSource: string;
  /** Recorded with each consent: when (the import's start). */
  consentAt: string;
}

const LIFECYCLE_WORDS: Record<string, string> = {
  aware: 'aware',
  considering: 'considering',
  buying: 'buying',
  repeat: 'repeat',
  left: 'left',
  'знает о нас': 'aware',
  знает: 'aware',
  осведомлен: 'aware',
  выбирает: 'considering',
  рассматривает: 'considering',
  покупает: 'buying',
  покупка: 'buying',
  постоянный: 'repeat',
  повторный: 'repeat',
  'повторные покупки': 'repeat',
  ушел: 'left',
  ушла: 'left',
  потерян: 'left',
  отток: 'left',
  churned: 'left',
  lost: 'left',
};

const YES = new Set([
  'yes',
  'y',
  'true',
  '1',
  'granted',
  'opted in',
  'opt-in',
  'subscribed',
  'да',
  'д',
  'есть',
  'согласен',
  'согласна',
  '+',
]);
const NO = new Set([
  'no',
  'n',
  'false',
  '0',
  'withdrawn',
  'opted out',
  'opt-out',
  'unsubscribed',
  'нет',
  'н',
  'отказ',
  'отписан',
  'отписана',
  '-',
]);

/**
 * "1 234,50", "1,234.50", "49.9 ₽" → a number. Anything else stays text, so the customer rules report it
 * with their own message. One comma and no dot is a decimal comma (Russian and most European exports).
 */
export function parseNumber(text: string): number | string {
  const s = text.replace(/[\s\u00a0\u202f]|[$€₽£]|руб\.?|р\.$/g, '');
  let plain: string | null = null;
  if (/^-?\d+([.,]\d+)?$/.test(s)) plain = s.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) plain = s.replace(/,/g, '');
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) plain = s.replace(/\./g, '').replace(',', '.');
  return plain === null ? text : Number(plain);
}

/**
 * ISO dates pass; "31.12.2025" and "31.12.2025 14:30" (Russian Excel) become ISO in UTC; a bare
 * "2025-12-31" becomes midnight UTC. Anything else stays text for the customer rules to reject.
 */
export function parseDate(text: string): string {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (dotted) {
    const [, d, m, y, hh = '0', mm = '0', ss = '0'] = dotted;
    const date = new Date(Date.UTC(+y, +m - 1, +d, +hh, +mm, +ss));
    if (date.getUTCDate() !== +d || date.getUTCMonth() !== +m - 1) return text;
    return date.toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00.000Z`;
  return text;
}

/** A consent cell → granted or withdrawn, recorded with when and how; null when the word is not a yes or a no. */
function consent(text: string, ctx: MappingContext): Record<string, unknown> | null {
  const word = text.toLowerCase();
  const granted = YES.has(word) ? true : NO.has(word) ? false : null;
  return granted === null ? null : { granted, at: ctx.consentAt, source: ctx.consentSource };
}

/** Offer answers as CX teams write them (en/ru/bg); anything else stays text for the customer rules to reject. */
const OFFER_WORDS: Record<string, string> = {
  interested: 'interested',
  requested: 'requested',
  declined: 'declined',
  интересно: 'interested',
  интересуется: 'interested',
  заинтересован: 'interested',
  запросил: 'requested',
  запрос: 'requested',
  заявка: 'requested',
  отказ: 'declined',
  отказался: 'declined',
  отказалась: 'declined',
  интерес: 'interested',
  заявил: 'requested',
  отказа: 'declined',
};

function convert(field: ImportField, text: string): unknown {
  switch (field) {
    case 'isOrganisation': {
      const word = text.toLowerCase();
      return YES.has(word) ? true : NO.has(word) ? false : text;
    }
    case 'offerResponse':
      return OFFER_WORDS[text.toLowerCase().replace(/ё/g, 'е')] ?? text;
    case 'mrr':
    case 'orderCount':
      return parseNumber(text);
    case 'firstSeenAt':
    case 'lastSeenAt':
      return parseDate(text);
    case 'lifecycleStage':
      return LIFECYCLE_WORDS[text.toLowerCase().replace(/ё/g, 'е')] ?? text;
    case 'email':
      return text.replace(/^mailto:/i, '');
    default:
      return text;
  }
}

/**
 * One row of cells → a customer candidate. Empty cells are left out, so they keep the stored value
 * (an import never blanks a field). Attributes keep the cell text.
 */
export function mapRow(values: string[], mapping: readonly ColumnTarget[], ctx: MappingContext): MappedRow {
  const candidate: Record<string, unknown> = {};
  const columns = new Map<string, number>();
  const problems: MappedRow['problems'] = [];
  const attributes: Record<string, string> = {};
  const consents: Record<string, unknown> = {};
  mapping.forEach((target, index) => {
    if (target === 'ignore') return;
    const text = values[index] ?? '';
    const attribute = target.startsWith(ATTRIBUTE_PREFIX) ? target.slice(ATTRIBUTE_PREFIX.length).trim() : null;
    columns.set(attribute === null ? target : `attributes.${attribute}`, index);
    if (text === '') return;
    if (attribute !== null) attributes[attribute] = text;
    else if (target === 'consents.survey' || target === 'consents.marketing') {
      const given = consent(text, ctx);
      if (given) consents[target.slice('consents.'.length)] = given;
      else problems.push({ field: target, message: `${target} must be yes or no (also true/false, 1/0, да/нет)` });
    } else {
      const value = convert(target as ImportField, text);
      // A number the file spells in a way we cannot read is reported here: the customer rules would only say "too large".
      if ((target === 'mrr' || target === 'orderCount') && typeof value === 'string') {
        problems.push({ field: target, message: `${target} must be a number, e.g. 1234.50 or 1 234,50` });
      } else candidate[target] = value;
    }
  });
  if (Object.keys(attributes).length > 0) candidate.attributes = attributes;
  if (Object.keys(consents).length > 0) candidate.consents = consents;
  const extra = values.slice(mapping.length).filter((v) => v !== '').length;
  if (extra > 0) {
    problems.push({
      field: '',
      message: `the row has ${values.length} cells but the header only ${mapping.length}; check the delimiter and quotes`,
    });
  }
  return { candidate, columns, problems };
}

/** The column a customer rule's field path came from ("consents.survey.granted" → the consent column). */
export function columnOf(field: string, columns: Map<string, number>): number | null {
  for (let path = field; path !== ''; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '') {
    const column = columns.get(path);
    if (column !== undefined) return column;
  }
  return null;
}
