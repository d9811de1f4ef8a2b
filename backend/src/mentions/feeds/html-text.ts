/** Named entities seen in feed text; anything else numeric is decoded generically, unknown names are kept. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  times: '×',
  middot: '·',
  bull: '•',
  deg: '°',
  shy: '',
};

/** Decodes HTML character references (&amp; &#1082; &#x41; …). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text from a feed's HTML description: scripts, styles and comments dropped, block ends and
 * <br> turned into spaces (a mention is one paragraph of text), tags removed, entities decoded,
 * whitespace collapsed. Not a sanitiser: the result is stored and shown as text, never as HTML.
 *
 * Hand-written scans rather than `<!--[\s\S]*?-->` or `<[^>]*>`: a regex tries every opener and, when
 * no closer follows, rescans the rest of the text from each one, so 150,000 "<" took 20 s. Here a
 * closer not found once is never looked for again, which keeps every pass linear.
 */
export function htmlToText(html: string): string {
  let s = replaceSpans(html, '<![CDATA[', ']]>', (inner) => inner);
  s = replaceSpans(s, '<!--', '-->', () => ' ');
  s = dropScriptsAndStyles(s);
  s = s.replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, ' ');
  s = replaceSpans(s, '<', '>', () => '');
  return decodeEntities(s).replace(/\s+/g, ' ').trim();
}

/** Replaces each `open … close` (the nearest close after its open, like a lazy regex) with `by(inner)`. */
function replaceSpans(text: string, open: string, close: string, by: (inner: string) => string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start === -1) break;
    const end = text.indexOf(close, start + open.length);
    // No closer after this opener means none after any later opener either.
    if (end === -1) break;
    out += text.slice(from, start) + by(text.slice(start + open.length, end));
    from = end + close.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `<script …>…</script >` and `<style …>…</style>` (any letter case) become a space. */
function dropScriptsAndStyles(text: string): string {
  // Where each kind's next closer is, searched forward only: -1 once there is none left.
  const closers: Record<string, { re: RegExp; at: number; length: number }> = {
    script: { re: /<\/script\s*>/gi, at: -2, length: 0 },
    style: { re: /<\/style\s*>/gi, at: -2, length: 0 },
  };
  const opener = /<(script|style)\b/gi;
  let out = '';
  let from = 0;
  for (let open = opener.exec(text); open; open = opener.exec(text)) {
    const closer = closers[open[1].toLowerCase()];
    const after = open.index + open[0].length;
    if (closer.at !== -1 && closer.at < after) {
      closer.re.lastIndex = after;
      const found = closer.re.exec(text);
      closer.at = found ? found.index : -1;
      closer.length = found ? found[0].length : 0;
    }
    if (closer.at === -1) continue;
    out += text.slice(from, open.index) + ' ';
    from = closer.at + closer.length;
    opener.lastIndex = from;
  }
  return from === 0 ? text : out + text.slice(from);
}
