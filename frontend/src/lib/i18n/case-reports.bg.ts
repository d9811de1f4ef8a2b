import type { caseReportsEn } from './case-reports.en';
import { pluralBg } from './plural';
import { monthPeriodFieldsBg } from './month-periods';

/** Низове на страницата с отчети за казусите (включени като `caseReports` в bg.ts). */
export const caseReportsBg: typeof caseReportsEn = {
	title: 'Отчети за казусите',
	intro: 'Спазване на SLA, време за отговор и решаване и какво казват клиентите след това: скоростта редом с качеството.',
	timeNote:
		'Времената са в SLA време, както го отчитат целевите срокове: работните часове по календара на политиката на всеки казус, без времето за изчакване на клиента. Казусът влиза в спазването, щом изходът му е известен.',
	empty: 'През този период не са отваряни казуси.',
	filters: {
		label: 'Филтри на отчета',
		...monthPeriodFieldsBg,
		groupBy: 'Групиране по',
		groups: { touchpoint: 'Точка на контакт', owner: 'Отговорник', channel: 'Канал', priority: 'Приоритет', month: 'Месец на отваряне' },
		touchpoint: 'Точка на контакт',
		owner: 'Отговорник',
		channel: 'Канал',
		priority: 'Приоритет',
		any: 'Всички',
		unassigned: 'Невъзложени'
	},
	kpi: {
		label: 'Основни показатели',
		firstResponse: 'Първи отговор в рамките на SLA',
		resolution: 'Решени в рамките на SLA',
		measured: (met: string, measured: string) => `${met} от ${measured} с известен изход`,
		pending: (n: string) => `още текат: ${n}`,
		firstResponseTime: 'Време за първи отговор',
		resolutionTime: 'Време за решаване',
		medianP90: (median: string, p90: string) => `медиана ${median} · p90 ${p90}`,
		timed: (n: string, count: number) => `за ${n} ${pluralBg(count, 'казус', 'казуса')}`,
		closedLoop: 'Дял на затворения цикъл',
		closedLoopDetail: (met: string, measured: string) => `${met} от ${measured} критици са потърсени в срок`,
		followUp: 'Последваща CSAT оценка',
		followUpDetail: (csat: string, share: string) => `доволни (4–5): ${csat} · отговорили: ${share} от затворените казуси`,
		breaches: 'Нарушения',
		breachesDetail: (cases: string, total: string) => `казуси с пропуснат срок: ${cases} от ${total}`
	},
	table: {
		title: (by: string) => `По ${by.toLowerCase()}`,
		intro: 'Спазване на сроковете и времена редом с последващата CSAT оценка на същите казуси.',
		caption: 'Показатели на казусите по групи',
		group: 'Група',
		cases: 'Казуси',
		firstResponse: 'Първи отговор в SLA',
		firstResponseTime: 'Първи отговор, медиана / p90',
		resolution: 'Решени в SLA',
		resolutionTime: 'Решаване, медиана / p90',
		breaches: 'Нарушения',
		csat: 'Последваща CSAT',
		closedLoop: 'Затворен цикъл',
		total: 'Всички казуси',
		noTouchpoint: 'Без точка на контакт',
		unassigned: 'Невъзложени',
		answers: (count: number, shown: string) => `${shown} ${pluralBg(count, 'отговор', 'отговора')}`
	},
	tradeOff: {
		title: 'Скорост срещу качество',
		intro: 'По една точка за група: медианното време за решаване и средната последваща CSAT оценка на същите казуси (решени казуси с отговор). Бързо, но с ниска оценка означава скорост за сметка на качеството.',
		x: 'Медианно време за решаване, часове (SLA)',
		y: 'Средна последваща CSAT (1–5)',
		empty: 'През този период все още няма решен казус с последваща CSAT оценка.',
		summary: (n: number) =>
			`Точкова диаграма на ${n} ${pluralBg(n, 'група', 'групи')}: време за решаване спрямо последващата CSAT оценка. Същите стойности са в таблицата по-горе.`,
		point: (label: string, time: string, csat: string, cases: string) => `${label}: ${time}, CSAT ${csat} (казуси: ${cases})`
	},
	breaches: {
		title: 'Нарушения във времето',
		intro: 'Пропуснати срокове и спазване по седмицата или месеца, в който са отворени казусите.',
		interval: 'Интервал',
		intervals: { week: 'Седмици', month: 'Месеци' },
		breaches: 'Нарушения',
		firstResponse: 'Първи отговор в SLA, %',
		resolution: 'Решени в SLA, %',
		percentAxis: 'Спазване, %',
		countAxis: 'Нарушения',
		summary: (breaches: string, periods: string) => `Стълбовидна и линейна диаграма: нарушения ${breaches}, периоди ${periods}.`,
		period: 'Период',
		showTable: 'Покажи като таблица',
		hideTable: 'Скрий таблицата'
	},
	units: {
		minutes: (n: string) => `${n} мин`,
		hours: (n: string) => `${n} ч`
	}
};
