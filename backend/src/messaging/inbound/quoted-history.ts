// Mail clients quote the whole thread under a reply; the case shows only what the customer wrote this time.

/** Lines longer than this are never a quote header (and keep each check cheap). */
const MAX_HEADER_LINE = 400;

/** Where a client starts its quote: "On … wrote:", "-----Original Message-----", Russian "… пишет:", Outlook's rule. */
function startsQuote(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > MAX_HEADER_LINE) return false;
  if (t.startsWith('>')) return true;
  if (t.startsWith('On ') && t.endsWith('wrote:')) return true;
  const lower = t.toLowerCase();
  if (lower.startsWith('-----original message-----') || lower.startsWith('----- original message -----')) return true;
  if (lower.endsWith('пишет:') || lower.endsWith('написа:')) return true;
  // Outlook: a line of underscores, then From:/Sent:
  return t.length >= 20 && [...t].every((c) => c === '_');
}

/**
 * The new part of a reply: everything before the first quote marker (one pass over the lines, no backtracking).
 * A header split over two lines ("On Mon, … Anna <a@b.c>" / "wrote:") cuts at its first line. When the whole text is
 * quoted (a forward with nothing added), the text is kept as it is.
 */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]?.trim();
    const splitHeader = line.trim().startsWith('On ') && line.length <= MAX_HEADER_LINE && next === 'wrote:';
    if (startsQuote(line) || splitHeader) {
      const kept = lines.slice(0, i).join('\n').trim();
      return kept.length > 0 ? kept : text.trim();
    }
  }
  return text.trim();
}
