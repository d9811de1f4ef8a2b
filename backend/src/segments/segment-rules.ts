import type { FieldError } from '../common/http/api-error';
import { RFM_GROUPS } from '../customers/activity/rfm-groups';
import { LIFECYCLE_STAGES } from '../customers/customers.dto';
import { COLOUR_STATUSES } from '../customers/status/colour-status';

/**
 * A saved segment's rules: conditions that all hold, over a whitelist of customer fields. The field decides the
 * SQL expression and the value type; values only ever travel as bound parameters (see segment-filter.ts).
 */
export const MAX_CONDITIONS = 20;
export const MAX_IN_VALUES = 100;
export const MAX_TEXT_VALUE = 200;

export const TEXT_OPS = ['eq', 'neq', 'in', 'contains'] as const;
export const CHOICE_OPS = ['eq', 'neq', 'in'] as const;
export const NUMBER_OPS = ['eq', 'neq', 'in', 'gte', 'lte'] as const;
export const BOOL_OPS = ['is'] as const;
export const SEGMENT_OPS = ['eq', 'neq', 'in', 'contains', 'gte', 'lte', 'is'] as const;
export type SegmentOp = (typeof SEGMENT_OPS)[number];

export type FieldType = 'text' | 'choice' | 'uuid' | 'number' | 'bool';

export interface SegmentCondition {
  field: string;
  op: SegmentOp;
  value: string | number | boolean | (string | number)[];
}

interface FieldSpec {
  type: FieldType;
  /** The customer column or expression (alias c); never built from user text. */
  sql: string;
  choices?: readonly string[];
}

/** "Days ago" as whole days, so "last seen ≥ 30 days ago" reads as `lastSeenDays gte 30`. */
const daysAgo = (column: string) => `floor(extract(epoch FROM (now() - ${column})) / 86400)`;
const consentGranted = (kind: string) => `coalesce((c.consents -> '${kind}' ->> 'granted') = 'true', false)`;

export const SEGMENT_FIELDS: Record<string, FieldSpec> = {
  country: { type: 'text', sql: 'c.country' },
  region: { type: 'text', sql: 'c.region' },
  city: { type: 'text', sql: 'c.city' },
  industry: { type: 'text', sql: 'c.industry' },
  segment: { type: 'text', sql: 'c.segment' },
  lifecycleStage: { type: 'choice', sql: 'c.lifecycle_stage', choices: LIFECYCLE_STAGES },
  colourStatus: { type: 'choice', sql: 'c.colour_status', choices: COLOUR_STATUSES },
  rfmGroup: { type: 'choice', sql: 'c.rfm_group', choices: RFM_GROUPS },
  accountManagerId: { type: 'uuid', sql: 'c.account_manager_id' },
  mrr: { type: 'number', sql: 'c.mrr' },
  orderCount: { type: 'number', sql: 'c.order_count' },
  purchaseVolume: { type: 'number', sql: 'c.purchase_volume' },
  'consent.marketing': { type: 'bool', sql: consentGranted('marketing') },
  'consent.survey': { type: 'bool', sql: consentGranted('survey') },
  firstSeenDays: { type: 'number', sql: daysAgo('c.first_seen_at') },
  lastSeenDays: { type: 'number', sql: daysAgo('c.last_seen_at') },
};

/** attribute.<key>: a key of the attributes object; the key is a bound parameter too, but must still be a plain slug. */
export const ATTRIBUTE_FIELD = /^attribute\.([A-Za-z0-9_-]{1,64})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OPS_OF: Record<FieldType, readonly SegmentOp[]> = {
  text: TEXT_OPS,
  choice: CHOICE_OPS,
  uuid: CHOICE_OPS,
  number: NUMBER_OPS,
  bool: BOOL_OPS,
};

/** The type of a field, or null when it is not on the whitelist. Attributes take the type of their value. */
export function fieldType(field: string, value: unknown): FieldType | null {
  const known = Object.hasOwn(SEGMENT_FIELDS, field) ? SEGMENT_FIELDS[field] : undefined;
  if (known) return known.type;
  if (!ATTRIBUTE_FIELD.test(field)) return null;
  const sample = Array.isArray(value) ? value[0] : value;
  return typeof sample === 'number' ? 'number' : typeof sample === 'boolean' ? 'bool' : 'text';
}

