/**
 * Polarity carried by emoji and text emoticons, the same in every language.
 * Russian posts write smiles as bare brackets: "спасибо)", "ну вот(((" — unmatched brackets count as
 * emoticons, matched pairs "(like this)" are ordinary brackets. Weights written by us.
 */

const EMOJI_WEIGHTS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['😀 😃 😄 😁 😆 😊 ☺ 🙂 😉 😋 😎 🤗 😇 ✅ 🎁 💐 🌹 🤤 🙏', 1],
      ['😍 🥰 😘 😗 😙 😚 🤩 🥳 👍 👌 👏 🙌 💪 ❤ ♥ 💖 💗 💓 💕 💞 💝 💘 💙 💚 💛 🧡 💜 🤍 ✨ 🎉 🎊 🌟 ⭐ 🔥 💯 🏆 🥇 😻 🫶 😌', 1.6],
      ['😂 🤣', 0.4],
      ['😐 😑 🤔 😶 😬 🥴 😮 😯 🤷', -0.3],
      ['😕 🙁 ☹ 😟 😪 😓 😥 😰 😨 😱 🤯 😵 😿 🫤', -1.2],
      ['😞 😔 😣 😖 😫 😩 😢 😭 😤 😒 🙄 🤦 🤡 ❌ ⛔ 🚫 👎 💔', -1.6],
      ['😠 😡 🤬 💩 🤮 🤢 🖕', -2.2],
    ] as const
  ).flatMap(([list, weight]) => list.split(' ').map((emoji) => [emoji, weight] as [string, number])),
);

const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
// Text emoticons other than brackets; laughter words count a little (they are often ironic).
const SMILE = /(?:^|[\s\p{L}])[:;=][-^o]?[D\]*pPрР]+(?=$|[\s.,!?])|(?:^|\s)[xх][DДд]+(?=$|[\s.,!?])|<3|\^_?\^/gu;
const FROWN = /(?:^|[\s\p{L}])[:;=][-^]?[/\\|[](?=$|[\s.,!?])|(?:^|\s)D[:;=](?=$|\s)/gu;
const LAUGH = /(?:^|[^\p{L}])(?:а?(?:ха){2,}х?|а?х(?:а|е)х[ах]*|лол|lol|lmao|ахах\p{L}*|haha\p{L}*)(?=$|[^\p{L}])/giu;

/** Sum of emoji/emoticon weights in the raw text (before lower-casing or URL removal). */
export function emoticonScore(text: string): number {
  let score = 0;
  const pictographs = text.match(PICTOGRAPH);
  if (pictographs) {
    // One emoji repeated ("🔥🔥🔥") counts a little more than once, not three times.
    const seen = new Map<string, number>();
    for (const emoji of pictographs) seen.set(emoji, (seen.get(emoji) ?? 0) + 1);
    for (const [emoji, count] of seen) score += (EMOJI_WEIGHTS.get(emoji) ?? 0) * (count > 1 ? 1.3 : 1);
  }
  score += bracketScore(text);
  const smiles = text.match(SMILE);
  if (smiles) score += 1.2 * Math.min(smiles.length, 2);
  const frowns = text.match(FROWN);
  if (frowns) score -= 1.2 * Math.min(frowns.length, 2);
  if (LAUGH.test(text)) score += 0.4;
  LAUGH.lastIndex = 0;
  return score;
}

/** Runs of 2+ brackets are emoticons; single brackets count only when unmatched or right after ":;=". */
function bracketScore(text: string): number {
  let score = 0;
  let open = 0; // unmatched single "(" seen so far
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '(' && c !== ')') continue;
    let run = 1;
    while (text[i + run] === c) run++;
    const afterEyes = i > 0 && ':;='.includes(text[i - 1]);
    const weight = run >= 3 ? 2 : run === 2 ? 1.6 : 1.1;
    if (run >= 2 || afterEyes) score += c === ')' ? weight : -weight;
    else if (c === '(') open++;
    else if (open > 0) open--;
    else score += weight;
    i += run - 1;
  }
  return score - open * 1.1;
}
