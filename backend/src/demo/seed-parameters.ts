import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parameterSatisfactionQuestions, type Question } from '@otklik/survey-model';
import { checkAnswers, deriveColumns } from '../surveys/answer-rules';
import type { CreateSurveyDto } from '../surveys/surveys.dto';
import { SurveysService } from '../surveys/surveys.service';
import { DemoHistoryRepository, type HistoryResponse } from './demo-history.repository';
import { type PlannedCustomer, storyUuid } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import { type DemoStory, STORY_DAYS, type StoryClock } from './story';

type Parameter = 'price' | 'assortment' | 'delivery' | 'payment' | 'service' | 'extras';
type Lang = 'ru' | 'en';

/**
 * How customers of the meal-kit shop rate each parameter (mean on 1–5) and how much each weighs in their overall
 * rating. Delivery is the weak, important one (it improves in the last two months after the courier change);
 * price matters and is middling; extras are liked but barely move the overall rating.
 */
const PARAMETERS: Record<Parameter, { mean: number; weight: number }> = {
  price: { mean: 3.5, weight: 0.3 },
  assortment: { mean: 4.1, weight: 0.1 },
  delivery: { mean: 2.7, weight: 0.4 },
  payment: { mean: 4.4, weight: 0.04 },
  service: { mean: 3.9, weight: 0.15 },
  extras: { mean: 3.8, weight: 0.01 },
};

/** Open answers by question and the parameter they are about, in Russian and English, several wordings each. */
const TEXTS: Record<'likes' | 'dislikes' | 'improve', Partial<Record<Parameter, Record<Lang, string[]>>>> = {
  likes: {
    assortment: {
      ru: [
        'Большой выбор рецептов, каждую неделю что-то новое',
        'Нравится разнообразие меню и новые рецепты',
        'Интересные рецепты, дети едят с удовольствием',
        'Много блюд на выбор, есть вегетарианские',
      ],
      en: [
        'Great choice of recipes, something new every week',
        'Love the variety of the menu',
        'Lots of dishes to choose from, including vegetarian',
      ],
    },
    service: {
      ru: ['Вежливая поддержка, быстро отвечают в чате', 'Приятные операторы, всегда помогают', 'Поддержка решила вопрос за пять минут'],
      en: ['Friendly support, quick answers in the chat', 'Support sorted my issue in five minutes', 'Helpful and polite operators'],
    },
    payment: {
      ru: ['Удобно платить картой в приложении', 'Оплата в один клик, всё просто', 'Удобная оплата и автоплатёж'],
      en: ['Paying in the app is easy', 'One-click payment, very convenient'],
    },
    extras: {
      ru: ['Приятные подарки к заказу', 'Нравятся бонусы и сюрпризы в коробке'],
      en: ['Nice little gifts in the box', 'The bonus points are a nice touch'],
    },
    price: {
      ru: ['Хорошие акции и скидки для постоянных клиентов', 'Цена нормальная за такое качество'],
      en: ['Good deals for regular customers', 'Fair price for the quality'],
    },
    delivery: {
      ru: ['Курьер приехал вовремя и всё донёс до двери'],
      en: ['The courier was on time and brought it to the door'],
    },
  },
  dislikes: {
    delivery: {
      ru: [
        'Курьер опоздал на два часа',
        'Доставка постоянно опаздывает, ждали весь вечер',
        'Привезли не в то окно доставки',
        'Курьер не позвонил и оставил коробку у подъезда',
        'Опоздание доставки уже третий раз подряд',
        'Продукты привезли тёплыми, курьер опоздал',
      ],
      en: [
        'The courier was two hours late',
        'Delivery is always late, we waited all evening',
        'Delivered outside the time window',
        'Late delivery again, third time in a row',
      ],
    },
    price: {
      ru: ['Слишком дорого, в магазине дешевле', 'Цены выросли, а порции нет', 'Дорогая доставка для маленьких заказов'],
      en: ['Too expensive compared to the supermarket', 'Prices went up but portions did not', 'Delivery fee is too high for small orders'],
    },
    service: {
      ru: ['Долго ждать ответа поддержки', 'В поддержке отвечают шаблонами'],
      en: ['Support takes too long to answer', 'Support replies with templates'],
    },
    assortment: {
      ru: ['Мало вегетарианских блюд', 'Меню часто повторяется'],
      en: ['Not enough vegetarian dishes', 'The menu repeats too often'],
    },
    payment: {
      ru: ['Списали деньги дважды'],
      en: ['I was charged twice'],
    },
  },
  improve: {
    delivery: {
      ru: [
        'Присылайте точное время доставки по СМС',
        'Сделайте узкие окна доставки, хотя бы час',
        'Нужно отслеживание курьера на карте',
        'Предупреждайте заранее, если курьер опаздывает',
      ],
      en: ['Send the exact delivery time by text', 'Narrower delivery windows, one hour at most', 'Let me track the courier on a map'],
    },
    price: {
      ru: ['Добавьте скидку за подписку на месяц', 'Бесплатная доставка от определённой суммы', 'Сделайте эконом-набор подешевле'],
      en: ['A discount for a monthly subscription', 'Free delivery above some order value', 'A cheaper budget box'],
    },
    assortment: {
      ru: ['Больше вегетарианских и постных рецептов', 'Добавьте десерты и завтраки'],
      en: ['More vegetarian recipes', 'Add desserts and breakfasts'],
    },
    service: {
      ru: ['Отвечайте в чате быстрее', 'Дайте возможность позвонить живому человеку'],
      en: ['Answer faster in the chat', 'Let me call a real person'],
    },
  },
};