function valueProblem(type: FieldType, op: SegmentOp, value: unknown, choices?: readonly string[]): string | null {
  if (op === 'in') {
    if (!Array.isArray(value) || value.length === 0) return 'in takes a non-empty list of values';
    if (value.length > MAX_IN_VALUES) return `in takes at most ${MAX_IN_VALUES} values`;
    for (const item of value) {
      const problem = valueProblem(type, 'eq', item, choices);
      if (problem) return problem;
    }
    return null;
  }
  switch (type) {
    case 'bool':
      return typeof value === 'boolean' ? null : 'value must be true or false';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e12 ? null : 'value must be a number';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? null : 'value must be a member id (uuid)';
    case 'choice':
      return typeof value === 'string' && choices!.includes(value) ? null : `value must be one of: ${choices!.join(', ')}`;
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return 'value must be non-empty text';
      return value.length > MAX_TEXT_VALUE ? `value must be at most ${MAX_TEXT_VALUE} characters` : null;
  }
}

/**
 * Checks rules as they arrive (any JSON): the list, each condition's field (whitelist), its op (by the field's type)
 * and its value (type, choices, sizes). Returns the typed rules, or the problems, each naming its condition.
 */
export function checkRules(raw: unknown, path = 'rules'): { rules: SegmentCondition[]; errors: FieldError[] } {
  if (!Array.isArray(raw)) return { rules: [], errors: [{ field: path, message: `${path} must be a list of conditions` }] };
  if (raw.length > MAX_CONDITIONS) return { rules: [], errors: [{ field: path, message: `at most ${MAX_CONDITIONS} conditions` }] };
  const errors: FieldError[] = [];
  const rules: SegmentCondition[] = [];
  raw.forEach((item: unknown, index) => {
    const at = `${path}[${index}]`;
    const fail = (field: string, message: string) =>
      errors.push({ field: field ? `${at}.${field}` : at, message: `condition ${index + 1}: ${message}` });
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail('', 'must be an object {field, op, value}');
    const { field, op, value, ...rest } = item as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return fail(Object.keys(rest)[0], `unknown property ${Object.keys(rest)[0].slice(0, 40)}`);
    if (typeof field !== 'string') return fail('field', 'field must be text');
    const type = fieldType(field, value);
    if (!type) return fail('field', `unknown field "${field.slice(0, 60)}"`);
    if (typeof op !== 'string' || !OPS_OF[type].includes(op as SegmentOp)) {
      return fail('op', `op for ${field} must be one of: ${OPS_OF[type].join(', ')}`);
    }
    const problem = valueProblem(type, op as SegmentOp, value, SEGMENT_FIELDS[field]?.choices);
    if (problem) return fail('value', `${field} ${op}: ${problem}`);
    if (type === 'text' && Array.isArray(value) && value.some((v) => typeof v !== 'string')) return fail('value', 'values must be text');
    rules.push({ field, op: op as SegmentOp, value: value as SegmentCondition['value'] });
  });
  return { rules: errors.length ? [] : rules, errors };
}

/** The SQL of one checked condition over customers aliased c; `bind` turns a value into a placeholder. */
export function conditionSql(condition: SegmentCondition, bind: (value: unknown) => string): string {
  const { field, op, value } = condition;
  const type = fieldType(field, value)!;
  let column: string;
  const attribute = ATTRIBUTE_FIELD.exec(field);
  if (attribute) {
    const key = bind(attribute[1]);
    // Only values stored as JSON numbers / booleans compare as such: a text "12" never casts (and never fails).
    if (type === 'number')
      column = `(CASE WHEN jsonb_typeof(c.attributes -> ${key}) = 'number' THEN (c.attributes ->> ${key})::numeric END)`;
    else if (type === 'bool')
      column = `(CASE WHEN jsonb_typeof(c.attributes -> ${key}) = 'boolean' THEN (c.attributes ->> ${key})::boolean END)`;
    else column = `(c.attributes ->> ${key})`;
  } else {
    column = SEGMENT_FIELDS[field].sql;
  }
  const cast = type === 'number' ? '::numeric' : type === 'uuid' ? '::uuid' : type === 'bool' ? '::boolean' : '::text';
  switch (op) {
    case 'eq':
      return `${column} = ${bind(value)}${cast}`;
    case 'neq':
      return `${column} IS DISTINCT FROM ${bind(value)}${cast}`;
    case 'in':
      return `${column} = ANY(${bind(value)}${cast}[])`;
    case 'gte':
      return `${column} >= ${bind(value)}${cast}`;
    case 'lte':
      return `${column} <= ${bind(value)}${cast}`;
    case 'is':
      return `${column} IS ${value === true ? 'TRUE' : 'NOT TRUE'}`;
    case 'contains':
      return `${column} ILIKE ${bind(`%${String(value).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`;
  }
}
