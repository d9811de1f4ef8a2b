import type { MentionFeedsMessages } from './mention-feeds.en';

/** Низове на „Споменавания → Емисии“ (включени като `mentionFeeds` в bg.ts). */
export const mentionFeedsBg: MentionFeedsMessages = {
	title: 'Емисии',
	intro:
		'RSS и Atom емисии (сайтове за отзиви, известия от търсачки), които Otklik проверява по график. Новите публикации стават споменавания с определени език и тоналност.',
	back: 'Всички споменавания',
	add: 'Добави емисия',
	addTitle: 'Нова емисия',
	editTitle: 'Редактиране на емисия',
	listTitle: 'Емисии',
	emptyTitle: 'Все още няма емисии',
	emptyText: 'Добавете RSS или Atom емисията на сайт за отзиви или на известие от търсачка, за да постъпват публикациите ѝ като споменавания.',
	readOnly: 'Само администратори и анализатори могат да добавят и променят емисии.',
	limitNote:
		'Едно работно пространство може да има до 50 емисии. Неуспешните емисии се проверяват все по-рядко (до веднъж дневно), докато не заработят отново.',
	columns: {
		feed: 'Емисия',
		status: 'Статус',
		lastPolled: 'Последна проверка',
		nextPoll: 'Следваща проверка',
		items: 'Споменавания',
		enabled: 'Включена'
	},
	statuses: {
		ok: 'OK',
		not_modified: 'Без промени',
		error: 'Грешка',
		never: 'Още не е проверена'
	},
	failures: (n: string) => `неуспешни поред: ${n}`,
	every: (minutes: string) => `на всеки ${minutes} мин`,
	paused: 'На пауза',
	enabledToggle: (name: string) => `Проверявай ${name} по график`,
	enabledOn: 'Вкл.',
	enabledOff: 'На пауза',
	toggled: (name: string, on: boolean) =>
		on ? `Емисията „${name}“ отново се проверява по график.` : `Емисията „${name}“ е на пауза.`,
	pollNow: 'Провери сега',
	pollNowFor: (name: string) => `Провери ${name} сега`,
	polling: 'Проверка…',
	edit: 'Редактирай',
	editFor: (name: string) => `Редактирай ${name}`,
	remove: 'Изтрий',
	removeFor: (name: string) => `Изтрий ${name}`,
	removeTitle: 'Изтриване на емисията?',
	removeMessage: (name: string) => `Емисията „${name}“ вече няма да се проверява.`,
	removeNote: 'Споменаванията, които вече е донесла, остават.',
	removed: (name: string) => `Емисията „${name}“ е изтрита.`,
	created: (name: string) => `Емисията „${name}“ е добавена. Ще бъде проверена след малко.`,
	saved: (name: string) => `Емисията „${name}“ е запазена.`,
	pollResult: {
		ok: (name: string, created: string, existing: string) => `${name}: нови ${created}, вече известни ${existing}.`,
		not_modified: (name: string) => `Емисията „${name}“ не се е променила от последната проверка.`,
		error: (name: string, error: string) => `Емисията „${name}“ не може да бъде прочетена: ${error}`
	},
	form: {
		url: 'URL на емисията',
		urlHint: 'RSS 2.0 или Atom адрес в публичния интернет, напр. https://example.com/reviews.rss.',
		name: 'Име',
		nameHint: 'Показва се в този списък, напр. „Отзиви от Otzovik“.',
		source: 'Източник',
		sourceHint: 'Етикет с малки букви за споменаванията от нея, напр. otzovik или google-reviews.',
		interval: 'Проверка на всеки (минути)',
		intervalHint: 'От 5 до 1440 (едно денонощие).',
		enabled: 'Проверявай по график',
		create: 'Добави емисия',
		creating: 'Добавяне…',
		save: 'Запази',
		saving: 'Запазване…',
		fieldsMessage: 'Моля, коригирайте отбелязаните полета.'
	}
};
