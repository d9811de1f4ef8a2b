import type { INestApplicationContext } from '@nestjs/common';
import { checkAnswers, deriveColumns } from '../surveys/answer-rules';
import type { Question } from '@otklik/survey-model';
import type { CreateSurveyDto } from '../surveys/surveys.dto';
import { SurveysService } from '../surveys/surveys.service';
import type { DemoHistoryRepository, HistoryDisplay, HistoryResponse } from './demo-history.repository';
import type { PlannedResponse, SurveyKey } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoStory, StoryClock } from './story';

export interface DemoSurvey {
  id: string;
  kind: SurveyKey;
  name: string;
  version: number;
  questions: Question[];
  touchpointName: string;
}

const SURVEYS: Record<SurveyKey, { name: string; touchpoint: string; cesScale?: 5 | 7 }> = {
  nps: { name: 'NPS: насколько вероятно, что порекомендуете Ужинбокс', touchpoint: 'Качество продуктов и рецептов' },
  csat: { name: 'CSAT после доставки', touchpoint: 'Доставка курьером' },
  ces: { name: 'CES после обращения в поддержку', touchpoint: 'Служба поддержки', cesScale: 7 },
};

/** The three live surveys, made and published through the survey service (default questions in ru/en/bg). */
export async function createSurveys(
  app: INestApplicationContext,
  workspaceId: string,
  adminId: string,
): Promise<Record<SurveyKey, DemoSurvey>> {
  const service = app.get(SurveysService);
  const out = {} as Record<SurveyKey, DemoSurvey>;
  for (const kind of ['nps', 'csat', 'ces'] as SurveyKey[]) {
    const spec = SURVEYS[kind];
    const created = await service.create(workspaceId, adminId, {
      name: spec.name,
      kind,
      touchpointName: spec.touchpoint,
      languages: ['ru', 'en', 'bg'],
      defaultLanguage: 'ru',
      allowedOrigins: ['https://uzhinbox.example'],
      ...(spec.cesScale ? { cesScale: spec.cesScale } : {}),
    } as CreateSurveyDto);
    const live = await service.update(workspaceId, created.id, { status: 'live' });
    out[kind] = {
      id: live.id,
      kind,
      name: live.name,
      version: live.version,
      questions: live.questions as Question[],
      touchpointName: spec.touchpoint,
    };
  }
  return out;
}

/**
 * A year of answers. The answers are checked and their columns derived by the same rules as the public ingest
 * (checkAnswers, deriveColumns), then written backdated in batches (see DemoHistoryRepository).
 */
export async function seedResponses(
  workspaceId: string,
  surveys: Record<SurveyKey, DemoSurvey>,
  responses: PlannedResponse[],
  story: DemoStory,
  clock: StoryClock,
  history: DemoHistoryRepository,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(story.seed).fork('displays');
  const rows: HistoryResponse[] = [];
  const displays: HistoryDisplay[] = [];
  for (const [i, r] of responses.entries()) {
    const survey = surveys[r.survey];
    const answers: Record<string, unknown> = { score: r.score, ...(r.comment ? { comment: r.comment } : {}) };
    const problems = checkAnswers(survey.questions, answers as never, true);
    if (problems.length > 0) throw new Error(`demo response does not fit ${survey.kind}: ${JSON.stringify(problems)}`);
    const derived = deriveColumns(survey.questions, answers as never);
    const at = clock.at(r.day);
    const respondentId = `demo-${r.customer.externalId}`;
    rows.push({
      id: r.id,
      surveyId: survey.id,
      surveyVersion: survey.version,
      respondentId,
      customerExternalId: r.customer.externalId,
      idempotencyKey: `demo-r-${i}`,
      answers,
      score: derived.score,
      scoreScaleMax: derived.scoreScaleMax,
      comment: derived.comment,
      language: r.language,
      hiddenFields: { segment: r.customer.segment, plan: r.customer.plan },
      at,
    });
    displays.push({
      surveyId: survey.id,
      respondentId,
      customerExternalId: r.customer.externalId,
      idempotencyKey: `demo-d-${i}`,
      at: new Date(at.getTime() - 40_000),
    });
  }
  // Shown but not answered: the rest of the displays, around the same days.
  const extra = Math.round(responses.length * (story.displaysPerResponse - 1));
  for (let j = 0; j < extra; j++) {
    const r = responses[rng.int(0, responses.length - 1)];
    displays.push({
      surveyId: surveys[r.survey].id,
      respondentId: `demo-v-${rng.int(1, 1_000_000)}`,
      customerExternalId: null,
      idempotencyKey: `demo-x-${j}`,
      at: clock.at(Math.max(0, r.day - rng.next() * 2)),
    });
  }
  const step = 2000;
  for (let i = 0; i < rows.length; i += step) {
    await history.insertResponses(workspaceId, rows.slice(i, i + step));
    progress.step('responses', Math.min(rows.length, i + step), rows.length);
  }
  await history.insertDisplays(workspaceId, displays);
  progress.step('survey displays', displays.length, displays.length);
}
