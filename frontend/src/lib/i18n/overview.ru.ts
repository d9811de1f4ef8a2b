import type { OverviewMessages } from './overview.en';

/** 1 ответ, 2 ответа, 5 ответов. */
function plural(n: number, one: string, few: string, many: string): string {
	const mod10 = n % 10;
	const mod100 = n % 100;
	if (mod10 === 1 && mod100 !== 11) return one;
	if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
	return many;
}

export const overviewRu: OverviewMessages = {
	title: 'Обзор',
	intro: 'Пульс ваших клиентов за период: оценки, отток, обращения, жалобы и упоминания. Каждая цифра открывает свою страницу с тем же фильтром.',
	filters: {
		label: 'Период обзора',
		period: 'Период',
		periods: { '7': 'Последние 7 дней', '30': 'Последние 30 дней', '90': 'Последние 90 дней', custom: 'Свои даты' },
		from: 'С',
		to: 'По',
		apply: 'Применить',
		invalidRange: 'Дата начала должна быть не позже даты окончания.'
	},
	kpiLabel: 'Главные цифры периода',
	open: 'Открыть',
	openOf: (what: string) => `Открыть: ${what}`,
	kinds: { nps: 'NPS', csat: 'CSAT', ces: 'CES: было легко' },
	answers: (n: number, formatted: string) => `${formatted} ${plural(n, 'ответ', 'ответа', 'ответов')}`,
	change: (change: string) => `${change} к прошлому периоду`,
	noComparison: 'В прошлом периоде ответов не было',
	notSignificant: 'в пределах погрешности: пока не настоящее изменение',
	significant: 'настоящее изменение (доверие 95 %)',
	trend: { up: 'Рост', down: 'Снижение', flat: 'Без изменений' },
	responses: 'Ответы',
	responsesDetail: (rate: string, displays: string) => `отклик ${rate} из ${displays} показов`,
	noDisplays: 'Показов за период не записано',
	previousCount: (count: string) => `прошлый период: ${count}`,
	churnRate: 'Отток клиентов',
	churnDetail: (lost: string, atStart: string) => `ушли ${lost} из ${atStart} клиентов`,
	noChurnBase: 'На начало периода клиентов не было',
	mrrLost: 'Потерянный MRR',
	saveRate: 'Удержание',
	saveDetail: (saved: string, flows: string) => `удержано ${saved} из ${flows} сценариев отмены`,
	noFlows: 'Завершённых сценариев отмены нет',
	openCases: 'Открытые обращения',
	casesDetail: (breached: string, dueSoon: string) => `просрочено по SLA: ${breached} · скоро срок: ${dueSoon}`,
	mentions: 'Упоминания',
	mentionsDetail: (share: string, negative: string) => `${share} негативных (${negative})`,
	noMentions: 'Упоминаний за период нет',
	sleeping: 'Спящие клиенты',
	sleepingDetail: (days: string) => `молчат ${days}+ дней: верните их`,
	chartTitle: { day: 'Ответы по дням', week: 'Ответы по неделям', month: 'Ответы по месяцам' },
	chartLabel: 'Ответы',
	chartSummary: (total: string) => `Ответов на опросы NPS, CSAT и CES за период: ${total}.`,
	chartEmpty: 'За этот период ответов нет.',
	reasonsTitle: 'Главные причины оттока',
	reasonsEmpty: 'За этот период отмен не было.',
	casesTitle: 'Обращения по точкам контакта',
	casesEmpty: 'Открытых обращений нет. Отлично.',
	casesColumns: { touchpoint: 'Точка контакта', open: 'Открыто', breached: 'Просрочено', dueSoon: 'Скоро срок' },
	noTouchpoint: 'Без точки контакта',
	clustersTitle: 'Быстрее всего растущие жалобы',
	clustersEmpty: 'На этой неделе ни один кластер жалоб не вырос.',
	clusterGrowth: (last: string, previous: string) => `на этой неделе ${last}, неделей раньше ${previous}`,
	mentionsTitle: 'Упоминания и всплески',
	negativeShare: 'Доля негатива',
	previousShare: (share: string) => `прошлый период: ${share}`,
	unanswered: (count: string) => `без ответа негативных упоминаний: ${count}`,
	noSpikes: 'Всплесков за период не было.',
	spike: (day: string, count: string, baseline: string) => `${day}: негативных упоминаний ${count} (обычно ${baseline})`,
	unownedTitle: 'Точки контакта без владельца',
	unownedEmpty: 'У каждой точки контакта есть владелец.',
	noTouchpoints: 'Точек контакта пока нет.',
	sleepingTitle: 'Спящие клиенты',
	sleepingEmpty: 'Никто не замолчал.',
	daysQuiet: (days: string) => `молчит ${days} дн.`,
	checklist: {
		title: 'Настройте рабочее пространство',
		intro: 'Данных пока нет. Эти шаги запустят сбор отзывов; каждый отмечается сам, когда выполнен.',
		remainingTitle: 'Завершите настройку',
		progress: (done: string, total: string) => `выполнено ${done} из ${total}`,
		done: 'Готово',
		todo: 'Сделать',
		unknown: 'Не видно с вашим доступом',
		steps: {
			survey: { title: 'Создайте опрос', text: 'NPS, CSAT или CES из шаблона, на ваших языках.' },
			embed: { title: 'Встройте его', text: 'Разместите код на сайте; шаг отметится при первом показе или ответе.' },
			owners: { title: 'Назначьте владельцев точек контакта', text: 'За каждый шаг пути клиента кто-то отвечает и получает его обращения.' },
			sla: { title: 'Задайте политику SLA', text: 'Сроки ответа и решения в ваши рабочие часы.' },
			cancellation: { title: 'Добавьте сценарий отмены', text: 'Спросите, почему клиенты уходят, и предложите остаться.' },
			mentions: { title: 'Подключите источник упоминаний', text: 'RSS-лента, загрузка CSV или вебхук упоминаний.' },
			team: { title: 'Пригласите команду', text: 'Владельцы, аналитики и наблюдатели видят одни и те же цифры.' }
		}
	}
};
