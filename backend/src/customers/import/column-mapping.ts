import type { FieldError } from '../../common/http/api-error';

/** Customer fields a column can fill; `attribute:<name>` stores it in attributes, `ignore` skips it. */
export const IMPORT_FIELDS = [
  'externalId',
  'name',
  'email',
  'phone',
  'lifecycleStage',
  'segment',
  'mrr',
  'orderCount',
  'firstSeenAt',
  'lastSeenAt',
  'consents.survey',
  'consents.marketing',
  'isOrganisation',
  'decisionMaker',
  'offerResponse',
  'country',
  'region',
  'city',
  'industry',
  'accountManagerId',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnTarget = ImportField | `attribute:${string}` | 'ignore';

export const ATTRIBUTE_PREFIX = 'attribute:';
const ATTRIBUTE_NAME_MAX = 100;

/** Header words in English, Russian and Bulgarian, compared after normalising (lower case, letters and digits only, ё → е). */
const SYNONYMS: Record<ImportField, string[]> = {
  externalId: [
    'id',
    'externalid',
    'customerid',
    'clientid',
    'userid',
    'contactid',
    'accountid',
    'crmid',
    'customernumber',
    'customerno',
    'ид',
    'idклиента',
    'идклиента',
    'кодклиента',
    'номерклиента',
    'идентификатор',
    'идентификаторклиента',
    'внешнийid',
    'внешнийидентификатор',
    'idпользователя',
    'код',
    'idнаклиента',
    'коднаклиента',
    'номернаклиента',
    'клиентскиномер',
  ],
  name: [
    'name',
    'fullname',
    'customername',
    'clientname',
    'contactname',
    'contact',
    'customer',
    'client',
    'имя',
    'фио',
    'клиент',
    'имяклиента',
    'наименование',
    'название',
    'покупатель',
    'полноеимя',
    'име',
    'имеифамилия',
    'пълноиме',
    'иметонаклиента',
  ],
  email: [
    'email',
    'emailaddress',
    'mail',
    'почта',
    'электроннаяпочта',
    'элпочта',
    'емейл',
    'имейл',
    'адреспочты',
    'emailклиента',
    'електроннапоща',
    'поща',
    'имейладрес',
  ],
  phone: [
    'phone',
    'phonenumber',
    'telephone',
    'tel',
    'mobile',
    'mobilephone',
    'cell',
    'телефон',
    'номертелефона',
    'мобильный',
    'мобильныйтелефон',
    'тел',
    'контактныйтелефон',
    'телефоненномер',
    'мобиленномер',
    'мобилен',
    'gsm',
  ],
  lifecycleStage: [
    'lifecyclestage',
    'stage',
    'lifecycle',
    'стадия',
    'этап',
    'стадияжизненногоцикла',
    'этапжизненногоцикла',
    'жизненныйцикл',
    'етап',
    'етапнажизнениярцикъл',
    'жизненцикъл',
  ],
  segment: ['segment', 'customersegment', 'tier', 'сегмент', 'сегментклиента'],
  mrr: [
    'mrr',
    'monthlyrevenue',
    'monthlyrecurringrevenue',
    'revenue',
    'ежемесячныйдоход',
    'ежемесячнаявыручка',
    'выручкавмесяц',
    'доходвмесяц',
    'mrrруб',
    'месеченприход',
    'месечниприходи',
    'месеченоборот',
  ],
  orderCount: [
    'orders',
    'ordercount',
    'numberoforders',
    'totalorders',
    'purchases',
    'заказы',
    'заказов',
    'количествозаказов',
    'числозаказов',
    'покупки',
    'количествопокупок',
    'поръчки',
    'бройпоръчки',
    'бройпокупки',
  ],
  firstSeenAt: [
    'firstseen',
    'firstseenat',
    'created',
    'createdat',
    'signupdate',
    'signedup',
    'registered',
    'registrationdate',
    'customersince',
    'датарегистрации',
    'зарегистрирован',
    'первыйвизит',
    'впервые',
    'клиентс',
    'датасоздания',
    'датанарегистрация',
    'регистриран',
    'клиентот',
    'създаден',
    'датанасъздаване',
  ],
  lastSeenAt: [
    'lastseen',
    'lastseenat',
    'lastactivity',
    'lastvisit',
    'lastactive',
    'lastlogin',
    'последнийвизит',
    'последняяактивность',
    'последнийвход',
    'активность',
    'былпоследнийраз',
    'последнаактивност',
    'последнопосещение',
    'последенвход',
    'активност',
  ],
  'consents.survey': [
    'surveyconsent',
    'consentsurvey',
    'consentsurveys',
    'surveys',
    'согласиенаопросы',
    'согласиеопросы',
    'опросы',
    'съгласиезаанкети',
    'анкети',
  ],
  'consents.marketing': [
    'marketingconsent',
    'consentmarketing',
    'newsletter',
    'subscribed',
    'marketing',
    'согласиенарассылку',
    'рассылка',
    'маркетинг',
    'подписка',
    'согласиенамаркетинг',
    'съгласиезамаркетинг',
    'бюлетин',
    'абонамент',
    'съгласиезабюлетин',
  ],
  isOrganisation: ['organisation', 'organization', 'isorganisation', 'isorganization', 'b2b', 'юрлицо', 'организация', 'юридическоелице'],
  decisionMaker: ['decisionmaker', 'lpr', 'лпр', 'лицопринимающеерешение', 'руководитель', 'лицекоетовземорешения', 'взимащрешение'],
  offerResponse: [
    'offer',
    'offerresponse',
    'offeranswer',
    'откликнапредложение',
    'ответнапредложение',
    'предложение',
    'отговорнапредложение',
    'оферта',
  ],
  country: ['country', 'страна', 'държава'],
  region: ['region', 'state', 'province', 'регион', 'область', 'област', 'регіон'],
  city: ['city', 'town', 'город', 'населенныйпункт', 'град', 'населеномясто'],
  industry: [
    'industry',
    'sector',
    'lineofbusiness',
    'отрасль',
    'сфера',
    'сфераедеятельности',
    'видедеятельности',
    'индустрия',
    'отрасъл',
    'бранш',
    'дейност',
  ],
  accountManagerId: ['accountmanagerid', 'managerid', 'idменеджера', 'idнамениджър'],
};

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const BY_WORD = new Map<string, ImportField>(
  (Object.entries(SYNONYMS) as [ImportField, string[]][]).flatMap(([field, words]) => words.map((w) => [w, field] as const)),
);

/** An attribute name for a header: the header itself, trimmed to the attribute name limit. */
const attributeFor = (header: string): ColumnTarget => `${ATTRIBUTE_PREFIX}${header.slice(0, ATTRIBUTE_NAME_MAX)}`;

/**
 * A target per column: known header names map to their field (the first column wins a field), every other
 * column is kept as an attribute under its own name, so nothing in the file is lost unless the user says so.
 */
export function suggestMapping(headers: string[]): ColumnTarget[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = BY_WORD.get(normalise(header));
    if (field && !taken.has(field)) {
      taken.add(field);
      return field;
    }
    return attributeFor(header);
  });
}

