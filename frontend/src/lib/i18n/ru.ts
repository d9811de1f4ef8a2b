import { accountRu } from './account.ru';
import { overviewRu } from './overview.ru';
import { caseReportsRu } from './case-reports.ru';
import { casesRu } from './cases.ru';
import { clustersRu } from './clusters.ru';
import { touchpointsRu } from './touchpoints.ru';
import { mentionFeedsRu } from './mention-feeds.ru';
import { churnRu } from './churn.ru';
import { churnSetupRu } from './churn-setup.ru';
import { webhooksRu } from './webhooks.ru';
import { identityRu } from './identity.ru';
import { linkSurveyRu } from './link-survey.ru';
import { customerTimelineRu } from './customer-timeline.ru';
import { customerImportRu } from './customer-import.ru';
import { mentionsRu } from './mentions.ru';
import type { Messages } from './en';
import { pluralRu } from './plural';

/** Russian UI strings; must have exactly the keys of en.ts. */
export const ru: Messages = {
	languageName: 'Русский',
	account: accountRu,
	cases: casesRu,
	caseReports: caseReportsRu,
	webhooks: webhooksRu,
	identity: identityRu,
	linkSurvey: linkSurveyRu,
	touchpoints: touchpointsRu,
	churn: churnRu,
	churnSetup: churnSetupRu,
	customerTimeline: customerTimelineRu,
	customerImport: customerImportRu,
	mentions: mentionsRu,
	mentionFeeds: mentionFeedsRu,
	clusters: clustersRu,
	app: {
		name: 'Отклик',
		tagline: 'Отзывы клиентов, опросы и причины оттока в одном месте',
		loading: 'Загрузка…',
		skipToContent: 'Перейти к содержимому'
	},
	locale: {
		label: 'Язык'
	},
	nav: {
		label: 'Основная навигация',
		openMenu: 'Открыть меню',
		closeMenu: 'Закрыть меню',
		menu: 'Меню',
		overview: 'Обзор',
		surveys: 'Опросы',
		touchpoints: 'Точки контакта',
		cases: 'Обращения',
		churn: 'Отток',
		mentions: 'Упоминания',
		clusters: 'Кластеры',
		customers: 'Клиенты',
		settings: 'Настройки'
	},
	workspace: {
		label: 'Рабочее пространство',
		create: 'Новое пространство',
		createTitle: 'Создать рабочее пространство',
		createIntro: 'У каждого пространства свои опросы, отзывы, участники и API-токены.',
		nameLabel: 'Название пространства',
		createSubmit: 'Создать пространство',
		createPending: 'Создаём…',
		noneTitle: 'Пока нет пространства',
		noneText: 'Вы не состоите ни в одном рабочем пространстве. Создайте своё, чтобы начать.'
	},
	user: {
		menu: 'Меню учётной записи',
		signedInAs: 'Вы вошли как',
		logout: 'Выйти',
		loggingOut: 'Выходим…'
	},
	roles: {
		viewer: 'Наблюдатель',
		analyst: 'Аналитик',
		admin: 'Администратор',
		owner: 'Владелец'
	},
	common: {
		cancel: 'Отмена',
		close: 'Закрыть',
		copy: 'Копировать',
		copied: 'Скопировано в буфер обмена',
		copyFailed: 'Не удалось скопировать автоматически. Выделите текст и скопируйте его вручную.',
		retry: 'Повторить',
		never: 'Никогда',
		loading: 'Загрузка…',
		you: 'вы',
		actions: 'Действия',
		optional: 'необязательно',
		requestId: (id: string) => `ID запроса: ${id}`
	},
	errors: {
		invalidCredentials: 'Неверный email или пароль.',
		lastAdmin: 'В рабочем пространстве должен остаться хотя бы один администратор: сначала назначьте администратором кого-то ещё.',
		alreadyMember: 'Этот человек уже состоит в рабочем пространстве.',
		forbidden: 'Ваша роль не позволяет это сделать. Обратитесь к администратору пространства.',
		invitationGone: 'Срок действия приглашения истёк, или оно уже использовано.',
		generic: 'Что-то пошло не так. Попробуйте ещё раз.',
		network: 'Не удаётся связаться с сервером «Отклика». Проверьте подключение и попробуйте ещё раз.',
		tooManyRequests: 'Слишком много попыток. Подождите немного и попробуйте позже.',
		csrf: 'Сессия изменилась в другой вкладке. Обновите страницу и попробуйте ещё раз.',
		clusterNotActive: 'Этот кластер только что объединили или изменили. Обновите список кластеров и попробуйте ещё раз.',
		staleSurvey:
			'Кто-то другой сохранил этот опрос после того, как вы его открыли. Загрузите его заново, чтобы увидеть их изменения, и внесите свои ещё раз (несохранённые правки здесь будут отброшены).',
		notFoundTitle: 'Страница не найдена',
		notFoundText: 'По этому адресу ничего нет.',
		errorTitle: 'Что-то пошло не так',
		backHome: 'Вернуться к обзору'
	},
	login: {
		title: 'Вход',
		subtitle: 'Войдите в своё рабочее пространство «Отклика».',
		email: 'Электронная почта',
		password: 'Пароль',
		submit: 'Войти',
		pending: 'Входим…'
	},
	invite: {
		pageTitle: 'Приглашение',
		title: (workspace: string) => `Присоединиться к «${workspace}»`,
		summary: (email: string, role: string) => `Приглашение для ${email}. Роль: ${role}.`,
		expires: (date: string) => `Приглашение действует до ${date}.`,
		invalidTitle: 'Приглашение недоступно',
		invalidText: 'Ссылка-приглашение недействительна, устарела или уже использована. Попросите администратора пространства прислать новую.',
		goToLogin: 'Перейти ко входу',
		name: 'Ваше имя',
		newPassword: 'Придумайте пароль',
		submit: 'Принять и продолжить',
		pending: 'Присоединяем…'
	},
	overview: overviewRu,
	comingSoon: {
		badge: 'Скоро',
		text: 'Этот раздел ещё в разработке. Он появится в одной из следующих версий «Отклика».'
	},
	sections: {
		surveys: {
			title: 'Опросы',
			description: 'Создавайте опросы NPS, CSAT и собственные анкеты и следите за результатами.'
		},
		touchpoints: {
			title: 'Точки контакта',
			description: 'Отметьте, где клиенты встречаются с продуктом и где вы просите обратную связь.'
		},
		churn: {
			title: 'Отток',
			description: 'Узнайте, почему уходят клиенты, с разбивкой по причинам и сегментам.'
		},
		mentions: {
			title: 'Упоминания',
			description: 'Собирайте, что о вас говорят в отзывах и соцсетях.'
		},
		clusters: {
			title: 'Кластеры',
			description: 'Автоматически объединяйте похожие отзывы в темы.'
		},
		customers: {
			title: 'Клиенты',
			description: 'Ответы, обращения и история каждого клиента в одном месте.'
		}
	},
	surveys: {
		title: 'Опросы',
		intro: 'Создавайте опросы NPS, CSAT, CES и свои собственные, встраивайте их на сайт и следите за результатами.',
		newSurvey: 'Новый опрос',
		readOnly: 'Вы можете смотреть опросы и их результаты. Создавать и менять опросы могут только администраторы и аналитики.',
		emptyTitle: 'Опросов пока нет',
		emptyText: 'Создайте опрос NPS, CSAT, CES или свой, встройте его на сайт — и ответы начнут поступать.',
		emptyTextReadOnly: 'В этом пространстве ещё не создано ни одного опроса.',
		tableLabel: 'Опросы этого пространства',
		name: 'Название',
		kind: 'Тип',
		touchpoint: 'Точка контакта',
		status: 'Статус',
		languages: 'Языки',
		responses: 'Ответы',
		created: 'Создан',
		results: 'Результаты',
		resultsFor: (name: string) => `Результаты опроса ${name}`,
		rateOfDisplays: (percent: string, displays: string) => `${percent} от ${displays} показов`,
		noDisplays: 'Показов пока не было',
		kinds: {
			nps: 'NPS',
			csat: 'CSAT',
			ces: 'CES',
			custom: 'Свой'
		},
		kindDescriptions: {
			nps: 'Индекс потребительской лояльности: насколько вероятно, что вас порекомендуют, от 0 до 10, и уточняющий вопрос.',
			csat: 'Удовлетворённость конкретным опытом по шкале 1–5 и уточняющий вопрос.',
			ces: 'Индекс усилий клиента: насколько легко было решить задачу, и уточняющий вопрос.',
			custom: 'Ваши вопросы: один или несколько вариантов, оценки, NPS и свободный ответ.'
		},
		statuses: {
			draft: 'Черновик',
			live: 'Активен',
			paused: 'На паузе',
			closed: 'Закрыт'
		}
	},
	newSurvey: {
		title: 'Новый опрос',
		intro: 'Выберите тип и основные настройки. Формулировки, правила показа и оформление — на следующем шаге.',
		back: 'Все опросы',
		kindLegend: 'Тип опроса',
		cesScaleLegend: 'Шкала усилий',
		cesScale: (max: number) => `1–${max}`,
		cesScaleHint: 'Шкала 1–7 даёт более точные ответы, 1–5 быстрее заполнить на телефоне.',
		name: 'Название опроса',
		nameHint: 'Его видит только ваша команда, например «NPS после оформления заказа».',
		touchpoint: 'Точка контакта',
		touchpointHint: 'Где клиенты встречают этот опрос, например «Оформление заказа» или «Чат поддержки».',
		submit: 'Создать опрос',
		pending: 'Создаём…'
	},
	languagePicker: {
		legend: 'Языки',
		hint: 'Для NPS, CSAT и CES есть готовые формулировки на английском, русском, болгарском и немецком. Для другого языка добавьте его код и напишите тексты сами.',
		other: 'Код другого языка',
		otherHint: 'Например fr, es или pt-BR.',
		add: 'Добавить язык',
		remove: (name: string) => `Убрать язык: ${name}`,
		invalidCode: 'Укажите код языка, например fr или pt-BR.',
		duplicate: 'Этот язык уже есть в списке.',
		none: 'Выберите хотя бы один язык.',
		defaultLanguage: 'Язык по умолчанию',
		defaultHint: 'Используется, если языка посетителя нет среди языков опроса, а также для текстов, не заполненных на другом языке.'
	},
	surveyPage: {
		backToList: 'Все опросы',
		navLabel: 'Разделы опроса',
		build: 'Конструктор',
		results: 'Результаты',
		version: (version: number) => `Версия ${version}`,
		createdOn: (date: string) => `Создан ${date}`,
		readOnly: 'Вы можете просматривать этот опрос. Менять его могут только администраторы и аналитики.',
		notFound: 'Такого опроса нет в этом пространстве, или он был удалён.',
		tabs: {
			questions: 'Вопросы',
			settings: 'Показ и оформление',
			embed: 'Встраивание'
		},
		unsaved: 'Есть несохранённые изменения',
		leaveConfirm: 'Есть несохранённые изменения. Уйти со страницы, не сохранив их?',
		discard: 'Отменить изменения',
		fixErrors: 'Некоторые поля нужно исправить: смотрите сообщения рядом с ними.',
		reloadLatest: 'Загрузить последнюю версию'
	},
	statusActions: {
		label: 'Статус',
		publish: 'Опубликовать',
		pause: 'Приостановить',
		resume: 'Возобновить',
		close: 'Закрыть опрос',
		reopen: 'Открыть снова',
		confirmTitle: {
			publish: 'Опубликовать опрос?',
			pause: 'Приостановить опрос?',
			resume: 'Возобновить опрос?',
			close: 'Закрыть опрос?',
			reopen: 'Открыть опрос снова?'
		},
		confirmText: {
			publish: 'Опрос начнёт показываться на сайтах, где он встроен, по своим правилам показа. После этого изменение вопросов будет создавать новую версию.',
			pause: 'Опрос перестанет показываться, пока вы его не возобновите. Собранные ответы сохранятся.',
			resume: 'Опрос снова начнёт показываться на сайтах, где он встроен.',
			close: 'Опрос перестанет показываться и собирать ответы. Результаты останутся доступны, а открыть опрос снова можно позже.',
			reopen: 'Опрос снова начнёт показываться и собирать ответы.'
		},
		done: {
			publish: 'Опрос опубликован.',
			pause: 'Опрос приостановлен.',
			resume: 'Опрос снова активен.',
			close: 'Опрос закрыт.',
			reopen: 'Опрос снова активен.'
		},
		unsavedNote: 'Несохранённые изменения не публикуются: сначала сохраните их.'
	},
	questionsEditor: {
		title: 'Вопросы',
		wordingLanguage: 'Язык текстов',
		fallbackHint: (language: string) => `Вместо пустых полей будет показан текст на языке «${language}».`,
		scoreQuestion: 'Вопрос с оценкой',
		questionText: 'Вопрос',
		minLabel: 'Подпись у низкой оценки',
		maxLabel: 'Подпись у высокой оценки',
		followUp: 'Уточняющий вопрос',
		followUpIntro: 'Задаётся после оценки; формулировка зависит от поставленной оценки.',
		followUpDefault: 'Формулировка, если оценки нет',
		band: (name: string, min: number, max: number) => (min === max ? `${name} (${min})` : `${name} (${min}–${max})`),
		bandNames: {
			nps: { low: 'Критики', middle: 'Нейтралы', high: 'Промоутеры' },
			csat: { low: 'Недовольные', middle: 'Нейтральные', high: 'Довольные' },
			ces: { low: 'Было сложно', middle: 'Нейтрально', high: 'Было легко' },
			custom: { low: 'Низкие оценки', middle: 'Средние оценки', high: 'Высокие оценки' }
		},
		questionNumber: (n: number) => `Вопрос ${n}`,
		type: 'Тип',
		types: {
			single_choice: 'Один вариант',
			multi_choice: 'Несколько вариантов',
			rating: 'Оценка',
			text: 'Свободный ответ',
			nps: 'NPS, 0–10'
		},
		required: 'Ответ обязателен',
		idHint: 'По этому ID на вопрос ссылаются ответы и выгрузки.',
		options: 'Варианты',
		option: (n: number) => `Вариант ${n}`,
		addOption: 'Добавить вариант',
		removeOption: (n: number) => `Удалить вариант ${n}`,
		scaleFrom: 'Шкала от',
		scaleTo: 'до',
		maxLength: 'Самый длинный ответ, символов',
		moveUp: (n: number) => `Переместить вопрос ${n} выше`,
		moveDown: (n: number) => `Переместить вопрос ${n} ниже`,
		remove: (n: number) => `Удалить вопрос ${n}`,
		addQuestion: 'Добавить вопрос',
		addQuestionType: 'Тип нового вопроса',
		noQuestions: 'Добавьте хотя бы один вопрос.',
		save: 'Сохранить вопросы',
		saving: 'Сохраняем…',
		saved: 'Вопросы сохранены.',
		savedNewVersion: (version: number) =>
			`Вопросы сохранены как версия ${version}. Уже собранные ответы остаются привязаны к тем вопросам, на которые отвечали.`,
		versionNote: (version: number) =>
			`Опрос уже публиковался, поэтому сохранение изменённых вопросов создаст версию ${version}. Прежние ответы сохранят свои вопросы.`
	},
	surveySettings: {
		generalTitle: 'Общее',
		displayTitle: 'Когда показывать',
		trigger: 'Показывать опрос',
		triggers: {
			page_load: 'Сразу после загрузки страницы',
			delay: 'Через некоторое время',
			event: 'Когда ваша страница отправит событие',
			exit_intent: 'Когда посетитель собирается уйти со страницы'
		},
		delaySeconds: 'Задержка, секунд',
		eventName: 'Название события',
		eventNameHint: (name: string) => `Ваша страница вызывает Otklik.track('${name}'), когда оно происходит.`,
		samplePercent: 'Доля посетителей, которым показывать, %',
		samplePercentHint: '100 — показывать всем, кому позволяют правила.',
		recontactDays: 'Не спрашивать того же посетителя снова, дней',
		recontactDaysHint: 'Отсчёт от последнего показа или ответа. 0 — можно спрашивать снова сразу.',
		stopAfterResponse: 'Больше не спрашивать тех, кто уже ответил',
		themeTitle: 'Оформление',
		primaryColor: 'Основной цвет',
		primaryColorHint: 'Кнопки и выбранная оценка.',
		position: 'Положение на странице',
		positions: {
			'bottom-right': 'В правом нижнем углу',
			'bottom-left': 'В левом нижнем углу',
			center: 'По центру страницы'
		},
		originsTitle: 'Где может появляться',
		origins: 'Разрешённые сайты',
		originsHint:
			'По одному сайту в строке, например https://shop.example.com или https://*.example.com для всех поддоменов, без пути.',
		originsAny: 'Список пуст, поэтому опрос может показывать любой сайт.',
		originsSome: (count: number) =>
			count === 1 ? 'Показывать опрос может только этот сайт.' : `Показывать опрос могут только эти сайты (${count}).`,
		save: 'Сохранить настройки',
		saving: 'Сохраняем…',
		saved: 'Настройки сохранены.'
	},
	widgetPreview: {
		title: 'Предпросмотр',
		intro: 'Настоящий виджет с вашими несохранёнными изменениями. Ответы здесь не записываются.',
		language: 'Язык предпросмотра',
		restart: 'Начать заново',
		loading: 'Загружаем виджет…',
		unavailable:
			'Предпросмотр сейчас недоступен: не удалось загрузить скрипт виджета. На сам опрос это не влияет.',
		stage: 'Предпросмотр виджета опроса',
		empty: 'Добавьте вопрос, чтобы увидеть предпросмотр.'
	},
	embed: {
		title: 'Встраивание на сайт',
		intro: 'Вставьте этот код на все страницы, где может появиться опрос, перед закрывающим тегом </body>.',
		snippet: 'Код для встраивания',
		attributes:
			'Необязательные атрибуты: data-customer-id="…" связывает ответы с клиентом в вашей системе; data-language="ru" задаёт язык опроса (иначе — язык страницы, затем языки браузера посетителя: первый, который есть в опросе).',
		notLive: 'Посетители видят опрос, только пока он активен. Опубликуйте его, когда будете готовы.',
		originsNote: 'Опрос появится только на сайтах из списка «Показ и оформление → Где может появляться».',
		apiTitle: 'JavaScript API',
		apiIntro:
			'Необязательно. Чтобы самим выбирать момент показа, уберите data-survey из кода встраивания и вызывайте Otklik.show; Otklik.track запускает опросы, которые показываются по событию.',
		apiCode: 'JavaScript',
		apiStubComment: 'Позволяет обращаться к Otklik до того, как загрузился loader.js',
		apiShowComment: 'Показать опрос сейчас, например после покупки (force: true — без выборки и без ожидания триггера)',
		apiTrackComment: 'Сообщить о событии: появятся опросы, которые ждут его',
		linkTitle: 'Опрос по ссылке',
		linkText:
			'Отправьте этот адрес в письме, SMS или QR-коде: он сразу открывает опрос на отдельной странице (условия показа и выборка действуют только для встроенных опросов). Добавьте ?customerId=…, чтобы связать ответ с клиентом, и ?language=…, чтобы выбрать язык.',
		publicLink: 'Ссылка на опрос',
		publicKey: 'Публичный ключ'
	},
	results: {
		title: 'Результаты',
		period: 'Период',
		periods: {
			'7': 'Последние 7 дней',
			'30': 'Последние 30 дней',
			'90': 'Последние 90 дней',
			custom: 'Свой период'
		},
		from: 'С',
		to: 'По',
		apply: 'Показать',
		invalidRange: 'Дата начала не может быть позже даты окончания.',
		interval: 'Группировать',
		intervals: {
			day: 'По дням',
			week: 'По неделям',
			month: 'По месяцам'
		},
		filtersLabel: 'Фильтры результатов',
		nps: 'NPS',
		csat: 'CSAT',
		ces: 'CES',
		cesMean: 'Средняя оценка усилий',
		cesMeanValue: (mean: string, max: number) => `${mean} из ${max}`,
		agree: 'Было легко',
		marginOfError: (margin: string) => `± ${margin} (погрешность 95%)`,
		answers: (count: number, shown: string) => `${shown} ${pluralRu(count, 'ответ', 'ответа', 'ответов')}`,
		promoters: 'Промоутеры',
		passives: 'Нейтралы',
		detractors: 'Критики',
		responses: 'Ответы',
		displays: 'Показы',
		responseRate: 'Доля ответов',
		noRate: 'Показы не зафиксированы',
		noScore: 'За этот период ответов пока нет.',
		change: (change: string) => `${change} к предыдущему периоду`,
		significant: 'статистически значимо',
		notSignificant: 'статистически незначимо',
		tooFewAnswers: (minN: number) => `слишком мало ответов для вывода (меньше ${minN} в одном из периодов)`,
		noComparison: 'В предыдущем периоде не с чем сравнить.',
		trendTitle: 'Динамика',
		trendBand: 'Погрешность 95%',
		trendEmpty: 'За этот период ответов пока нет. График заполнится, когда они появятся.',
		trendSummary: (metric: string, points: number) => `${metric} по времени, периодов: ${points}.`,
		showTable: 'Показать данные таблицей',
		periodColumn: 'Период',
		rangeColumn: 'Диапазон погрешности',
		answersColumn: 'Ответов',
		distributionTitle: 'Распределение оценок',
		distributionEmpty: 'За этот период оценок пока нет.',
		distributionRow: (score: number, count: string, percent: string) => `Оценка ${score}: ${count} (${percent})`,
		commentsTitle: 'Последние комментарии',
		commentsEmpty: 'За этот период комментариев нет.',
		scoreChip: (score: number) => `Оценка ${score}`,
		responsesTitle: 'Ответы',
		responsesEmpty: 'За этот период ответов нет.',
		date: 'Дата',
		score: 'Оценка',
		comment: 'Комментарий',
		language: 'Язык',
		customer: 'Клиент',
		version: 'Версия',
		state: 'Состояние',
		finished: 'Завершён',
		partial: 'Частичный',
		otherAnswers: 'Ответы',
		loadMore: 'Загрузить ещё',
		loadingMore: 'Загружаем…',
		shownCount: (shown: number) => `Показано: ${shown}`,
		exportCsv: 'Выгрузить CSV',
		exportHint: 'Все ответы за выбранный период в виде таблицы.'
	},
	settings: {
		title: 'Настройки',
		navLabel: 'Разделы настроек',
		members: 'Участники',
		apiTokens: 'API-токены'
	},
	members: {
		title: 'Участники',
		intro: 'Кто имеет доступ к этому пространству и что может делать.',
		readOnly: 'Менять роли, удалять участников и приглашать людей могут только администраторы пространства.',
		name: 'Имя',
		email: 'Почта',
		role: 'Роль',
		joined: 'В пространстве с',
		roleFor: (name: string) => `Роль участника ${name}`,
		roleUpdated: (name: string, role: string) => `Новая роль участника ${name}: ${role}.`,
		remove: 'Удалить',
		removeFor: (name: string) => `Удалить участника ${name}`,
		removeTitle: 'Удалить участника?',
		removeText: (name: string, workspace: string) =>
			`${name} сразу потеряет доступ к пространству «${workspace}». Позже его можно пригласить снова.`,
		removed: (name: string) => `Участник ${name} удалён из пространства.`,
		empty: 'В этом пространстве нет участников.',
		inviteTitle: 'Пригласить участника',
		inviteIntro: '«Отклик» не рассылает приглашения: создайте приглашение и сами передайте ссылку человеку. Новый пользователь затем подтвердит адрес кодом, который «Отклик» пришлёт на него.',
		inviteEmail: 'Адрес электронной почты',
		inviteRole: 'Роль',
		inviteSubmit: 'Создать приглашение',
		invitePending: 'Создаём…',
		inviteCreated: (email: string) => `Приглашение для ${email} создано. Отправьте эту ссылку:`,
		inviteLink: 'Ссылка-приглашение',
		inviteExpires: (date: string) => `Ссылка действует до ${date}.`,
		pendingTitle: 'Ожидающие приглашения',
		pendingEmpty: 'Ожидающих приглашений нет.',
		invitedBy: 'Пригласил(а)',
		expires: 'Истекает',
		revoke: 'Отозвать',
		revokeFor: (email: string) => `Отозвать приглашение для ${email}`,
		revokeTitle: 'Отозвать приглашение?',
		revokeText: (email: string) => `Ссылка-приглашение для ${email} перестанет работать.`,
		revoked: (email: string) => `Приглашение для ${email} отозвано.`
	},
	tokens: {
		title: 'API-токены',
		intro: 'Токены позволяют скриптам и интеграциям работать с API «Отклика» от имени этого пространства.',
		adminOnly: 'Просматривать и настраивать API-токены могут только администраторы пространства.',
		name: 'Название',
		prefix: 'Префикс',
		scopes: 'Права',
		created: 'Создан',
		createdBy: (name: string) => `автор: ${name}`,
		lastUsed: 'Последнее использование',
		expires: 'Истекает',
		empty: 'API-токенов пока нет.',
		createTitle: 'Создать токен',
		nameLabel: 'Название токена',
		nameHint: 'Чтобы потом было понятно, кто им пользуется, например «Синхронизация с CRM».',
		scopesLegend: 'Права',
		scopesHint: 'Выдавайте только то, что действительно нужно интеграции.',
		noScopes: 'Выберите хотя бы одно право.',
		expiryLabel: 'Срок действия, дней',
		expiryHint: 'Оставьте пустым, чтобы токен не истекал.',
		submit: 'Создать токен',
		pending: 'Создаём…',
		secretTitle: (name: string) => `Токен «${name}» создан`,
		secretWarning: 'Скопируйте токен сейчас и сохраните в надёжном месте. Больше он показан не будет.',
		secretLabel: 'Токен',
		secretDone: 'Готово, я скопировал(а)',
		revoke: 'Отозвать',
		revokeFor: (name: string) => `Отозвать токен ${name}`,
		revokeTitle: 'Отозвать токен?',
		revokeText: (name: string) => `Всё, что использует «${name}», сразу перестанет работать. Отменить это нельзя.`,
		revoked: (name: string) => `Токен «${name}» отозван.`
	},
	customers: {
		title: 'Клиенты',
		intro: 'Все, кого вы знаете по своему идентификатору: контакты, этап, сегмент, выручка и согласия.',
		tableLabel: 'Клиенты',
		externalId: 'Внешний ID',
		name: 'Имя',
		email: 'Эл. почта',
		phone: 'Телефон',
		stage: 'Этап',
		segment: 'Сегмент',
		mrr: 'MRR',
		mrrLong: 'Ежемесячная регулярная выручка',
		orders: 'Заказы',
		lastSeen: 'Последний визит',
		firstSeen: 'Первый визит',
		created: 'Добавлен',
		updated: 'Изменён',
		stages: {
			aware: 'Знает о нас',
			considering: 'Выбирает',
			buying: 'Покупает',
			repeat: 'Постоянный',
			left: 'Ушёл'
		},
		search: 'Поиск',
		searchPlaceholder: 'ID, имя или почта',
		anyStage: 'Любой этап',
		segmentPlaceholder: 'Любой сегмент',
		filtersLabel: 'Фильтр клиентов',
		clearFilters: 'Сбросить фильтры',
		previous: 'Назад',
		next: 'Вперёд',
		pagingLabel: 'Страницы клиентов',
		range: (from: string, to: string, total: string) => `${from}–${to} из ${total}`,
		noMatchesTitle: 'Никого не нашлось',
		noMatchesText: 'Измените запрос или сбросьте фильтры.',
		emptyTitle: 'Клиентов пока нет',
		emptyText:
			'Клиенты приходят из ваших систем: передавайте их через API (PUT /api/v1/workspaces/{workspaceId}/customers/{externalId} или POST …/customers/bulk — до 1000 за раз) с API-токеном с правом customers:write, либо импортируйте пакетом. Можно добавить клиента и вручную.',
		emptyTextReadOnly:
			'Клиенты приходят из ваших систем через API или пакетный импорт. Попросите администратора или аналитика пространства подключить их.',
		readOnly: 'Вы можете просматривать клиентов; добавлять и изменять их могут администраторы и аналитики.',
		add: 'Добавить клиента',
		addTitle: 'Новый клиент',
		addSubmit: 'Сохранить клиента',
		addPending: 'Сохранение…',
		externalIdHint: 'Идентификатор клиента в вашей системе; если такой уже есть, клиент будет обновлён.',
		notSet: 'Не указано',
		saved: (name: string) => `Клиент «${name}» сохранён.`,
		fieldsMessage: 'Проверьте отмеченные поля.',
		profileLabel: 'Профиль клиента',
		backToList: 'Все клиенты',
		attributes: 'Атрибуты',
		noAttributes: 'Атрибутов нет.',
		consents: 'Согласия',
		consentKinds: {
			survey: 'Опросы',
			marketing: 'Маркетинг'
		},
		consentGranted: 'Дано',
		consentWithdrawn: 'Отозвано',
		consentUnknown: 'Нет данных',
		consentWhen: 'Когда',
		consentHow: 'Как',
		consentDetail: (status: string, when: string, how: string) => `${status}: ${when}, ${how}`,
		notFoundTitle: 'Клиент не найден',
		notFoundText: (id: string) => `В этом пространстве нет клиента с внешним ID «${id}».`
	},
	scopes: {
		'workspace:read': 'Просмотр сведений о пространстве',
		'members:read': 'Просмотр участников',
		'members:write': 'Управление участниками',
		'surveys:read': 'Просмотр опросов',
		'surveys:write': 'Создание и изменение опросов',
		'responses:read': 'Просмотр ответов',
		'responses:write': 'Отправка и изменение ответов',
		'customers:read': 'Просмотр клиентов',
		'customers:write': 'Создание и изменение клиентов',
		'mentions:read': 'Просмотр упоминаний',
		'mentions:write': 'Добавление и изменение упоминаний',
		'cases:read': 'Просмотр обращений',
		'cases:write': 'Создание и изменение обращений',
		'clusters:read': 'Просмотр кластеров жалоб',
		'clusters:write': 'Правка кластеров и импорт жалоб',
		'webhooks:read': 'Просмотр вебхуков и доставок',
		'webhooks:write': 'Управление вебхуками'
	}
};
