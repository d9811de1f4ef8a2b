import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { MembershipsReader } from '../members/memberships.reader';
import type { Role } from '../common/auth/roles';
import type { CreateSlaPolicyDto } from '../touchpoints/sla-policies.dto';
import { SlaPoliciesService } from '../touchpoints/sla-policies.service';
import type { CreateTouchpointDto } from '../touchpoints/touchpoints.dto';
import { TouchpointsService } from '../touchpoints/touchpoints.service';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';

export type TeamRole = 'cx' | 'delivery' | 'support' | 'product' | 'smm';

/** The demo team. They have random passwords nobody knows: they own things, only the demo admin signs in. */
const TEAM: { key: TeamRole; name: string; email: string; role: Role; locale: string }[] = [
  { key: 'cx', name: 'Анна Смирнова', email: 'anna.smirnova@uzhinbox.example', role: 'analyst', locale: 'ru' },
  { key: 'delivery', name: 'Дмитрий Орлов', email: 'dmitry.orlov@uzhinbox.example', role: 'owner', locale: 'ru' },
  { key: 'support', name: 'Мария Петрова', email: 'maria.petrova@uzhinbox.example', role: 'owner', locale: 'ru' },
  { key: 'product', name: 'Alex Kim', email: 'alex.kim@uzhinbox.example', role: 'owner', locale: 'en' },
  { key: 'smm', name: 'Елена Димитрова', email: 'elena.dimitrova@uzhinbox.example', role: 'owner', locale: 'bg' },
];

export interface DemoTeam {
  adminId: string;
  members: Record<TeamRole, string>;
  touchpoints: Record<string, { id: string; name: string }>;
}

const WEEK = (hours: { start: string; end: string }[], days: number[]) => Object.fromEntries(days.map((d) => [d, hours]));

const SLA_POLICIES: (CreateSlaPolicyDto & { key: string })[] = [
  {
    key: 'delivery',
    name: 'Доставка: Пн–Сб 08:00–22:00',
    clock: 'business',
    calendar: { timeZone: 'Europe/Moscow', workingHours: WEEK([{ start: '08:00', end: '22:00' }], [1, 2, 3, 4, 5, 6]), holidays: [] },
    rules: {
      '*': { '*': { firstResponseMinutes: 120 }, phone: { firstResponseMinutes: 30 }, social: { firstResponseMinutes: 60 } },
      urgent: { '*': { firstResponseMinutes: 30, resolutionMinutes: 180 } },
      high: { '*': { resolutionMinutes: 480 } },
      normal: { '*': { resolutionMinutes: 1680 } },
      low: { '*': { resolutionMinutes: 2800 } },
    },
    warnAtShare: 0.8,
  } as CreateSlaPolicyDto & { key: string },
  {
    key: 'support',
    name: 'Поддержка: ежедневно 09:00–21:00',
    clock: 'business',
    calendar: { timeZone: 'Europe/Moscow', workingHours: WEEK([{ start: '09:00', end: '21:00' }], [0, 1, 2, 3, 4, 5, 6]), holidays: [] },
    rules: {
      '*': {
        '*': { firstResponseMinutes: 240 },
        chat: { firstResponseMinutes: 30 },
        messenger: { firstResponseMinutes: 30 },
        social: { firstResponseMinutes: 60 },
      },
      urgent: { '*': { firstResponseMinutes: 30, resolutionMinutes: 240 } },
      high: { '*': { resolutionMinutes: 720 } },
      normal: { '*': { resolutionMinutes: 2160 } },
      low: { '*': { resolutionMinutes: 3600 } },
    },
    warnAtShare: 0.8,
  } as CreateSlaPolicyDto & { key: string },
];