/** Checks a mapping against the file's columns: one target per column, externalId exactly once, no field twice. */
export function mappingProblems(mapping: unknown, columnCount: number): FieldError[] {
  if (!Array.isArray(mapping)) return [{ field: 'mapping', message: 'mapping must be a list with one target per column' }];
  if (mapping.length !== columnCount) {
    return [{ field: 'mapping', message: `mapping must have ${columnCount} entries, one per column (it has ${mapping.length})` }];
  }
  const problems: FieldError[] = [];
  const used = new Map<string, number>();
  mapping.forEach((target, index) => {
    const field = `mapping[${index}]`;
    if (typeof target !== 'string') return problems.push({ field, message: 'each target must be a string' });
    if (target === 'ignore') return;
    if (target.startsWith(ATTRIBUTE_PREFIX)) {
      const name = target.slice(ATTRIBUTE_PREFIX.length).trim();
      if (name === '' || name.length > ATTRIBUTE_NAME_MAX) {
        return problems.push({ field, message: `attribute names must be 1–${ATTRIBUTE_NAME_MAX} characters` });
      }
    } else if (!(IMPORT_FIELDS as readonly string[]).includes(target)) {
      return problems.push({
        field,
        message: `unknown target "${target}"; use one of: ${IMPORT_FIELDS.join(', ')}, attribute:<name> or ignore`,
      });
    }
    const key = target.startsWith(ATTRIBUTE_PREFIX) ? `${ATTRIBUTE_PREFIX}${target.slice(ATTRIBUTE_PREFIX.length).trim()}` : target;
    if (used.has(key)) problems.push({ field, message: `${key} is already filled by column ${used.get(key)! + 1}` });
    else used.set(key, index);
  });
  if (problems.length === 0 && !used.has('externalId')) {
    problems.push({
      field: 'mapping',
      message: 'one column must be mapped to externalId: it decides which customer a row creates or updates',
    });
  }
  return problems;
}
