import type { ChurnMessages } from './churn.en';
import { pluralRu } from './plural';
import { monthPeriodFieldsRu } from './month-periods';

/** Строки страницы «Отток» (подключены как `churn` в ru.ts). */
export const churnRu: ChurnMessages = {
	title: 'Отток',
	intro: 'Кто уходит, почему и во что это обходится: отмены, тихий отток и удержания.',
	filters: {
		label: 'Фильтры оттока',
		...monthPeriodFieldsRu,
		segment: 'Сегмент',
		plan: 'Тариф',
		anySegment: 'Любой сегмент',
		anyPlan: 'Любой тариф',
		filterNote: 'Сегмент и тариф фильтруют графики причин.'
	},
	kpi: {
		label: 'Ключевые показатели оттока',
		churnRate: 'Отток клиентов',
		churnDetail: (lost, atStart, atStartCount) => `${lost} из ${atStart} ${pluralRu(atStartCount, 'клиента', 'клиентов', 'клиентов')} на начало периода`,
		churnHelp: 'За весь период: отменившие клиенты ÷ клиенты на его начало. Пришедшие в течение периода не входят ни в одно из чисел, поэтому это не сумма месячных показателей ниже.',
		revenueChurn: 'Отток выручки',
		revenueDetail: (lost, atStart) => `${lost} из ${atStart} MRR`,
		saveRate: 'Доля удержанных',
		saveDetail: (saved, flows, flowCount) => `удержано ${saved} из ${flows} ${pluralRu(flowCount, 'завершённого сценария', 'завершённых сценариев', 'завершённых сценариев')} отмены`,
		saveHelp: 'Считаются сценарии отмены, а не клиенты: сценарии, после которых клиент остался ÷ завершённые сценарии.',
		revenueSaved: 'Сохранённая выручка',
		revenueSavedDetail: 'MRR, сохранённый принятыми предложениями',
		moneyLost: 'Потери от оттока',
		moneyLostDetail: (lost, check, purchases, lostCount) => `${lost} ${pluralRu(lostCount, 'клиент', 'клиента', 'клиентов')} × ${check} × покупок: ${purchases}`,
		moneyLostHint: 'Для бизнеса без подписок: укажите средний чек и число покупок клиента за период.',
		averageCheck: 'Средний чек',
		purchases: 'Покупок за период',
		silentChurn: (n) => `в т. ч. ${n} ушли по неактивности`,
		sleeping: 'Спящие клиенты',
		sleepingDetail: (days) => `неактивны ${days}+ дней: верните их`,
		sleepingCsv: 'Скачать список (CSV)',
		noData: 'Нет данных',
		noBase: 'На начало периода клиентов не было'
	},
	reasons: {
		title: 'Причины по месяцам',
		intro: 'Доля причины считается только по сценариям отмены, где её предлагали.',
		counts: 'Количество',
		shares: 'Доли',
		view: 'Показать',
		empty: 'За этот период отмен не было.',
		chartSummary: (months, reasons) => `Столбчатая диаграмма с накоплением: ${reasons} причин отмены за ${months} мес. Те же числа — в таблице ниже.`,
		showTable: 'Показать таблицей',
		month: 'Месяц',
		total: 'Всего',
		totals: 'Весь период',
		notOffered: 'не предлагалась',
		cellValue: (count, percent) => `${count} (${percent})`,
		clickHint: 'Выберите причину, чтобы прочитать, что написали клиенты.',
		readComments: (label) => `Комментарии: ${label}`
	},
	avoidable: {
		title: 'Устранимые и неустранимые',
		avoidable: 'Устранимые',
		unavoidable: 'Неустранимые',
		unknown: 'Не размечены',
		chartSummary: (avoidable, unavoidable) => `Столбчатая диаграмма по месяцам. За весь период: устранимых ${avoidable}, неустранимых ${unavoidable}.`,
		empty: 'За этот период отмен не было.'
	},
	breakdown: {
		title: 'Причины по группам',
		by: 'Группировать по',
		dimensions: { segment: 'Сегменту', plan: 'Тарифу', touchpoint: 'Точке контакта' },
		group: 'Группа',
		none: 'Не указано',
		total: 'Отмен',
		empty: 'За этот период отмен не было.'
	},
	comments: {
		title: 'Что написали клиенты',
		pick: 'Выберите причину в легенде графика или в таблице, чтобы увидеть последние комментарии.',
		reason: 'Причина',
		empty: 'За период комментариев к этой причине нет.',
		outcomes: { saved: 'Удержан', cancelled: 'Отменил' },
		anonymous: 'Аноним'
	},
	cohorts: {
		title: 'Удержание по месяцу первого визита',
		intro: (days, dayCount) =>
			`Доля новых клиентов месяца, оставшихся с вами к концу каждого следующего месяца; текущий месяц — на сегодня (курсивом). Ушедший — отменил (с месяца отмены) или неактивен ${days} ${pluralRu(dayCount, 'день', 'дня', 'дней')}.`,
		soFar: 'на сегодня',
		cohort: 'Когорта',
		size: 'Клиентов',
		offset: (k) => `Месяц ${k}`,
		notYet: 'ещё не закончился',
		empty: 'За этот период новых клиентов не было.',
		cellLabel: (cohort, k, percent, retained) => `${cohort}, месяц ${k}: удержано ${percent} (${retained})`
	},
	funnel: {
		title: 'Статус в воронке',
		intro: 'Клиенты по этапам и ушедшие за период — по причинам.',
		status: 'Статус',
		customers: 'Клиентов',
		lostInPeriod: 'Ушли за период',
		reasons: 'Причины',
		statuses: {
			new: 'Новый, без покупок',
			one_purchase: 'Одна-две покупки',
			repeat: 'Постоянный (3+ покупки)',
			lost_early: 'Ушёл рано',
			lost_after_one_purchase: 'Ушёл после одной покупки',
			lost_after_long_cooperation: 'Ушёл после долгого сотрудничества'
		},
		inactive: 'Перестал появляться',
		unknown: 'Неизвестно'
	},
	trend: {
		title: 'Динамика по месяцам',
		intro: 'Каждый месяц отдельно: отменившие в этом месяце ÷ клиенты на его начало. Здесь учитываются только отмены; когорты и потерянные деньги учитывают и ушедших по неактивности.',
		month: 'Месяц',
		churn: 'Отток клиентов',
		revenue: 'Отток выручки',
		save: 'Доля удержанных',
		partial: 'пока'
	},
	csv: 'CSV',
	csvLabel: (what) => `Скачать «${what}» в CSV`,
	retry: 'Повторить'
};
