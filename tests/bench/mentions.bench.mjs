// Batch mention ingest through the bulk API with language detection, sentiment, copy detection and
// thread linking on, as in production. Prints mentions/s and checks every acknowledged mention is stored once.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { json, root, signInDemo, startServer } from './lib/server.mjs';

const require = createRequire(join(root, 'backend', 'package.json'));
const { Pool } = require('pg');

const TOTAL = Number(process.env.BENCH_MENTIONS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2);

const PRODUCTS = [
  'кроссовки',
  'пылесос',
  'iPhone',
  'пицца',
  'диван',
  'наушники',
  'куртка',
  'чайник',
  'роутер',
  'самокат',
  'ноутбук',
  'шторы',
  'корм для кота',
  'духи',
  'телевизор',
  'велосипед',
  'sneakers',
  'vacuum',
  'sofa',
  'headphones',
  'jacket',
  'kettle',
  'router',
  'laptop',
];

/** Deterministic, varied posts: ~10% reposts of earlier posts and ~5% replies, ru and en. */
function* posts(total) {
  let seed = 42;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const ru = {
    who: [
      'Курьер',
      'Оператор',
      'Магазин',
      'Приложение',
      'Поддержка',
      'Доставка',
      'Кассир',
      'Менеджер',
      'Сайт',
      'Склад',
      'Банк',
      'Колл-центр',
      'Пункт выдачи',
      'Водитель',
      'Чат-бот',
    ],
    what: [
      'опоздал на два часа',
      'не отвечает уже неделю',
      'списал деньги дважды',
      'привёз не тот заказ',
      'работает отлично',
      'помог быстро и вежливо',
      'вылетает при оплате',
      'потерял мою посылку',
      'нахамил по телефону',
      'перепутал адрес',
      'не принимает карту',
      'зависает на входе',
      'порадовал скидкой',
      'вернул деньги за день',
      'сломал упаковку',
    ],
    detail: [
      'вчера вечером',
      'третий раз подряд',
      'в Казани',
      'прямо перед праздником',
      'с утра',
      'после обновления',
      'на Тверской',
      'в выходные',
      'при заказе пиццы',
      'с подарком для мамы',
      'по акции',
      'в мороз',
    ],
    tail: [
      'больше не закажу',
      'спасибо большое',
      'что за сервис',
      'рекомендую всем',
      'верните деньги',
      'очень довольна',
      'ужас просто',
      'жду ответа',
      'поставлю пять звёзд',
      'пишу жалобу',
      '',
    ],
  };
  const en = {
    who: [
      'The courier',
      'Support',
      'The app',
      'Your store',
      'The manager',
      'Delivery',
      'The website',
      'Customer care',
      'The driver',
      'Checkout',
    ],
    what: [
      'was two hours late',
      'never answered my emails',
      'charged me twice',
      'was quick and friendly',
      'crashes at checkout',
      'lost my parcel',
      'sent the wrong size',
      'fixed it in minutes',
      'ignored my complaint',
      'refunded me fast',
    ],
    detail: [
      'last night',
      'for the third time',
      'in Leeds',
      'right before Christmas',
      'this morning',
      'after the update',
      'on my birthday',
      'during the sale',
    ],
    tail: ['never again', 'thanks a lot', 'what a mess', 'highly recommend', 'refund me now', 'still waiting', 'five stars', ''],
  };
  const texts = [];
  for (let i = 0; i < total; i++) {
    const lang = rnd() < 0.7 ? ru : en;
    const roll = rnd();
    let text;
    let parentExternalId;
    if (roll < 0.1 && texts.length > 0) text = `RT @user${i % 97}: ${pick(texts)}`;
    else {
      // Independent posts differ in several places, as real ones do: product, place, wording.
      text = `${pick(lang.who)} ${pick(lang.what)} ${pick(lang.detail)}, ${pick(PRODUCTS)} ${pick(PRODUCTS)} ${pick(lang.tail)} ${pick(lang.detail)}`;
      texts.push(text);
      if (roll > 0.95 && i > 0) parentExternalId = `p-${Math.floor(rnd() * i)}`;
    }
    yield {
      source: pick(['twitter', 'vk', 'telegram', 'otzovik']),
      externalId: `p-${i}`,
      text,
      postedAt: new Date(Date.now() - rnd() * 20 * 86_400_000).toISOString(),
      reach: Math.floor(rnd() * 5000),
      ...(parentExternalId ? { parentExternalId } : {}),
    };
  }
}

export default async function run() {
  const server = await startServer('mentions');
  const pool = new Pool({ connectionString: server.pgUrl, max: 2 });
  // PostgreSQL stops with the server; its goodbye to idle connections is not an error here.
  pool.on('error', () => undefined);
  try {
    const { workspaceId, headers } = await signInDemo(server.base);
    const token = (
      await json(
        await fetch(`${server.base}/api/v1/workspaces/${workspaceId}/api-tokens`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: 'bench', scopes: ['mentions:write'] }),
        }),
      )
    ).secret;
    const all = [...posts(TOTAL)];
    const batches = [];
    for (let i = 0; i < all.length; i += BATCH) batches.push(all.slice(i, i + BATCH));
    let next = 0;
    let created = 0;
    let duplicates = 0;
    let invalid = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < batches.length) {
          const batch = batches[next++];
          const result = await json(
            await fetch(`${server.base}/api/v1/workspaces/${workspaceId}/mentions/bulk`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ mentions: batch }),
            }),
          );
          created += result.created;
          duplicates += result.duplicates;
          invalid += result.invalid;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const stored = (
      await pool.query(`SELECT count(*)::int AS n, count(DISTINCT (source, external_id))::int AS d FROM mentions WHERE workspace_id = $1`, [
        workspaceId,
      ])
    ).rows[0];
    console.log(
      JSON.stringify({
        bench: 'mentions-ingest',
        mentions: TOTAL,
        batch: BATCH,
        clients: CLIENTS,
        seconds: Number(seconds.toFixed(2)),
        mentions_per_s: Math.round(TOTAL / seconds),
        created,
        duplicates_linked: duplicates,
        invalid,
        stored: stored.n,
        lost: TOTAL - invalid - stored.n,
        duplicated_rows: stored.n - stored.d,
      }),
    );
  } finally {
    await pool.end();
    await server.stop();
  }
}
