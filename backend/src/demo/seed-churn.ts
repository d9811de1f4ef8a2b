import type { INestApplicationContext } from '@nestjs/common';
import { CancellationFlowsService } from '../churn/cancellation-flows.service';
import type { CreateFlowDto } from '../churn/cancellation-flows.dto';
import { ChurnReasonsService } from '../churn/churn-reasons.service';
import type { UpdateReasonDto } from '../churn/churn-reasons.dto';
import type { DemoHistoryRepository } from './demo-history.repository';
import { mrrOn, type PlannedCancellation } from './plan';
import type { Progress } from './progress';
import type { StoryClock } from './story';

/** A meal kit's natural save offers: skip deliveries when away, pause when not cooking. */
const MEAL_KIT_OFFERS: Record<string, UpdateReasonDto['offer']> = {
  temporary: {
    type: 'skip',
    amount: 2,
    text: {
      en: 'Skip the next 2 deliveries instead: nothing is charged, your plan stays.',
      ru: 'Пропустите 2 следующие доставки вместо отмены: ничего не спишем, подписка сохранится.',
      bg: 'Пропуснете следващите 2 доставки вместо отказ: нищо не се таксува.',
      de: 'Überspringen Sie stattdessen die nächsten 2 Lieferungen.',
    },
  },
  not_using: {
    type: 'pause',
    amount: 4,
    text: {
      en: 'Pause for 4 weeks and come back when you feel like cooking.',
      ru: 'Поставьте подписку на паузу на 4 недели — вернётесь, когда захочется готовить.',
      bg: 'Паузирайте за 4 седмици и се върнете, когато ви се готви.',
      de: 'Pausieren Sie 4 Wochen.',
    },
  },
};

export async function seedChurn(
  app: INestApplicationContext,
  workspaceId: string,
  cancellations: PlannedCancellation[],
  clock: StoryClock,
  history: DemoHistoryRepository,
  progress: Progress,
): Promise<string> {
  const reasons = app.get(ChurnReasonsService);
  for (const [key, offer] of Object.entries(MEAL_KIT_OFFERS)) await reasons.update(workspaceId, key, { offer } as UpdateReasonDto);
  const flow = await app.get(CancellationFlowsService).create(workspaceId, {
    name: 'Отмена подписки в личном кабинете',
    languages: ['ru', 'en', 'bg'],
    defaultLanguage: 'ru',
    allowedOrigins: ['https://uzhinbox.example'],
  } as CreateFlowDto);
  // The flow offers every active reason (no list of its own): the server's rule for what is offered and which offer goes with it.
  const offered = (await reasons.list(workspaceId)).filter((r) => !r.archived);
  const byKey = new Map(offered.map((r) => [r.key, r]));
  await history.insertCancellations(
    workspaceId,
    cancellations.map((x, i) => {
      const reason = byKey.get(x.reasonKey);
      if (!reason) throw new Error(`demo cancellation reason ${x.reasonKey} is not in the taxonomy`);
      // Only a reason with an offer can be saved by it.
      const outcome = x.saved && reason.offer ? 'saved' : 'cancelled';
      return {
        id: x.id,
        flowId: flow.id,
        idempotencyKey: `demo-c-${i}`,
        customerExternalId: x.customer.externalId,
        reasonKey: x.reasonKey,
        offeredReasonKeys: offered.map((r) => r.key),
        otherText: x.otherText,
        followUp: x.followUp,
        offer: reason.offer ?? null,
        outcome,
        mrr: mrrOn(x.customer, x.day),
        language: x.language,
        at: clock.at(x.day),
      };
    }),
  );
  progress.step('cancellation flow runs', cancellations.length, cancellations.length);
  return flow.id;
}
