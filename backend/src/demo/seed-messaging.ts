import type { INestApplicationContext } from '@nestjs/common';
import { MessagingService } from '../messaging/messaging.service';
import { MessagingSettingsService } from '../messaging/messaging-settings.service';
import type { PlannedCustomer } from './plan';
import type { Progress } from './progress';
import { DAY_MS, type StoryClock } from './story';

const HOUR_MS = DAY_MS / 24;

const firstName = (customer: PlannedCustomer) => customer.name.split(' ')[0];
/** The customer's address: the story's are all at reserved .example domains (names.ts), which never receive mail. */
const safeAddress = (customer: PlannedCustomer) => customer.email;

/**
 * The outbox of the story. The demo runs without SMTP_URL, so emails wait in the outbox (the page's "email is not
 * configured" banner): two case replies in Russian and one in English, written this morning. Beside them the history
 * the gateway and the mail server left: an SMS the customer's own gateway delivered, and an email that bounced (its
 * address is now suppressed). The sender is Uzhinbox's care team in its orange.
 */
export async function seedMessaging(
  app: INestApplicationContext,
  workspaceId: string,
  adminId: string,
  customers: PlannedCustomer[],
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  await app.get(MessagingSettingsService, { strict: false }).saveSender(
    workspaceId,
    {
      fromName: 'Uzhinbox — служба заботы',
      fromAddress: 'care@uzhinbox.example',
      replyTo: 'reply@uzhinbox.example',
      brandColour: '#e8590c',
    },
    adminId,
  );
  const messaging = app.get(MessagingService, { strict: false });
  const active = customers.filter((c) => c.leftDay === null);
  const speaking = (language: string) => active.filter((c) => c.language === language);
  const [olga, pavel, smsCustomer] = speaking('ru');
  const [emma, bounced] = speaking('en');
  if (!olga || !pavel || !smsCustomer || !emma || !bounced) {
    progress.note('outbox skipped: the story is too small for it');
    return;
  }
  const email = { workspaceId, channel: 'email' as const, purpose: 'service' as const, createdBy: adminId };

  await messaging.enqueue({
    ...email,
    to: safeAddress(olga),
    customerExternalId: olga.externalId,
    language: 'ru',
    subject: 'Re: Курьер опоздал на три часа',
    text:
      `Здравствуйте, ${firstName(olga)}!\n\nПростите за вчерашнее опоздание курьера — три часа ожидания с продуктами для ужина недопустимы. ` +
      'Мы вернули стоимость доставки на ваш счёт, а следующий бокс привезём в утреннее окно с 8 до 10, как вы просили.\n\n' +
      'Если что-то снова пойдёт не так, просто ответьте на это письмо — оно попадёт прямо ко мне.\n\nМарина, служба заботы Uzhinbox',
  });
  await messaging.enqueue({
    ...email,
    to: safeAddress(pavel),
    customerExternalId: pavel.externalId,
    language: 'ru',
    subject: 'Re: Не проходит оплата в приложении',
    text:
      `Здравствуйте, ${firstName(pavel)}!\n\nОшибка при оплате в приложении — наша: её принесло последнее обновление. ` +
      'Исправление выйдет в версии 4.12.1 в четверг, а пока оплатить бокс можно на сайте, там всё работает. ' +
      'Ваш заказ на эту неделю мы сохранили.\n\nАлексей, служба заботы Uzhinbox',
  });
  await messaging.enqueue({
    ...email,
    to: safeAddress(emma),
    customerExternalId: emma.externalId,
    language: 'en',
    subject: 'Re: Missing sour cream in my Classic box',
    text:
      `Hi ${firstName(emma)},\n\nThank you for the photo — the sour cream really was missing from Tuesday's Classic box. ` +
      "We've credited €6.50 to your account and passed the photo to the packing team, who now check that recipe's bag twice.\n\n" +
      'Your next box ships on Thursday as usual.\n\nBest,\nDaniel, Uzhinbox Care',
  });

  const sms = await messaging.enqueue({
    workspaceId,
    channel: 'sms',
    purpose: 'service',
    // A made-up number rather than the customer's: the demo has no gateway, and a real one must never get it.
    to: '+79990000142',
    customerExternalId: smsCustomer.externalId,
    language: 'ru',
    text: 'Uzhinbox: ваш бокс в пути, курьер приедет сегодня с 18:00 до 20:00. Перенести доставку: uzhinbox.example/d',
  });
  const sentAt = new Date(clock.now.getTime() - 5 * HOUR_MS);
  await messaging.recordGatewayDelivery(workspaceId, sms.id, sentAt, new Date(sentAt.getTime() + 40_000));

  const lost = await messaging.enqueue({
    ...email,
    to: safeAddress(bounced),
    customerExternalId: bounced.externalId,
    language: 'en',
    subject: 'Re: Pause my subscription for August',
    text: `Hi ${firstName(bounced)},\n\nDone: your boxes are paused from 1 to 31 August and start again on 2 September.\n\nBest,\nDaniel, Uzhinbox Care`,
  });
  await messaging.markBounced(
    workspaceId,
    safeAddress(bounced),
    `550 5.1.1 <${safeAddress(bounced)}>: Recipient address rejected: User unknown in virtual mailbox table`,
    lost.id,
  );
  progress.note('outbox: 3 case replies waiting for SMTP, 1 SMS delivered by the gateway, 1 bounced email');
}
