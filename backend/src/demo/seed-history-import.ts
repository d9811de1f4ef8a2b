import type { INestApplicationContext } from '@nestjs/common';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResponseImportRunner } from '../responses/import/response-import.runner';
import { ResponseImportsService } from '../responses/import/response-imports.service';
import type { StoryLanguage } from './names';
import type { PlannedCustomer, SurveyKey } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoSurvey } from './seed-surveys';
import { DAY_MS, type StoryClock } from './story';

/** Answers in the year before the story, as the shop's old survey tool (Delighted) exported them. */
const ROWS = 360;
const YEAR_DAYS = 365;

const COMMENTS: Record<'low' | 'mid' | 'high', Record<StoryLanguage, string[]>> = {
  low: {
    ru: [
      'Курьер опоздал на два дня',
      'Заказ пришёл неполным, пришлось ждать замену',
      'Долго возвращали деньги за отмену',
      'Поддержка не отвечает в чате',
    ],
    en: ['Courier was two days late', 'Half of the order was missing', 'The refund took weeks', 'Nobody answered in the chat'],
    bg: ['Куриерът закъсня с два дни', 'Поръчката пристигна непълна', 'Възстановяването на парите отне седмици'],
  },
  mid: {
    ru: ['В целом нормально, но доставка могла бы быть быстрее', 'Приложение иногда зависает при оплате'],
    en: ['Fine overall, delivery could be faster', 'The app sometimes freezes at checkout'],
    bg: ['Като цяло добре, но доставката може да е по-бърза', 'Приложението понякога забива при плащане'],
  },
  high: {
    ru: ['Всё пришло вовремя, спасибо!', 'Удобное приложение и вежливые курьеры', 'Лучший магазин в городе'],
    en: ['Everything arrived on time, thanks!', 'Great app and friendly couriers', 'Best prices around'],
    bg: ['Всичко пристигна навреме, благодаря!', 'Удобно приложение и учтиви куриери'],
  },
};

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const DATE = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/**
 * The history import story: before moving to Otklik the shop ran its NPS survey in Delighted for a year. Its export
 * (360 answers, a third of them by known customers, a few broken rows) was imported into the NPS survey through the
 * real import (upload, automatic mapping, the background run), so the survey's page shows one finished import with its
 * row errors, and the year before the story appears in the metrics, the customers' timelines and the clusters.
 */
export async function seedHistoryImport(
  app: INestApplicationContext,
  workspaceId: string,
  customers: PlannedCustomer[],
  surveys: Record<SurveyKey, DemoSurvey>,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(seed + 29);
  const first = clock.start - YEAR_DAYS * DAY_MS;
  const lines = ['Date,Score,Comment,Customer ID,Language'];
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(first + Math.floor(((i + rng.next()) / ROWS) * YEAR_DAYS * DAY_MS));
    const customer = rng.next() < 0.35 ? customers[rng.int(0, customers.length - 1)] : undefined;
    const language: StoryLanguage = customer?.language ?? (['ru', 'ru', 'en', 'bg'] as const)[rng.int(0, 3)];
    // A year of a shop whose deliveries were getting worse: the share of detractors grows towards the story.
    const roll = rng.next() + (i / ROWS) * 0.15;
    const score = roll > 0.95 ? rng.int(0, 4) : roll > 0.75 ? rng.int(5, 6) : roll > 0.5 ? rng.int(7, 8) : rng.int(9, 10);
    const band = score <= 6 ? 'low' : score <= 8 ? 'mid' : 'high';
    const options = COMMENTS[band][language];
    const comment = rng.next() < 0.45 ? options[rng.int(0, options.length - 1)] : '';
    lines.push([DATE(at), String(score), comment, customer?.externalId ?? '', language].map(csvCell).join(','));
  }
  // What a real export carries too: a row with no date and one whose score was typed as text.
  lines.splice(120, 0, `,9,${csvCell('Fast delivery, thank you')},,en`);
  lines.splice(250, 0, `${DATE(new Date(first + 200 * DAY_MS))},n/a,,,ru`);

  const dir = await mkdtemp(join(tmpdir(), 'otklik-demo-history-'));
  const path = join(dir, 'delighted-export.csv');
  try {
    const csv = `${lines.join('\n')}\n`;
    await writeFile(path, csv);
    const imports = app.get(ResponseImportsService);
    const started = await imports.upload(
      workspaceId,
      surveys.nps.id,
      { originalname: 'delighted-export.csv', mimetype: 'text/csv', size: Buffer.byteLength(csv), path },
      { start: true },
    );
    await app.get(ResponseImportRunner).kick(workspaceId, started.id);
    const done = await imports.get(workspaceId, surveys.nps.id, started.id);
    progress.note(`history import: ${done.imported} answers of the year before, ${done.failed} rows with errors`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
