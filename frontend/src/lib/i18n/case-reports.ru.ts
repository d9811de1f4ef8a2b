import type { caseReportsEn } from './case-reports.en';
import { pluralRu } from './plural';
import { monthPeriodFieldsRu } from './month-periods';

/** Строки страницы отчётов по обращениям (подключаются как `caseReports` в ru.ts). */
export const caseReportsRu: typeof caseReportsEn = {
	title: 'Отчёты по обращениям',
	intro: 'Соблюдение SLA, время ответа и решения и оценка клиентов после закрытия: скорость рядом с качеством.',
	timeNote:
		'Время указано по часам SLA, как его считают нормативы: рабочие часы календаря политики обращения, без времени ожидания ответа клиента. Обращение учитывается в соблюдении, когда его исход известен.',
	empty: 'За этот период обращений не было.',
	filters: {
		label: 'Фильтры отчёта',
		...monthPeriodFieldsRu,
		groupBy: 'Группировать по',
		groups: { touchpoint: 'Точке контакта', owner: 'Ответственному', channel: 'Каналу', priority: 'Приоритету', month: 'Месяцу открытия' },
		touchpoint: 'Точка контакта',
		owner: 'Ответственный',
		channel: 'Канал',
		priority: 'Приоритет',
		any: 'Все',
		unassigned: 'Без ответственного'
	},
	kpi: {
		label: 'Главные показатели',
		firstResponse: 'Первый ответ в срок',
		resolution: 'Решено в срок',
		measured: (met, measured) => `${met} из ${measured} с известным исходом`,
		pending: (n) => `ещё идёт: ${n}`,
		firstResponseTime: 'Время первого ответа',
		resolutionTime: 'Время решения',
		medianP90: (median, p90) => `медиана ${median} · p90 ${p90}`,
		timed: (n, count) => `по ${n} ${pluralRu(count, 'обращению', 'обращениям', 'обращениям')}`,
		closedLoop: 'Замкнутый цикл',
		closedLoopDetail: (met, measured) => `${met} из ${measured} критиков получили ответ в срок`,
		followUp: 'CSAT после закрытия',
		followUpDetail: (csat, share) => `довольны (4–5): ${csat} · ответили: ${share} закрытых`,
		breaches: 'Нарушения SLA',
		breachesDetail: (cases, total) => `${cases} из ${total} обращений нарушили срок`
	},
	table: {
		title: (by) => `По ${by.toLowerCase()}`,
		intro: 'Соблюдение сроков и время рядом с оценкой тех же обращений после закрытия.',
		caption: 'Показатели обращений по группам',
		group: 'Группа',
		cases: 'Обращений',
		firstResponse: 'Первый ответ в срок',
		firstResponseTime: 'Первый ответ, медиана / p90',
		resolution: 'Решено в срок',
		resolutionTime: 'Решение, медиана / p90',
		breaches: 'Нарушения',
		csat: 'CSAT после закрытия',
		closedLoop: 'Замкнутый цикл',
		total: 'Все обращения',
		noTouchpoint: 'Без точки контакта',
		unassigned: 'Без ответственного',
		answers: (_count, shown) => `ответов: ${shown}`
	},
	tradeOff: {
		title: 'Скорость и качество',
		intro: 'Точка — группа: медианное время решения и средняя оценка после закрытия для одних и тех же обращений (решённых и с ответом). Быстро, но низко — скорость ценой качества.',
		x: 'Медианное время решения, ч (SLA)',
		y: 'Средняя оценка после закрытия (1–5)',
		empty: 'За этот период у решённых обращений ещё нет оценок после закрытия.',
		summary: (n) => `Точечная диаграмма по ${n} группам: время решения и оценка после закрытия. Те же цифры — в таблице выше.`,
		point: (label, time, csat, cases) => `${label}: ${time}, CSAT ${csat} (обращений: ${cases})`
	},
	breaches: {
		title: 'Нарушения по времени',
		intro: 'Пропущенные сроки и соблюдение SLA по неделе или месяцу открытия обращений.',
		interval: 'Шаг',
		intervals: { week: 'Недели', month: 'Месяцы' },
		breaches: 'Нарушения',
		firstResponse: 'Первый ответ в срок, %',
		resolution: 'Решено в срок, %',
		percentAxis: 'Соблюдение, %',
		countAxis: 'Нарушения',
		summary: (breaches, periods) => `Столбчатая и линейная диаграмма: нарушений ${breaches} за ${periods} периодов.`,
		period: 'Период',
		showTable: 'Показать таблицей',
		hideTable: 'Скрыть таблицу'
	},
	units: {
		minutes: (n) => `${n} мин`,
		hours: (n) => `${n} ч`
	}
};
