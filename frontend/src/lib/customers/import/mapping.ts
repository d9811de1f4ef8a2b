import { i18n } from '$lib/i18n/index.svelte';

export const ATTRIBUTE = 'attribute:';
export const IGNORE = 'ignore';

/** One choice in a column's field select. */
export interface TargetOption {
  value: string;
  label: string;
}

/** Fields a column can fill, plus keeping it as an attribute under its header, or skipping it. */
export function targetOptions(fields: readonly string[], header: string, current: string): TargetOption[] {
  const t = i18n.t.customerImport.mapping;
  const attribute = `${ATTRIBUTE}${header.slice(0, 100)}`;
  const options: TargetOption[] = fields.map((f) => ({ value: f, label: t.fields[f] ?? f }));
  options.push({ value: attribute, label: t.attribute(header) });
  // A mapping from the API may keep a column under another attribute name.
  if (current.startsWith(ATTRIBUTE) && current !== attribute) {
    options.push({ value: current, label: t.attribute(current.slice(ATTRIBUTE.length)) });
  }
  options.push({ value: IGNORE, label: t.ignore });
  return options;
}

/** What stops a mapping from being started, in the user's language (the server checks the same). */
export function mappingIssues(mapping: readonly string[]): string[] {
  const t = i18n.t.customerImport.mapping;
  const issues: string[] = [];
  if (!mapping.includes('externalId')) issues.push(t.needExternalId);
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const target of mapping) {
    if (target === IGNORE) continue;
    if (seen.has(target) && !reported.has(target)) {
      reported.add(target);
      const label = target.startsWith(ATTRIBUTE) ? t.attribute(target.slice(ATTRIBUTE.length)) : (t.fields[target] ?? target);
      issues.push(t.duplicate(label));
    }
    seen.add(target);
  }
  return issues;
}

/** A count in the UI language. */
export function count(value: number): string {
  return new Intl.NumberFormat(i18n.intlTag).format(value);
}
