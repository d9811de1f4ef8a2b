import { i18n } from '$lib/i18n/index.svelte';

export const IGNORE = 'ignore';

/** What is missing or doubled in a mapping, in the UI language (the server checks the same). */
export function historyMappingIssues(mapping: readonly string[]): string[] {
  const t = i18n.t.historyImport;
  const issues: string[] = [];
  if (!mapping.includes('createdAt')) issues.push(t.mapping.issueDate);
  if (!mapping.includes('score') && !mapping.includes('comment')) issues.push(t.mapping.issueContent);
  const seen = new Set<string>();
  for (const target of mapping) {
    if (target === IGNORE) continue;
    if (seen.has(target)) issues.push(t.mapping.issueTwice(t.fields[target] ?? target));
    seen.add(target);
  }
  return [...new Set(issues)];
}

/** A row error worded in the UI language from its code; the server's English message when the code is new. */
export function errorText(error: { code: string; value: string | null; message: string }): string {
  const word = i18n.t.historyImport.errors[error.code];
  return word ? word(error.value ?? '') : error.message;
}
