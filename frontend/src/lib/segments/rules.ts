import { RFM_GROUPS, rfmGroupLabel, type RfmGroup } from '$lib/customers/activity/model';
import { STAGES } from '$lib/customers/model';
import { COLOUR_STATUSES, statusLabel } from '$lib/customers/status/model';
import { i18n } from '$lib/i18n/index.svelte';
import type { SegmentCondition } from './api';

/** The fields a rule can test, as the API's whitelist has them (backend segments/segment-rules.ts). */
export type FieldType = 'text' | 'choice' | 'member' | 'number' | 'bool';
type Op = SegmentCondition['op'];

export const FIELDS: Record<string, FieldType> = {
  city: 'text',
  region: 'text',
  country: 'text',
  industry: 'text',
  segment: 'text',
  colourStatus: 'choice',
  rfmGroup: 'choice',
  lifecycleStage: 'choice',
  accountManagerId: 'member',
  mrr: 'number',
  orderCount: 'number',
  purchaseVolume: 'number',
  firstSeenDays: 'number',
  lastSeenDays: 'number',
  'consent.marketing': 'bool',
  'consent.survey': 'bool',
};
/** The builder's pseudo-field for attribute.<key>. */
export const ATTRIBUTE = 'attribute';
export const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export const OPS: Record<FieldType, Op[]> = {
  text: ['eq', 'neq', 'in', 'contains'],
  choice: ['eq', 'neq', 'in'],
  member: ['eq', 'neq', 'in'],
  number: ['gte', 'lte', 'eq', 'neq', 'in'],
  bool: ['is'],
};

export function choicesOf(field: string): readonly string[] {
  if (field === 'colourStatus') return COLOUR_STATUSES;
  if (field === 'rfmGroup') return RFM_GROUPS;
  if (field === 'lifecycleStage') return STAGES;
  return [];
}

export function choiceLabel(field: string, value: string): string {
  const t = i18n.t;
  if (field === 'colourStatus') return statusLabel(value);
  if (field === 'rfmGroup') return (RFM_GROUPS as readonly string[]).includes(value) ? rfmGroupLabel(value as RfmGroup) : value;
  if (field === 'lifecycleStage') return (t.customers.stages as Record<string, string>)[value] ?? value;
  return value;
}

/** One row of the builder, as the form edits it (values as typed). */
export interface RuleRow {
  key: number;
  field: string;
  /** For attribute rows: the key and the type of its values. */
  attribute: string;
  attributeKind: 'text' | 'number' | 'bool';
  op: Op;
  /** Text or number as typed; a comma list for `in` on text and number fields. */
  text: string;
  /** Picked values for `in` on choice and member fields, or the one value of eq/neq. */
  picked: string[];
  flag: boolean;
}

let nextKey = 1;

export function typeOf(row: Pick<RuleRow, 'field' | 'attributeKind'>): FieldType {
  return row.field === ATTRIBUTE ? row.attributeKind : (FIELDS[row.field] ?? 'text');
}

export function newRow(field = 'city'): RuleRow {
  const row: RuleRow = { key: nextKey++, field, attribute: '', attributeKind: 'text', op: 'eq', text: '', picked: [], flag: true };
  row.op = OPS[typeOf(row)][0];
  return row;
}

const list = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A row whose value is not filled in yet. */
export function isBlank(row: RuleRow): boolean {
  const type = typeOf(row);
  if (type === 'bool') return row.field === ATTRIBUTE && row.attribute.trim() === '';
  if (row.field === ATTRIBUTE && row.attribute.trim() === '') return true;
  return type === 'choice' || type === 'member' ? row.picked.filter(Boolean).length === 0 : row.text.trim() === '';
}

/** The condition a row stands for; the API checks it (and names what is wrong). */
export function toCondition(row: RuleRow): SegmentCondition {
  const type = typeOf(row);
  const field = row.field === ATTRIBUTE ? `attribute.${row.attribute.trim()}` : row.field;
  const number = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.replace(/\s/g, '').replace(',', '.')));
  let value: SegmentCondition['value'];
  if (type === 'bool') value = row.flag;
  else if (type === 'choice' || type === 'member') value = row.op === 'in' ? row.picked : (row.picked[0] ?? '');
  else if (type === 'number') value = row.op === 'in' ? list(row.text).map(number) : number(row.text);
  else value = row.op === 'in' ? list(row.text) : row.text.trim();
  // NaN is not JSON: send null so the API says "must be a number" for the row.
  if (typeof value === 'number' && Number.isNaN(value)) value = null as unknown as number;
  return { field, op: row.op, value };
}

/** A row from a stored condition (to edit a saved segment). */
export function fromCondition(condition: SegmentCondition): RuleRow {
  const attribute = condition.field.startsWith('attribute.') ? condition.field.slice('attribute.'.length) : null;
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const sample = values[0];
  const row = newRow(attribute === null ? condition.field : ATTRIBUTE);
  row.attribute = attribute ?? '';
  row.attributeKind = typeof sample === 'number' ? 'number' : typeof sample === 'boolean' ? 'bool' : 'text';
  row.op = condition.op;
  row.flag = condition.value === true;
  row.picked = values.map(String);
  row.text = values.join(', ');
  return row;
}

/** "City is Moscow" — a rule as the list shows it. */
export function describe(condition: SegmentCondition, memberName: (id: string) => string): string {
  const t = i18n.t.segments;
  const attribute = condition.field.startsWith('attribute.') ? condition.field.slice('attribute.'.length) : null;
  const name = attribute ?? t.fields[condition.field] ?? condition.field;
  const shown = (v: string | number | boolean) =>
    typeof v === 'boolean'
      ? v
        ? t.builder.yes
        : t.builder.no
      : condition.field === 'accountManagerId'
        ? memberName(String(v))
        : choiceLabel(condition.field, String(v));
  const values = Array.isArray(condition.value) ? condition.value.map(shown).join(', ') : shown(condition.value);
  return condition.op === 'is' ? `${name}: ${values}` : `${name} ${t.ops[condition.op]} ${values}`;
}