/** The journey of a meal-kit customer, each touchpoint with an owner, a backup and its written standard. */
const TOUCHPOINTS: (Omit<CreateTouchpointDto, 'ownerId' | 'backupOwnerId' | 'slaPolicyId'> & {
  key: string;
  owner: TeamRole;
  backup: TeamRole;
  policy?: string;
})[] = [
  {
    key: 'social',
    name: 'Соцсети и отзывы',
    stage: 'aware',
    kind: 'business',
    channel: 'social',
    category: 'Маркетинг',
    owner: 'smm',
    backup: 'cx',
    policy: 'support',
    regulation:
      'Отвечаем на каждое упоминание с вопросом или жалобой в течение часа в рабочее время. Негатив не удаляем: отвечаем публично, решаем в личных сообщениях, итог пишем в ветку.',
  },
  {
    key: 'menu',
    name: 'Сайт и меню недели',
    stage: 'considering',
    kind: 'business',
    channel: 'web_form',
    category: 'Продукт',
    owner: 'product',
    backup: 'cx',
    regulation:
      'Меню на следующую неделю публикуется до четверга 12:00; у каждого блюда — фото, время готовки, КБЖУ и аллергены. Не меньше 4 вегетарианских блюд в неделю.',
  },
  {
    key: 'trial',
    name: 'Пробный бокс',
    stage: 'considering',
    kind: 'business',
    channel: 'email',
    category: 'Маркетинг',
    owner: 'cx',
    backup: 'smm',
    regulation:
      'Первый бокс — со скидкой 50 % и открыткой с инструкцией. Через два дня после доставки звоним и спрашиваем, всё ли понравилось.',
  },
  {
    key: 'checkout',
    name: 'Оформление заказа в приложении',
    stage: 'buying',
    kind: 'business',
    channel: 'web_form',
    category: 'Продукт',
    owner: 'product',
    backup: 'support',
    policy: 'support',
    regulation:
      'Заказ оформляется не больше чем за 3 шага. Любая ошибка оплаты — инцидент: дежурный разработчик отвечает за 30 минут, клиенту пишем сами, не дожидаясь обращения.',
  },
  {
    key: 'courier',
    name: 'Доставка курьером',
    stage: 'repeat',
    kind: 'employee',
    channel: 'phone',
    category: 'Логистика',
    owner: 'delivery',
    backup: 'support',
    policy: 'delivery',
    regulation:
      'Курьер приезжает в выбранное двухчасовое окно. Если опаздывает больше чем на 15 минут — звонит клиенту до начала окна. Холодовая цепь: термобокс, хладоэлементы, не дольше 4 часов в пути.',
  },
  {
    key: 'box',
    name: 'Качество продуктов и рецептов',
    stage: 'repeat',
    kind: 'business',
    channel: 'other',
    category: 'Продукт',
    owner: 'cx',
    backup: 'product',
    regulation:
      'Срок годности каждого продукта — не меньше 3 дней после доставки. Сборка проверяется по чек-листу с фото. Недовложение или испорченный продукт компенсируем в тот же день без вопросов.',
  },
  {
    key: 'support',
    name: 'Служба поддержки',
    stage: 'repeat',
    kind: 'employee',
    channel: 'chat',
    category: 'Сервис',
    owner: 'support',
    backup: 'cx',
    policy: 'support',
    regulation:
      'Отвечаем в чате за 30 минут с 9 до 21 ежедневно. Оператор сам решает компенсацию до 1 500 ₽. Проблему не передаём «в другой отдел» без имени ответственного и срока.',
  },
  {
    key: 'subscription',
    name: 'Управление подпиской: пропуск и пауза',
    stage: 'repeat',
    kind: 'business',
    channel: 'web_form',
    category: 'Продукт',
    owner: 'product',
    backup: 'support',
    regulation:
      'Пропустить неделю или поставить паузу можно в два касания до среды 23:59. Никаких звонков с уговорами; подтверждение приходит письмом сразу.',
  },
  {
    key: 'cancel',
    name: 'Отмена подписки',
    stage: 'left',
    kind: 'business',
    channel: 'web_form',
    category: 'Удержание',
    owner: 'cx',
    backup: 'support',
    policy: 'support',
    regulation:
      'Отмена — в один экран, с вопросом о причине и одним предложением по ней (пропуск, пауза, скидка или звонок). Каждую отмену из-за сервиса разбирает CX-менеджер в течение рабочего дня.',
  },
];

export async function seedTeam(app: INestApplicationContext, workspaceId: string, adminId: string): Promise<DemoTeam> {
  const users = app.get(UsersService);
  const memberships = app.get(MembershipsReader);
  const hasher = app.get(PasswordHasher);
  const members = {} as Record<TeamRole, string>;
  for (const person of TEAM) {
    // A random password nobody is told: the account exists to own things and cannot be signed into. (Accounts are
    // global; a second demo workspace, as in tests, gets the same people.)
    const user =
      (await users.findByEmailWithPassword(person.email)) ??
      (await users.create({
        email: person.email,
        name: person.name,
        passwordHash: await hasher.hash(randomBytes(32).toString('base64url')),
        locale: person.locale,
      }));
    await memberships.add(workspaceId, user.id, person.role);
    members[person.key] = user.id;
  }

  const sla = app.get(SlaPoliciesService);
  const policies: Record<string, string> = {};
  for (const { key, ...policy } of SLA_POLICIES) policies[key] = (await sla.create(workspaceId, policy)).id;

  const service = app.get(TouchpointsService);
  const touchpoints: DemoTeam['touchpoints'] = {};
  for (const { key, owner, backup, policy, ...fields } of TOUCHPOINTS) {
    const created = await service.create(workspaceId, {
      ...fields,
      ownerId: members[owner],
      backupOwnerId: members[backup],
      slaPolicyId: policy ? policies[policy] : undefined,
    } as CreateTouchpointDto);
    touchpoints[key] = { id: created.id, name: created.name };
  }
  return { adminId, members, touchpoints };
}
