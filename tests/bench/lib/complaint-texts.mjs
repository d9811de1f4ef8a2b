// Labelled complaint texts at any size, for the clustering scale bench: the clustering fixtures (and banking77 where
// the shared data set is present) as seeds, each copy varied the way people write the same complaint (a greeting, a
// closing remark, a word left out, an order number), so most texts are distinct while the topics stay known.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './server.mjs';

const require = createRequire(join(root, 'backend', 'package.json'));
const { parse } = require('csv-parse/sync');

const FIXTURES = join(root, 'tests', 'fixtures', 'clustering');
const SEED_FILES = [
  join(root, '..', 'shared', 'data', 'banking77_train.csv'),
  join(FIXTURES, 'ru_marketplace_complaints.csv'),
  join(FIXTURES, 'en_telecom_complaints.csv'),
  join(FIXTURES, 'holdout', 'ru_food_delivery_social.csv'),
  join(FIXTURES, 'holdout', 'en_streaming_app_social.csv'),
  join(FIXTURES, 'holdout2', 'ru_bank_app_social.csv'),
  join(FIXTURES, 'holdout2', 'en_ride_hailing_social.csv'),
];

const OPENERS = {
  cyrillic: ['Здравствуйте!', 'Добрый день.', 'Опять.', 'Слушайте,', 'Честно говоря,', 'Уже второй раз.'],
  latin: ['Hi,', 'Hello.', 'Again.', 'Honestly,', 'Seriously,', 'Second time now.'],
};
const CLOSERS = {
  cyrillic: ['Помогите, пожалуйста.', 'Спасибо.', 'Жду ответа.', 'Разберитесь уже!', 'Очень неудобно.', 'Сколько можно?'],
  latin: ['Please help.', 'Thanks.', 'Waiting for a reply.', 'Sort it out!', 'Very annoying.', 'How long will this take?'],
};

function loadSeeds() {
  const seeds = [];
  for (const [f, file] of SEED_FILES.entries()) {
    if (!existsSync(file)) continue;
    const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
    for (const r of rows) if (r.text?.trim() && r.category?.trim()) seeds.push({ text: r.text.trim(), label: `${f}:${r.category.trim()}` });
  }
  return seeds;
}

/** `count` texts with their true topic, the same for the same count (a fixed generator). */
export function complaintTexts(count) {
  const seeds = loadSeeds();
  let state = 20_2612;
  const rnd = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const texts = new Array(count);
  const truth = new Array(count);
  for (let i = 0; i < count; i++) {
    const seed = seeds[i < seeds.length ? i : Math.floor(rnd() * seeds.length)];
    const script = /\p{Script=Cyrillic}/u.test(seed.text) ? 'cyrillic' : 'latin';
    let words = seed.text.split(' ');
    if (i >= seeds.length) {
      if (words.length > 4 && rnd() < 0.4) {
        const drop = 1 + Math.floor(rnd() * (words.length - 2));
        words = [...words.slice(0, drop), ...words.slice(drop + 1)];
      }
      if (rnd() < 0.35) words.unshift(pick(OPENERS[script]));
      if (rnd() < 0.35) words.push(pick(CLOSERS[script]));
      if (rnd() < 0.15) words.push(`#${100000 + Math.floor(rnd() * 900000)}`);
    }
    texts[i] = words.join(' ');
    truth[i] = seed.label;
  }
  return { texts, truth };
}
