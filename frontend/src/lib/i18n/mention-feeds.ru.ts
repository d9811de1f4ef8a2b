import type { MentionFeedsMessages } from './mention-feeds.en';

/** Строки раздела «Упоминания → Фиды» (подключены как `mentionFeeds` в ru.ts). */
export const mentionFeedsRu: MentionFeedsMessages = {
	title: 'Фиды',
	intro:
		'RSS- и Atom-фиды (сайты отзывов, поисковые оповещения), которые Otklik проверяет по расписанию. Новые записи становятся упоминаниями с языком и тональностью.',
	back: 'Все упоминания',
	add: 'Добавить фид',
	addTitle: 'Новый фид',
	editTitle: 'Изменить фид',
	listTitle: 'Фиды',
	emptyTitle: 'Фидов пока нет',
	emptyText: 'Добавьте RSS- или Atom-фид сайта отзывов или поискового оповещения, чтобы его записи приходили как упоминания.',
	readOnly: 'Добавлять и менять фиды могут только администраторы и аналитики.',
	limitNote: 'В пространстве может быть до 50 фидов. Фиды с ошибками проверяются всё реже (до раза в сутки), пока снова не заработают.',
	columns: {
		feed: 'Фид',
		status: 'Состояние',
		lastPolled: 'Проверен',
		nextPoll: 'Следующая проверка',
		items: 'Упоминания',
		enabled: 'Включён'
	},
	statuses: {
		ok: 'OK',
		not_modified: 'Без изменений',
		error: 'Ошибка',
		never: 'Ещё не проверялся'
	},
	failures: (n: string) => `ошибок подряд: ${n}`,
	every: (minutes: string) => `каждые ${minutes} мин`,
	paused: 'Приостановлен',
	enabledToggle: (name: string) => `Проверять ${name} по расписанию`,
	enabledOn: 'Вкл.',
	enabledOff: 'Пауза',
	toggled: (name: string, on: boolean) => (on ? `${name} снова проверяется по расписанию.` : `${name} приостановлен.`),
	pollNow: 'Проверить сейчас',
	pollNowFor: (name: string) => `Проверить ${name} сейчас`,
	polling: 'Проверяем…',
	edit: 'Изменить',
	editFor: (name: string) => `Изменить ${name}`,
	remove: 'Удалить',
	removeFor: (name: string) => `Удалить ${name}`,
	removeTitle: 'Удалить этот фид?',
	removeMessage: (name: string) => `${name} больше не будет проверяться.`,
	removeNote: 'Уже полученные из него упоминания останутся.',
	removed: (name: string) => `${name} удалён.`,
	created: (name: string) => `${name} добавлен. Он будет проверен через несколько секунд.`,
	saved: (name: string) => `${name} сохранён.`,
	pollResult: {
		ok: (name: string, created: string, existing: string) => `${name}: новых — ${created}, уже известных — ${existing}.`,
		not_modified: (name: string) => `${name} не изменился с прошлой проверки.`,
		error: (name: string, error: string) => `Не удалось прочитать ${name}: ${error}`
	},
	form: {
		url: 'Адрес фида',
		urlHint: 'Адрес RSS 2.0 или Atom в открытом интернете, например https://example.com/reviews.rss.',
		name: 'Название',
		nameHint: 'Показывается в этом списке, например «Отзывы на Отзовике».',
		source: 'Источник',
		sourceHint: 'Метка строчными латинскими буквами для его упоминаний, например otzovik или google-reviews.',
		interval: 'Проверять каждые (минут)',
		intervalHint: 'От 5 до 1440 (сутки).',
		enabled: 'Проверять по расписанию',
		create: 'Добавить фид',
		creating: 'Добавляем…',
		save: 'Сохранить',
		saving: 'Сохраняем…',
		fieldsMessage: 'Исправьте отмеченные поля.'
	}
};
