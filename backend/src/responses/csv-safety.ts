/**
 * Neutralises spreadsheet formulas in exported text (CSV injection): respondents write these
 * cells, and CX teams open exports in Excel. A leading ' makes the cell plain text.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