const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
/** A normal draw (Box–Muller) from the seeded stream. */
const normal = (rng: Prng) => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

/**
 * The "Satisfaction by parameter" survey (issue 17): the template's questions in a live custom survey and about a
 * thousand answers over the last six months, written like the other history (answers checked and columns derived by
 * the ingest rules). Runs last in the story; the clusters rebuild afterwards clusters its open answers per question.
 */
export async function seedParameters(
  app: INestApplicationContext,
  workspaceId: string,
  adminId: string,
  customers: PlannedCustomer[],
  story: DemoStory,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const service = app.get(SurveysService);
  const created = await service.create(workspaceId, adminId, {
    name: 'Удовлетворённость по параметрам',
    kind: 'custom',
    touchpointName: 'Доставка курьером',
    languages: ['ru', 'en', 'bg'],
    defaultLanguage: 'ru',
    allowedOrigins: ['https://uzhinbox.example'],
    questions: parameterSatisfactionQuestions(),
  } as unknown as CreateSurveyDto);
  const survey = await service.update(workspaceId, created.id, { status: 'live' });
  const questions = survey.questions as Question[];

  const rng = new Prng(story.seed).fork('parameters');
  // About 1,000 answers with the default story; smaller stories (tests) get proportionally fewer, at least 60.
  const total = Math.max(60, Math.min(1000, Math.round(story.responses / 15)));
  const rows: HistoryResponse[] = [];
  for (let i = 0; i < total; i++) {
    const day = STORY_DAYS - 183 + rng.next() * 183;
    const customer = rng.pick(customers);
    const language: Lang = customer.language === 'en' ? 'en' : 'ru';
    // Delivery got better after the courier change two months ago.
    const late = day > STORY_DAYS - 60 ? 0.5 : 0;
    const parameters = {} as Record<Parameter, number>;
    for (const [key, p] of Object.entries(PARAMETERS) as [Parameter, (typeof PARAMETERS)[Parameter]][]) {
      parameters[key] = clamp(p.mean + (key === 'delivery' ? late : 0) + normal(rng) * 0.95);
    }
    const weighted = (Object.keys(PARAMETERS) as Parameter[]).reduce((sum, key) => sum + PARAMETERS[key].weight * parameters[key], 0);
    const weights = Object.values(PARAMETERS).reduce((sum, p) => sum + p.weight, 0);
    const score = clamp(weighted / weights + 0.35 + normal(rng) * 0.45);

    const answers: Record<string, unknown> = { score, parameters };
    const ranked = (Object.keys(parameters) as Parameter[]).sort((a, b) => parameters[a] - parameters[b]);
    const say = (question: keyof typeof TEXTS, about: Parameter[]) => {
      const topic = about.find((key) => TEXTS[question][key]);
      if (topic) answers[question] = rng.pick(TEXTS[question][topic]![language]);
    };
    if (rng.chance(0.55)) say('likes', [...ranked].reverse());
    if (parameters[ranked[0]] <= 3 && rng.chance(0.6)) say('dislikes', ranked);
    if (rng.chance(0.4)) say('improve', ranked);

    const problems = checkAnswers(questions, answers as never, true);
    if (problems.length > 0) throw new Error(`demo parameters response does not fit: ${JSON.stringify(problems)}`);
    const derived = deriveColumns(questions, answers as never);
    rows.push({
      id: storyUuid(rng),
      surveyId: survey.id,
      surveyVersion: survey.version,
      respondentId: `demo-p-${customer.externalId}-${i}`,
      customerExternalId: customer.externalId,
      idempotencyKey: `demo-p-${i}`,
      answers,
      score: derived.score,
      scoreScaleMax: derived.scoreScaleMax,
      comment: derived.comment,
      language,
      hiddenFields: { segment: customer.segment, plan: customer.plan },
      at: clock.at(day),
    });
  }
  const history = new DemoHistoryRepository(app.get(DataSource));
  await history.insertResponses(workspaceId, rows);
  progress.step('satisfaction by parameter responses', rows.length, rows.length);
}
