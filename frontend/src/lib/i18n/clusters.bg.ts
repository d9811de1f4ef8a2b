import type { ClustersMessages } from './clusters.en';
import { pluralBg } from './plural';

/** Низове на страниците „Клъстери“ (включени като `clusters` в bg.ts). */
export const clustersBg: ClustersMessages = {
	title: 'Клъстери',
	intro: 'Оплакванията, групирани по тема: коментари от анкети, прекратявания, негативни споменавания и импортирани оплаквания.',
	loadError: 'Клъстерите не можаха да се заредят.',
	retry: 'Опитай отново',
	viewerNote:
		'Вашата роля позволява преглед на клъстерите. За преименуване, закачане, обединяване и преместване на текстове е нужен администратор или анализатор.',
	sources: {
		response: 'Коментари от анкети',
		cancellation: 'Прекратявания',
		mention: 'Споменавания',
		complaint: 'Оплаквания',
		import: 'Импорти'
	},
	sentiment: { negative: 'Негативна', neutral: 'Неутрална', positive: 'Позитивна' },
	filters: {
		label: 'Филтри на клъстерите',
		sources: 'Източници',
		touchpoint: 'Точка на контакт',
		touchpointPlaceholder: 'Всички точки на контакт',
		language: 'Език',
		anyLanguage: 'Всички езици',
		period: 'Период',
		periods: { all: 'За цялото време', '7': 'Последните 7 дни', '30': 'Последните 30 дни', '90': 'Последните 90 дни' },
		reset: 'Изчисти филтрите',
		sort: 'Подреждане по',
		sortSize: 'Размер',
		sortGrowth: 'Ръст',
		pinnedOnly: 'Само известни проблеми'
	},
	summary: {
		label: 'Състояние на клъстеризацията',
		clustered: 'Текстове в клъстери',
		unclustered: 'Извън клъстери',
		unplaced: 'Чакат разпределяне',
		lastRebuild: 'Последно преизграждане',
		never: 'Никога',
		showUnclustered: 'Покажи текстовете извън клъстери'
	},
	rebuild: {
		button: 'Преизгради сега',
		running: 'Преизграждане…',
		progress: 'Напредък на преизграждането',
		stage: (stage: string, percent: string) => `${stage} · ${percent}`,
		stages: {
			starting: 'Стартиране',
			analyse: 'Четене на текстовете',
			vectorise: 'Претегляне на думите',
			reduce: 'Сгъстяване',
			neighbours: 'Търсене на сходни текстове',
			communities: 'Оформяне на групи',
			labels: 'Именуване на клъстерите',
			done: 'Готово'
		},
		done: (clusters: string, texts: string, seconds: string) => `Готово: клъстери ${clusters} от текстове ${texts} за ${seconds} с.`,
		tooFew: 'Готово, но текстовете са по-малко от 10: все още няма какво да се групира.',
		failed: (error: string) => `Преизграждането не успя: ${error}`
	},
	card: {
		size: 'Текстове',
		lastWeek: 'Последните 7 дни',
		previousWeek: 'Предходните 7 дни',
		weekBars: (last: string, previous: string) => `Текстове: ${last} за последните 7 дни, ${previous} за предходните 7 дни`,
		growth: (percent: string) => `${percent} спрямо предходните 7 дни`,
		new: 'Нов тази седмица',
		flat: 'Без промяна',
		pinned: 'Известен проблем',
		generated: (label: string) => `Автоматично име: ${label}`,
		keywords: 'Ключови думи',
		examples: 'Примерни текстове',
		sentimentSummary: (negative: string, neutral: string, positive: string) =>
			`Тоналност: негативни ${negative}, неутрални ${neutral}, позитивни ${positive}`,
		open: (name: string) => `Отвори клъстер ${name}`
	},
	list: {
		label: 'Клъстери, подредени по ранг',
		bySize: 'Подредени по размер',
		byGrowth: 'Подредени по ръст'
	},
	empty: {
		title: 'Все още няма клъстери',
		text: 'Текстовете идват от коментари в анкети, прекратявания, негативни споменавания и оплаквания, изпратени през API за импорт (POST …/feedback-texts/bulk). Преизграждането ги групира в клъстери по проблем.',
		filtered: 'Няма клъстери по тези филтри.',
		noTexts: 'Все още няма текстове.'
	},
	detail: {
		back: 'Всички клъстери',
		notFoundTitle: 'Клъстерът не е намерен',
		notFoundText: 'Възможно е да е обединен с друг клъстер или да е премахнат при преизграждане.',
		rename: 'Преименувай',
		nameLabel: 'Име на клъстера',
		nameHint: 'Оставете полето празно, за да се върне автоматичното име. Името се запазва при преизграждане.',
		save: 'Запази',
		cancel: 'Отказ',
		renamed: 'Името е запазено.',
		pin: 'Закачи като известен проблем',
		unpin: 'Откачи',
		pinnedStatus: 'Закачен като известен проблем.',
		unpinnedStatus: 'Вече не е известен проблем.',
		merge: 'Обедини с…',
		mergeTitle: 'Обединяване на клъстера',
		mergeTarget: 'Обедини с',
		mergeChoose: 'Изберете клъстер',
		mergeNone: 'Няма друг клъстер, с който да се обедини.',
		mergeConfirm: 'Обедини',
		mergeMessage: (from: string, into: string) =>
			`Всички текстове от „${from}“ се преместват в „${into}“, а „${from}“ изчезва. Обединяването се запазва при преизграждане.`,
		merged: (into: string) => `Обединен с „${into}“.`,
		size: 'Текстове',
		trend: 'Тенденция',
		interval: 'Групиране по',
		intervals: { day: 'Ден', week: 'Седмица', month: 'Месец' },
		trendSummary: (total: string, buckets: string) => `Текстове: ${total}, периоди: ${buckets}`,
		trendTable: 'Покажи като таблица',
		period: 'Период',
		count: 'Текстове',
		noTrend: 'Няма текстове през този период.',
		churnReasons: 'Причини за напускане',
		churnReasonsNote: 'От прекратяванията в този клъстер.',
		touchpoints: 'Точки на контакт',
		sources: 'Източници',
		none: 'Няма.',
		noTouchpoint: 'Без точка на контакт',
		alerts: 'Сигнали за ръст',
		noAlerts: 'Няма сигнали за ръст за този клъстер.',
		alert: (recent: string, previous: string, days: string) =>
			`Текстове: ${recent} за последните ${days} дни срещу ${previous} за предходните ${days} дни`
	},
	texts: {
		title: 'Текстове',
		selectAll: 'Избери всички текстове на тази страница',
		select: 'Избери този текст',
		text: 'Текст',
		source: 'Източник',
		sentiment: 'Тоналност',
		touchpoint: 'Точка на контакт',
		date: 'Дата',
		movedByPerson: 'Разпределен ръчно',
		movedShort: 'ръчно',
		selected: (count: string) => `Избрани: ${count}`,
		moveTo: 'Премести в',
		moveChoose: 'Изберете къде',
		newCluster: 'Нов клъстер…',
		outOfClusters: 'Извън всички клъстери',
		newName: 'Име на новия клъстер',
		newNameRequired: 'Дайте име на новия клъстер.',
		move: 'Премести',
		moved: (shown: string, count: number) => `${pluralBg(count, 'Преместен е', 'Преместени са')} ${shown} ${pluralBg(count, 'текст', 'текста')}.`,
		pagingLabel: 'Страници с текстове',
		previous: 'Предишна',
		next: 'Следваща',
		range: (first: string, last: string, total: string) => `${first}–${last} от ${total}`
	},
	unclustered: {
		title: 'Текстове извън клъстери',
		intro: 'Текстове, които все още не пасват в нито един клъстер. Преместете ги ръчно в клъстер или оставете следващото преизграждане да опита отново.'
	}
};
