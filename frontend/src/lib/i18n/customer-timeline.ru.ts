import type { CustomerTimelineMessages } from './customer-timeline.en';

/** Строки хронологии в профиле клиента (подключены как `customerTimeline` в ru.ts). */
export const customerTimelineRu: CustomerTimelineMessages = {
	title: 'Хронология',
	intro: 'Ответы на опросы, отмены подписки и изменения карточки клиента, сначала новые.',
	filterLabel: 'Показывать события',
	kinds: {
		response: 'Ответы',
		cancellation: 'Отмены',
		mention: 'Упоминания',
		customer: 'Карточка клиента'
	},
	kindIcon: {
		response: 'Ответ на опрос',
		cancellation: 'Отмена подписки',
		mention: 'Упоминание в соцсетях',
		customer: 'Событие карточки клиента'
	},
	mentionSentiment: { '-1': 'Негатив', '0': 'Нейтрально', '1': 'Позитив' },
	mentionAnswered: 'Есть ответ',
	mentionOpen: 'Открыть публикацию',
	loadMore: 'Показать ещё',
	loadingMore: 'Загрузка…',
	retry: 'Повторить',
	empty: 'У этого клиента пока нет событий.',
	emptyFiltered: 'Нет событий выбранных видов.',
	loadError: 'Не удалось загрузить хронологию.',
	end: 'Это всё.',
	score: 'Оценка',
	scoreOf: (score: number, max: number) => `${score} из ${max}`,
	noScore: 'Без оценки',
	bands: {
		nps: { positive: 'Промоутер', neutral: 'Нейтрал', negative: 'Критик' },
		csat: { positive: 'Доволен', neutral: 'Нейтрально', negative: 'Недоволен' },
		ces: { positive: 'Легко', neutral: 'Нейтрально', negative: 'Трудно' }
	},
	surveyKinds: { nps: 'NPS', csat: 'CSAT', ces: 'CES', custom: 'Опрос' },
	partial: 'Неполный ответ',
	noComment: 'Без комментария',
	reason: 'Причина',
	noReason: 'Причина не выбрана',
	otherText: 'Своими словами',
	followUp: 'Дополнение',
	offer: 'Предложение',
	outcomes: { saved: 'Удержан', cancelled: 'Отменил', unfinished: 'Не завершено' },
	mrr: 'MRR',
	customerEvents: {
		first_seen: 'Впервые замечен',
		consent_granted: (channel: string) => `Дал согласие: ${channel}`,
		consent_withdrawn: (channel: string) => `Отозвал согласие: ${channel}`
	},
	consentChannels: { survey: 'опросы', marketing: 'маркетинг' },
	via: (source: string) => `способ: ${source}`,
	language: 'Язык'
};
