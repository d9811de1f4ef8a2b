import type { CasesMessages } from './cases.en';

/** 1 обращение, 2 обращения, 5 обращений. */
function plural(n: number, one: string, few: string, many: string): string {
	const mod10 = n % 10;
	const mod100 = n % 100;
	if (mod10 === 1 && mod100 !== 11) return one;
	if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
	return many;
}
const cases = (n: number) => plural(n, 'обращение', 'обращения', 'обращений');

/** Строки входящих обращений и страницы обращения (подключены как `cases` в ru.ts). */
export const casesRu: CasesMessages = {
	title: 'Обращения',
	intro: 'Каждый недовольный клиент становится чьим-то обращением со сроком. Сверху — обращения с ближайшим сроком.',
	tabsLabel: 'Разделы обращений',
	inboxTab: 'Входящие',
	reportsTab: 'Отчёты',
	newCase: 'Новое обращение',
	shortcutsButton: 'Горячие клавиши',
	readOnly: 'Вы можете смотреть обращения. Работают с ними администраторы, аналитики и ответственные за точки контакта.',
	statuses: { open: 'Открыто', waiting_customer: 'Ждём клиента', resolved: 'Решено', closed: 'Закрыто' },
	priorities: { urgent: 'Срочный', high: 'Высокий', normal: 'Обычный', low: 'Низкий' },
	sources: {
		response: 'Ответ на опрос',
		cancellation: 'Отказ от услуги',
		mention: 'Упоминание',
		cluster: 'Известная проблема',
		manual: 'Вручную',
		api: 'API'
	},
	channels: {
		social: 'Соцсети',
		chat: 'Чат',
		messenger: 'Мессенджер',
		email: 'Почта',
		web_form: 'Веб-форма',
		phone: 'Телефон',
		survey: 'Опрос',
		review: 'Отзыв',
		in_person: 'Лично',
		other: 'Другое'
	},
	priorityReasons: {
		known_issue: 'известная проблема',
		cancellation: 'отказ от услуги',
		high_mrr: 'клиент с высоким MRR',
		repeated_complaint: 'повторная жалоба',
		set_by_hand: 'задан вручную'
	},
	unassigned: 'Не назначено',
	formerMember: 'Бывший участник',
	titles: {
		scoreKinds: { nps: 'Критик NPS', csat: 'Низкая оценка CSAT', ces: 'Высокие усилия (CES)' } as Record<string, string>,
		lowScore: 'Низкая оценка',
		low_score: (kind: string, score: string, survey: string) => `${kind}: ${score} — ${survey}`,
		cancellation: (reason: string | null) => (reason ? `Отказ от услуги: ${reason}` : 'Отказ от услуги'),
		negative_mention: (source: string, author: string | null) => `Негативное упоминание в ${source}${author ? ` от ${author}` : ''}`,
		known_issue: (name: string) => `Известная проблема: ${name}`
	},
	customerId: (id: string) => `ID ${id}`,
	filters: {
		label: 'Фильтры обращений',
		status: 'Статус',
		statusViews: {
			active: 'В работе',
			open: 'Открытые',
			waiting_customer: 'Ждём клиента',
			resolved: 'Решённые',
			closed: 'Закрытые',
			all: 'Все статусы'
		},
		owner: 'Ответственный',
		anyOwner: 'Любой',
		mine: 'Мои',
		unassigned: 'Не назначены',
		members: 'Участники',
		touchpoint: 'Точка контакта',
		anyTouchpoint: 'Любая точка',
		priority: 'Приоритет',
		source: 'Источник',
		anySource: 'Любой источник',
		breached: 'Только с нарушенным SLA',
		reset: 'Сбросить фильтры'
	},
	list: {
		label: 'Обращения',
		shown: (n: number, more: boolean) => (more ? `Показано ${n} ${cases(n)}, ниже есть ещё` : `${n} ${cases(n)}`),
		selectAll: 'Выбрать все показанные обращения',
		select: (title: string) => `Выбрать обращение «${title}»`,
		columns: {
			select: 'Выбор',
			case: 'Обращение',
			customer: 'Клиент',
			touchpoint: 'Точка контакта',
			owner: 'Ответственный',
			priority: 'Приоритет',
			source: 'Источник',
			timers: 'Сроки SLA'
		},
		none: '—',
		refresh: 'Обновить',
		loadMore: 'Показать ещё',
		loadingMore: 'Загрузка…',
		emptyTitle: 'Открытых обращений нет',
		emptyText:
			'Обращения открываются сами — по критикам, низким оценкам, отказам от услуги, негативным упоминаниям и известным проблемам. Можно открыть и вручную.',
		noMatchesTitle: 'Под эти фильтры обращений нет',
		noMatchesText: 'Выберите другой статус, ответственного или приоритет либо сбросьте фильтры.',
		reopened: 'Открыто повторно',
		breached: 'SLA нарушен',
		overdue: 'Просрочено'
	},
	timer: {
		firstResponse: 'Первый ответ',
		resolution: 'Решение',
		dueIn: (d: string) => `через ${d}`,
		overdue: (d: string) => `просрочено на ${d}`,
		paused: 'на паузе',
		pausedLeft: (d: string) => `на паузе, осталось ${d}`,
		pausedOverdue: (d: string) => `на паузе, просрочено на ${d}`,
		met: 'в срок',
		metLate: 'с опозданием',
		none: 'без срока',
		stopped: 'не выполнено',
		dueAt: (at: string) => `Срок ${at}`,
		metAt: (at: string) => `Выполнено ${at}`,
		atRisk: 'под угрозой',
		units: { d: 'д', h: 'ч', m: 'м', s: 'с' }
	},
	bulk: {
		label: 'Действия с выбранными',
		selected: (n: number) => `Выбрано: ${n}`,
		assignTo: 'Назначить',
		choose: 'Выберите…',
		unassign: 'Никого (снять назначение)',
		apply: 'Назначить',
		applying: 'Назначаем…',
		clear: 'Снять выбор',
		assigned: (n: number, name: string) => `${name}: назначено ${n} ${cases(n)}.`,
		unassigned: (n: number) => `Снято назначение с ${n} ${plural(n, 'обращения', 'обращений', 'обращений')}.`,
		failed: (n: number) => `Не назначено ${n} ${cases(n)}: не найдены (удалены или в другом рабочем пространстве).`
	},
	assignDialog: {
		title: (n: number) => (n === 1 ? 'Назначить обращение' : `Назначить ${n} ${cases(n)}`),
		member: 'Участник'
	},
	newCaseDialog: {
		title: 'Новое обращение вручную',
		caseTitle: 'Заголовок',
		description: 'Описание',
		customer: 'ID клиента',
		customerHint: 'ID клиента в вашей системе, как на странице «Клиенты».',
		touchpoint: 'Точка контакта',
		noTouchpoint: 'Нет',
		priority: 'Приоритет',
		byRules: 'По правилам приоритета',
		owner: 'Ответственный',
		routeAutomatically: 'Назначить автоматически (ответственный или команда точки)',
		channel: 'Канал',
		channelAuto: 'Как у точки контакта',
		create: 'Открыть обращение',
		creating: 'Открываем…',
		created: (n: number) => `Обращение №${n} открыто.`,
		fieldsMessage: 'Исправьте отмеченные поля.'
	},
	shortcuts: {
		title: 'Горячие клавиши',
		intro: 'Клавиши работают, когда вы не печатаете в поле.',
		keyColumn: 'Клавиши',
		actionColumn: 'Действие',
		or: 'или',
		inbox: 'Входящие',
		casePage: 'Страница обращения',
		next: 'Следующее обращение',
		previous: 'Предыдущее обращение',
		toggle: 'Выбрать обращение или снять выбор',
		open: 'Открыть обращение',
		assign: 'Назначить (выбранные, иначе текущее)',
		newCase: 'Новое обращение',
		reply: 'Написать ответ',
		assignCase: 'Сменить ответственного',
		back: 'Вернуться во входящие',
		help: 'Показать эту справку'
	},
	detail: {
		back: 'Входящие',
		loadErrorTitle: 'Обращение не найдено',
		notFound: 'Такого обращения нет, или оно в другом рабочем пространстве.',
		description: 'Описание',
		noDescription: 'Без описания.',
		details: 'Сведения',
		customer: 'Клиент',
		noCustomer: 'Не связано с клиентом',
		touchpoint: 'Точка контакта',
		channel: 'Канал',
		source: 'Источник',
		openSource: 'Открыть источник',
		originalPost: 'Исходная публикация',
		sourceId: 'ID источника',
		openedAt: 'Открыто',
		priorityReasons: 'Причины приоритета',
		escalatedTo: 'Эскалировано',
		timers: 'Сроки SLA',
		handling: 'Работа с обращением',
		owner: 'Ответственный',
		priority: 'Приоритет',
		waitOnCustomer: 'Ждать клиента',
		resume: 'Клиент ответил: продолжить',
		waitingHint: 'Ждём клиента: сроки на паузе.',
		closeCase: 'Закрыть обращение',
		saved: 'Сохранено.',
		reply: {
			title: 'Записать ответ',
			text: 'Ответ',
			from: 'От кого',
			fromAgent: 'Мы — клиенту',
			fromCustomer: 'Клиент',
			wait: 'Затем ждать клиента (сроки на паузе)',
			submit: 'Записать ответ',
			submitting: 'Записываем…',
			hint: 'Ctrl+Enter — записать. Наш первый ответ выполняет срок первого ответа.',
			logged: 'Ответ записан.',
			firstResponse: 'Ответ записан: срок первого ответа выполнен.',
			closed: 'Обращение закрыто. Низкая повторная оценка откроет его снова.'
		},
		audit: {
			title: 'История',
			label: 'События обращения, сначала новые',
			empty: 'Событий пока нет.'
		},
		close: {
			title: 'Закрыть обращение',
			intro: 'Чтобы закрыть обращение, укажите первопричину и что было сделано.',
			rootCause: 'Первопричина',
			rootCauseHint: 'Почему это случилось.',
			actionTaken: 'Что сделано',
			actionTakenHint: 'Что сделали для клиента и чтобы это не повторилось.',
			churnReason: 'Причина ухода',
			churnRequired: 'Обязательно: клиент ушёл.',
			churnOptional: 'Только если клиент ушёл.',
			noReason: '— Нет —',
			submit: 'Закрыть обращение',
			submitting: 'Закрываем…',
			closed: 'Обращение закрыто.'
		},
		resolution: {
			title: 'Решение',
			rootCause: 'Первопричина',
			actionTaken: 'Что сделано',
			churnReason: 'Причина ухода',
			closedAt: 'Закрыто'
		},
		followUp: {
			title: 'Повторная оценка (CSAT)',
			intro: 'Спросите клиента, доволен ли он тем, как решили обращение, и запишите ответ. Оценка 1 или 2 снова откроет обращение.',
			score: 'Оценка (1 — совсем недоволен, 5 — очень доволен)',
			comment: 'Комментарий клиента',
			submit: 'Записать оценку',
			submitting: 'Записываем…',
			recorded: (n: number) => `Повторная оценка ${n}/5 записана.`,
			reopened: (n: number) => `Повторная оценка ${n}/5: обращение снова открыто.`,
			result: (n: number) => `Клиент оценил работу на ${n}/5.`,
			chooseScore: 'Выберите оценку.'
		}
	},
	events: {
		kinds: {
			opened: 'Открыто',
			reply: 'Ответ',
			assigned: 'Назначено',
			priority_changed: 'Изменён приоритет',
			status_changed: 'Изменён статус',
			sla_warned: 'SLA под угрозой',
			sla_breached: 'SLA нарушен',
			closed: 'Закрыто',
			follow_up: 'Повторная оценка',
			reopened: 'Открыто повторно'
		},
		system: 'Система',
		token: 'API-токен',
		by: (name: string) => name,
		fromCustomer: 'От клиента',
		fromAgent: 'Клиенту',
		firstResponse: 'Первый ответ',
		change: (from: string, to: string) => `${from} → ${to}`,
		becameOwner: (name: string) => `Назначено: ${name} — теперь ответственный за точку контакта`,
		routedBy: {
			explicit: 'ответственный выбран вручную',
			round_robin: 'по очереди в команде',
			touchpoint_owner: 'ответственному за точку контакта',
			unassigned: 'ответственный не найден'
		},
		openedFrom: (source: string) => `Источник: ${source}`,
		timers: { first_response: 'Первый ответ', resolution: 'Решение' },
		due: (timer: string, at: string) => `${timer}: срок ${at}`,
		score: (n: number) => `Оценка ${n}/5`,
		lowFollowUp: (n: number) => `Низкая повторная оценка (${n}/5)`,
		resolutionDue: (at: string) => `Новый срок решения: ${at}`
	}
};
