import { accountBg } from './account.bg';
import { overviewBg } from './overview.bg';
import { caseReportsBg } from './case-reports.bg';
import { casesBg } from './cases.bg';
import { clustersBg } from './clusters.bg';
import { touchpointsBg } from './touchpoints.bg';
import { mentionFeedsBg } from './mention-feeds.bg';
import { churnBg } from './churn.bg';
import { churnSetupBg } from './churn-setup.bg';
import { webhooksBg } from './webhooks.bg';
import { identityBg } from './identity.bg';
import { linkSurveyBg } from './link-survey.bg';
import { customerTimelineBg } from './customer-timeline.bg';
import { customerImportBg } from './customer-import.bg';
import { mentionsBg } from './mentions.bg';
import { pluralBg } from './plural';
import type { Messages } from './en';

/**
 * Bulgarian UI strings; typed as `Messages`, so a key missing from (or extra in) this file fails svelte-check.
 * Terms kept throughout: казус (case), анкета (survey), отлив (churn), споменаване (mention),
 * точка на контакт (touchpoint), отговорник (owner), работно пространство (workspace).
 */
export const bg: Messages = {
	languageName: 'Български',
	account: accountBg,
	cases: casesBg,
	caseReports: caseReportsBg,
	webhooks: webhooksBg,
	identity: identityBg,
	linkSurvey: linkSurveyBg,
	touchpoints: touchpointsBg,
	churn: churnBg,
	churnSetup: churnSetupBg,
	customerTimeline: customerTimelineBg,
	customerImport: customerImportBg,
	mentions: mentionsBg,
	mentionFeeds: mentionFeedsBg,
	clusters: clustersBg,
	app: {
		name: 'Otklik',
		tagline: 'Обратна връзка от клиенти, анкети и причини за отлив на едно място',
		loading: 'Зареждане…',
		skipToContent: 'Към основното съдържание'
	},
	locale: {
		label: 'Език'
	},
	nav: {
		label: 'Основна навигация',
		openMenu: 'Отвори менюто',
		closeMenu: 'Затвори менюто',
		menu: 'Меню',
		overview: 'Общ преглед',
		surveys: 'Анкети',
		touchpoints: 'Точки на контакт',
		cases: 'Казуси',
		churn: 'Отлив',
		mentions: 'Споменавания',
		clusters: 'Клъстери',
		customers: 'Клиенти',
		settings: 'Настройки'
	},
	workspace: {
		label: 'Работно пространство',
		create: 'Ново пространство',
		createTitle: 'Създаване на работно пространство',
		createIntro: 'Всяко работно пространство има свои анкети, обратна връзка, членове и API токени.',
		nameLabel: 'Име на пространството',
		createSubmit: 'Създай пространство',
		createPending: 'Създаване…',
		noneTitle: 'Все още няма работно пространство',
		noneText: 'Не сте член на нито едно работно пространство. Създайте свое, за да започнете.'
	},
	user: {
		menu: 'Меню на профила',
		signedInAs: 'Влезли сте като',
		logout: 'Изход',
		loggingOut: 'Излизане…'
	},
	roles: {
		viewer: 'Наблюдател',
		analyst: 'Анализатор',
		admin: 'Администратор',
		owner: 'Собственик'
	},
	common: {
		cancel: 'Отказ',
		close: 'Затвори',
		copy: 'Копирай',
		copied: 'Копирано в клипборда',
		copyFailed: 'Автоматичното копиране не успя. Маркирайте текста и го копирайте ръчно.',
		retry: 'Опитай отново',
		never: 'Никога',
		loading: 'Зареждане…',
		you: 'вие',
		actions: 'Действия',
		optional: 'по избор',
		requestId: (id: string) => `ID на заявката: ${id}`
	},
	errors: {
		invalidCredentials: 'Грешен имейл или парола.',
		lastAdmin: 'Работното пространство трябва да има поне един администратор: първо направете администратор някой друг.',
		alreadyMember: 'Този човек вече е член на работното пространство.',
		forbidden: 'Вашата роля не позволява това действие. Обърнете се към администратор на пространството.',
		invitationGone: 'Поканата е изтекла или вече е използвана.',
		generic: 'Нещо се обърка. Моля, опитайте отново.',
		network: 'Няма връзка със сървъра на Otklik. Проверете връзката си и опитайте отново.',
		tooManyRequests: 'Твърде много опити. Моля, изчакайте малко и опитайте отново.',
		csrf: 'Сесията ви е променена в друг раздел. Презаредете страницата и опитайте отново.',
		clusterNotActive: 'Този клъстер току-що беше обединен или променен от някой друг. Презаредете клъстерите и опитайте отново.',
		staleSurvey:
			'Някой друг запази тази анкета, след като я отворихте. Заредете я отново, за да видите промените му, и направете своите още веднъж (незапазените ви промени тук ще бъдат отхвърлени).',
		notFoundTitle: 'Страницата не е намерена',
		notFoundText: 'На този адрес няма нищо.',
		errorTitle: 'Нещо се обърка',
		backHome: 'Обратно към общия преглед'
	},
	login: {
		title: 'Вход',
		subtitle: 'Влезте в работното си пространство в Otklik.',
		email: 'Имейл',
		password: 'Парола',
		submit: 'Вход',
		pending: 'Влизане…'
	},
	invite: {
		pageTitle: 'Приемане на покана',
		title: (workspace: string) => `Присъединете се към „${workspace}“`,
		summary: (email: string, role: string) => `Поканени сте като ${email} с ролята „${role}“.`,
		expires: (date: string) => `Поканата е валидна до ${date}.`,
		invalidTitle: 'Поканата не е достъпна',
		invalidText: 'Връзката за покана е невалидна, изтекла или вече използвана. Поискайте нова от администратор на пространството.',
		goToLogin: 'Към входа',
		name: 'Вашето име',
		newPassword: 'Изберете парола',
		submit: 'Приеми и продължи',
		pending: 'Присъединяване…'
	},
	overview: overviewBg,
	comingSoon: {
		badge: 'Очаквайте скоро',
		text: 'Този раздел все още се разработва. Ще се появи тук в някоя от следващите версии на Otklik.'
	},
	sections: {
		surveys: {
			title: 'Анкети',
			description: 'Създавайте NPS, CSAT и собствени анкети и следете резултатите им.'
		},
		touchpoints: {
			title: 'Точки на контакт',
			description: 'Отбележете къде клиентите се срещат с продукта ви и къде искате обратна връзка.'
		},
		churn: {
			title: 'Отлив',
			description: 'Вижте защо клиентите напускат, групирано по причина и сегмент.'
		},
		mentions: {
			title: 'Споменавания',
			description: 'Събирайте какво казват хората за вас в отзиви и социални мрежи.'
		},
		clusters: {
			title: 'Клъстери',
			description: 'Автоматично групирайте сходна обратна връзка по теми.'
		},
		customers: {
			title: 'Клиенти',
			description: 'Отговорите, казусите и историята на всеки клиент на едно място.'
		}
	},
	surveys: {
		title: 'Анкети',
		intro: 'Създавайте NPS, CSAT, CES и собствени анкети, вграждайте ги в сайта си и следете резултатите им.',
		newSurvey: 'Нова анкета',
		readOnly: 'Можете да преглеждате анкетите и резултатите им. Само администратори и анализатори могат да ги създават и променят.',
		emptyTitle: 'Все още няма анкети',
		emptyText: 'Създайте NPS, CSAT, CES или собствена анкета, вградете я в сайта си и отговорите ще започнат да постъпват.',
		emptyTextReadOnly: 'В това работно пространство все още няма създадени анкети.',
		tableLabel: 'Анкети в това работно пространство',
		name: 'Име',
		kind: 'Вид',
		touchpoint: 'Точка на контакт',
		status: 'Статус',
		languages: 'Езици',
		responses: 'Отговори',
		created: 'Създадена',
		results: 'Резултати',
		resultsFor: (name: string) => `Резултати от ${name}`,
		rateOfDisplays: (percent: string, displays: string) => `${percent} от ${displays} показвания`,
		noDisplays: 'Все още няма показвания',
		kinds: {
			nps: 'NPS',
			csat: 'CSAT',
			ces: 'CES',
			custom: 'Собствена'
		},
		kindDescriptions: {
			nps: 'Net Promoter Score: колко вероятно е клиентите да ви препоръчат, от 0 до 10, с допълнителен въпрос.',
			csat: 'Удовлетвореност на клиента от конкретно преживяване, от 1 до 5, с допълнителен въпрос.',
			ces: 'Customer Effort Score: колко лесно е било да се свърши нещо, с допълнителен въпрос.',
			custom: 'Ваши собствени въпроси: един или няколко избора, оценки, NPS и свободен текст.'
		},
		statuses: {
			draft: 'Чернова',
			live: 'Активна',
			paused: 'На пауза',
			closed: 'Затворена'
		}
	},
	newSurvey: {
		title: 'Нова анкета',
		intro: 'Изберете вида и основните настройки. Формулировките, правилата за показване и външният вид са в следващата стъпка.',
		back: 'Всички анкети',
		kindLegend: 'Вид анкета',
		cesScaleLegend: 'Скала на усилието',
		cesScale: (max: number) => `1–${max}`,
		cesScaleHint: 'Скалата 1–7 дава по-точни отговори; на 1–5 се отговаря по-бързо от телефон.',
		name: 'Име на анкетата',
		nameHint: 'Вижда го само вашият екип, напр. „NPS след поръчка“.',
		touchpoint: 'Точка на контакт',
		touchpointHint: 'Къде клиентите виждат тази анкета, напр. „Поръчка“ или „Чат с поддръжката“.',
		submit: 'Създай анкета',
		pending: 'Създаване…'
	},
	languagePicker: {
		legend: 'Езици',
		hint: 'NPS, CSAT и CES идват с готови формулировки на английски, руски, български и немски. За друг език добавете кода му и напишете текстовете сами.',
		other: 'Код на друг език',
		otherHint: 'Например fr, es или pt-BR.',
		add: 'Добави език',
		remove: (name: string) => `Премахни ${name}`,
		invalidCode: 'Използвайте код на език, например fr или pt-BR.',
		duplicate: 'Този език вече е в списъка.',
		none: 'Изберете поне един език.',
		defaultLanguage: 'Език по подразбиране',
		defaultHint: 'Използва се, когато езикът на посетителя не е сред езиците на анкетата, както и за текстове, оставени празни на друг език.'
	},
	surveyPage: {
		backToList: 'Всички анкети',
		navLabel: 'Раздели на анкетата',
		build: 'Конструктор',
		results: 'Резултати',
		version: (version: number) => `Версия ${version}`,
		createdOn: (date: string) => `Създадена на ${date}`,
		readOnly: 'Можете да преглеждате тази анкета. Само администратори и анализатори могат да я променят.',
		notFound: 'Тази анкета не съществува в това работно пространство или е премахната.',
		tabs: {
			questions: 'Въпроси',
			settings: 'Показване и външен вид',
			embed: 'Вграждане'
		},
		unsaved: 'Незапазени промени',
		leaveConfirm: 'Имате незапазени промени. Да напуснете ли страницата, без да ги запазите?',
		discard: 'Отхвърли промените',
		fixErrors: 'Някои полета изискват внимание: вижте съобщенията до тях.',
		reloadLatest: 'Зареди последната версия'
	},
	statusActions: {
		label: 'Статус',
		publish: 'Публикувай',
		pause: 'Пауза',
		resume: 'Възобнови',
		close: 'Затвори анкетата',
		reopen: 'Отвори отново',
		confirmTitle: {
			publish: 'Да се публикува ли анкетата?',
			pause: 'Да се постави ли анкетата на пауза?',
			resume: 'Да се възобнови ли анкетата?',
			close: 'Да се затвори ли анкетата?',
			reopen: 'Да се отвори ли анкетата отново?'
		},
		confirmText: {
			publish: 'Анкетата започва да се показва на сайтовете, в които е вградена, според правилата си за показване. Оттук нататък всяка промяна на въпросите създава нова версия.',
			pause: 'Анкетата спира да се показва, докато не я възобновите. Вече събраните отговори се запазват.',
			resume: 'Анкетата отново започва да се показва на сайтовете, в които е вградена.',
			close: 'Анкетата спира да се показва и да събира отговори. Резултатите ѝ остават достъпни и можете да я отворите отново по-късно.',
			reopen: 'Анкетата отново започва да се показва и да събира отговори.'
		},
		done: {
			publish: 'Анкетата е активна.',
			pause: 'Анкетата е на пауза.',
			resume: 'Анкетата отново е активна.',
			close: 'Анкетата е затворена.',
			reopen: 'Анкетата отново е активна.'
		},
		unsavedNote: 'Незапазените промени не се публикуват: първо ги запазете.'
	},
	questionsEditor: {
		title: 'Въпроси',
		wordingLanguage: 'Език на текстовете',
		fallbackHint: (language: string) => `Вместо празните полета се показва текстът на език „${language}“.`,
		scoreQuestion: 'Въпрос с оценка',
		questionText: 'Въпрос',
		minLabel: 'Надпис при ниската оценка',
		maxLabel: 'Надпис при високата оценка',
		followUp: 'Допълнителен въпрос',
		followUpIntro: 'Задава се след оценката; формулировката зависи от дадената оценка.',
		followUpDefault: 'Формулировка, когато няма оценка',
		band: (name: string, min: number, max: number) => (min === max ? `${name} (${min})` : `${name} (${min}–${max})`),
		bandNames: {
			nps: { low: 'Критици', middle: 'Пасивни', high: 'Промоутъри' },
			csat: { low: 'Недоволни', middle: 'Неутрални', high: 'Доволни' },
			ces: { low: 'Голямо усилие', middle: 'Неутрално', high: 'Малко усилие' },
			custom: { low: 'Ниски оценки', middle: 'Средни оценки', high: 'Високи оценки' }
		},
		questionNumber: (n: number) => `Въпрос ${n}`,
		type: 'Тип',
		types: {
			single_choice: 'Един избор',
			multi_choice: 'Няколко избора',
			rating: 'Оценка',
			text: 'Свободен текст',
			nps: 'NPS, 0–10'
		},
		required: 'Задължителен отговор',
		idHint: 'Отговорите и експортите се позовават на въпроса чрез това ID.',
		options: 'Възможности',
		option: (n: number) => `Възможност ${n}`,
		addOption: 'Добави възможност',
		removeOption: (n: number) => `Премахни възможност ${n}`,
		scaleFrom: 'Скала от',
		scaleTo: 'до',
		maxLength: 'Най-дълъг отговор, знаци',
		moveUp: (n: number) => `Премести въпрос ${n} нагоре`,
		moveDown: (n: number) => `Премести въпрос ${n} надолу`,
		remove: (n: number) => `Премахни въпрос ${n}`,
		addQuestion: 'Добави въпрос',
		addQuestionType: 'Тип на новия въпрос',
		noQuestions: 'Добавете поне един въпрос.',
		save: 'Запази въпросите',
		saving: 'Запазване…',
		saved: 'Въпросите са запазени.',
		savedNewVersion: (version: number) =>
			`Въпросите са запазени като версия ${version}. Вече събраните отговори остават свързани с въпросите, на които са отговорени.`,
		versionNote: (version: number) =>
			`Анкетата вече е публикувана, затова запазването на променени въпроси създава версия ${version}. По-ранните отговори запазват своите въпроси.`
	},
	surveySettings: {
		generalTitle: 'Общи',
		displayTitle: 'Кога да се показва',
		trigger: 'Показване на анкетата',
		triggers: {
			page_load: 'Веднага след зареждане на страницата',
			delay: 'След изчакване',
			event: 'Когато страницата ви изпрати събитие',
			exit_intent: 'Когато посетителят се кани да напусне страницата'
		},
		delaySeconds: 'Изчакване, секунди',
		eventName: 'Име на събитието',
		eventNameHint: (name: string) => `Страницата ви извиква Otklik.track('${name}'), когато то се случи.`,
		samplePercent: 'Дял на посетителите, които я виждат, %',
		samplePercentHint: '100 я показва на всеки посетител, когото правилата допускат.',
		recontactDays: 'Пауза преди повторно питане на същия посетител, дни',
		recontactDaysHint: 'Брои се от последното показване или отговор. 0 позволява да се пита отново веднага.',
		stopAfterResponse: 'Никога да не се пита отново посетител, който вече е отговорил',
		themeTitle: 'Външен вид',
		primaryColor: 'Основен цвят',
		primaryColorHint: 'Бутоните и избраната оценка.',
		position: 'Позиция на страницата',
		positions: {
			'bottom-right': 'Долен десен ъгъл',
			'bottom-left': 'Долен ляв ъгъл',
			center: 'Център на страницата'
		},
		originsTitle: 'Къде може да се показва',
		origins: 'Разрешени сайтове',
		originsHint:
			'По един сайт на ред, напр. https://shop.example.com или https://*.example.com за всичките му поддомейни, без път.',
		originsAny: 'Списъкът е празен, затова всеки сайт може да показва тази анкета.',
		originsSome: (count: number) =>
			pluralBg(count, 'Само този сайт може да показва анкетата.', `Само тези ${count} сайта могат да показват анкетата.`),
		save: 'Запази настройките',
		saving: 'Запазване…',
		saved: 'Настройките са запазени.'
	},
	widgetPreview: {
		title: 'Преглед на живо',
		intro: 'Истинският уиджет с незапазените ви промени. Отговорите тук не се записват.',
		language: 'Език на прегледа',
		restart: 'Рестартирай прегледа',
		loading: 'Зареждане на уиджета…',
		unavailable:
			'Прегледът на живо в момента не е достъпен: скриптът на уиджета не можа да се зареди. Това не засяга самата анкета.',
		stage: 'Преглед на уиджета на анкетата',
		empty: 'Добавете въпрос, за да видите прегледа.'
	},
	embed: {
		title: 'Вграждане в сайта ви',
		intro: 'Поставете този код на всяка страница, на която може да се показва анкетата, точно преди затварящия таг </body>.',
		snippet: 'Код за вграждане',
		attributes:
			'Атрибути по избор: data-customer-id="…" свързва отговорите с клиент във вашата система; data-language="bg" задава езика на анкетата (иначе се използва езикът на страницата, след това езиците на браузъра на посетителя: първият, който анкетата има).',
		notLive: 'Посетителите виждат анкетата само докато е активна. Публикувайте я, когато сте готови.',
		originsNote: 'Анкетата се показва само на сайтовете, изброени в „Показване и външен вид“ → „Къде може да се показва“.',
		apiTitle: 'JavaScript API',
		apiIntro:
			'По избор. За да изберете сами момента, махнете data-survey от кода за вграждане и извикайте Otklik.show; Otklik.track задейства анкетите, чийто тригер е събитие.',
		apiCode: 'JavaScript',
		apiStubComment: 'Позволява извикване на Otklik, преди loader.js да е заредил',
		apiShowComment: 'Показване на анкетата сега, напр. след покупка (force: true пропуска извадката и тригера)',
		apiTrackComment: 'Съобщаване за събитие: показват се анкетите, задействани от него',
		linkTitle: 'Споделяне като връзка',
		linkText:
			'Изпратете този адрес по имейл, SMS или QR код: той отваря анкетата веднага на отделна страница (условията за показване и извадката важат само за вградени анкети). Добавете ?customerId=…, за да свържете отговора с клиент, и ?language=… за избор на език.',
		publicLink: 'Линк към анкетата',
		publicKey: 'Публичен ключ'
	},
	results: {
		title: 'Резултати',
		period: 'Период',
		periods: {
			'7': 'Последните 7 дни',
			'30': 'Последните 30 дни',
			'90': 'Последните 90 дни',
			custom: 'Избран период'
		},
		from: 'От',
		to: 'До',
		apply: 'Покажи',
		invalidRange: 'Началната дата не може да е след крайната.',
		interval: 'Групиране по',
		intervals: {
			day: 'Ден',
			week: 'Седмица',
			month: 'Месец'
		},
		filtersLabel: 'Филтри на резултатите',
		nps: 'NPS',
		csat: 'CSAT',
		ces: 'CES',
		cesMean: 'Средна оценка на усилието',
		cesMeanValue: (mean: string, max: number) => `${mean} от ${max}`,
		agree: 'Намират го за лесно',
		marginOfError: (margin: string) => `± ${margin} (грешка при 95% доверителност)`,
		answers: (count: number, shown: string) => `${shown} ${pluralBg(count, 'отговор', 'отговора')}`,
		promoters: 'Промоутъри',
		passives: 'Пасивни',
		detractors: 'Критици',
		responses: 'Отговори',
		displays: 'Показвания',
		responseRate: 'Дял на отговорилите',
		noRate: 'Няма записани показвания',
		noScore: 'Все още няма отговори за този период.',
		change: (change: string) => `${change} спрямо предходния период`,
		significant: 'статистически значимо',
		notSignificant: 'не е статистически значимо',
		tooFewAnswers: (minN: number) => `твърде малко отговори за извод (под ${minN} в една от страните)`,
		noComparison: 'Няма с какво да се сравни в предходния период.',
		trendTitle: 'Тенденция',
		trendBand: 'Грешка при 95% доверителност',
		trendEmpty: 'Все още няма отговори за този период. Графиката се попълва с постъпването на отговори.',
		trendSummary: (metric: string, points: number) => `${metric} във времето, ${points} ${pluralBg(points, 'период', 'периода')}.`,
		showTable: 'Покажи данните като таблица',
		periodColumn: 'Период',
		rangeColumn: 'Интервал на грешката',
		answersColumn: 'Отговори',
		distributionTitle: 'Разпределение на оценките',
		distributionEmpty: 'Все още няма оценки за този период.',
		distributionRow: (score: number, count: string, percent: string) => `Оценка ${score}: ${count} (${percent})`,
		commentsTitle: 'Последни коментари',
		commentsEmpty: 'Няма коментари за този период.',
		scoreChip: (score: number) => `Оценка ${score}`,
		responsesTitle: 'Отговори',
		responsesEmpty: 'Няма отговори за този период.',
		date: 'Дата',
		score: 'Оценка',
		comment: 'Коментар',
		language: 'Език',
		customer: 'Клиент',
		version: 'Версия',
		state: 'Състояние',
		finished: 'Завършен',
		partial: 'Частичен',
		otherAnswers: 'Други отговори',
		loadMore: 'Зареди още',
		loadingMore: 'Зареждане…',
		shownCount: (shown: number) => `Показани: ${shown}`,
		exportCsv: 'Експорт в CSV',
		exportHint: 'Всички отговори за избрания период като файл за електронна таблица.'
	},
	settings: {
		title: 'Настройки',
		navLabel: 'Раздели на настройките',
		members: 'Членове',
		apiTokens: 'API токени'
	},
	members: {
		title: 'Членове',
		intro: 'Хората с достъп до това работно пространство и какво им е позволено.',
		readOnly: 'Само администраторите на пространството могат да променят роли, да премахват членове и да канят хора.',
		name: 'Име',
		email: 'Имейл',
		role: 'Роля',
		joined: 'Член от',
		roleFor: (name: string) => `Роля на ${name}`,
		roleUpdated: (name: string, role: string) => `Новата роля на ${name} е „${role}“.`,
		remove: 'Премахни',
		removeFor: (name: string) => `Премахни ${name}`,
		removeTitle: 'Премахване на член?',
		removeText: (name: string, workspace: string) =>
			`${name} веднага ще загуби достъп до „${workspace}“. По-късно можете да го поканите отново.`,
		removed: (name: string) => `${name} е премахнат(а) от работното пространство.`,
		empty: 'Това работно пространство няма членове.',
		inviteTitle: 'Покани член',
		inviteIntro: 'Otklik не изпраща покани по имейл: създайте покана и изпратете връзката на човека сами. Нов потребител след това потвърждава адреса с код, който Otklik изпраща на него.',
		inviteEmail: 'Имейл адрес',
		inviteRole: 'Роля',
		inviteSubmit: 'Създай покана',
		invitePending: 'Създаване…',
		inviteCreated: (email: string) => `Поканата за ${email} е създадена. Изпратете тази връзка:`,
		inviteLink: 'Връзка за покана',
		inviteExpires: (date: string) => `Връзката е валидна до ${date}.`,
		pendingTitle: 'Чакащи покани',
		pendingEmpty: 'Няма чакащи покани.',
		invitedBy: 'Поканен(а) от',
		expires: 'Изтича',
		revoke: 'Оттегли',
		revokeFor: (email: string) => `Оттегли поканата за ${email}`,
		revokeTitle: 'Оттегляне на поканата?',
		revokeText: (email: string) => `Връзката за покана, изпратена на ${email}, ще спре да работи.`,
		revoked: (email: string) => `Поканата за ${email} е оттеглена.`
	},
	tokens: {
		title: 'API токени',
		intro: 'Токените позволяват на скриптове и интеграции да използват API на Otklik от името на това работно пространство.',
		adminOnly: 'Само администраторите на пространството могат да виждат и управляват API токените.',
		name: 'Име',
		prefix: 'Префикс',
		scopes: 'Права',
		created: 'Създаден',
		createdBy: (name: string) => `от ${name}`,
		lastUsed: 'Последно използван',
		expires: 'Изтича',
		empty: 'Все още няма API токени.',
		createTitle: 'Създаване на токен',
		nameLabel: 'Име на токена',
		nameHint: 'Нещо, по което по-късно да разберете какво го използва, напр. „Синхронизация с CRM“.',
		scopesLegend: 'Права',
		scopesHint: 'Давайте само правата, от които интеграцията се нуждае.',
		noScopes: 'Изберете поне едно право.',
		expiryLabel: 'Изтича след, дни',
		expiryHint: 'Оставете празно за токен без срок на валидност.',
		submit: 'Създай токен',
		pending: 'Създаване…',
		secretTitle: (name: string) => `Токенът „${name}“ е създаден`,
		secretWarning: 'Копирайте токена сега и го пазете на сигурно място. Няма да бъде показан отново.',
		secretLabel: 'Токен',
		secretDone: 'Готово, копирах го',
		revoke: 'Оттегли',
		revokeFor: (name: string) => `Оттегли токена ${name}`,
		revokeTitle: 'Оттегляне на токена?',
		revokeText: (name: string) => `Всичко, което използва „${name}“, веднага ще спре да работи. Това действие не може да бъде отменено.`,
		revoked: (name: string) => `Токенът „${name}“ е оттеглен.`
	},
	customers: {
		title: 'Клиенти',
		intro: 'Всички, които познавате по собственото си ID: данни за контакт, етап от жизнения цикъл, сегмент, приходи и съгласия.',
		tableLabel: 'Клиенти',
		externalId: 'Външно ID',
		name: 'Име',
		email: 'Имейл',
		phone: 'Телефон',
		stage: 'Етап',
		segment: 'Сегмент',
		mrr: 'MRR',
		mrrLong: 'Месечни повтарящи се приходи',
		orders: 'Поръчки',
		lastSeen: 'Последно посещение',
		firstSeen: 'Първо посещение',
		created: 'Добавен',
		updated: 'Обновен',
		stages: {
			aware: 'Осведомен',
			considering: 'Обмисля',
			buying: 'Купува',
			repeat: 'Постоянен',
			left: 'Напуснал'
		},
		search: 'Търсене',
		searchPlaceholder: 'ID, име или имейл',
		anyStage: 'Всички етапи',
		segmentPlaceholder: 'Всички сегменти',
		filtersLabel: 'Филтриране на клиентите',
		clearFilters: 'Изчисти филтрите',
		previous: 'Предишна',
		next: 'Следваща',
		pagingLabel: 'Страници с клиенти',
		range: (from: string, to: string, total: string) => `${from}–${to} от ${total}`,
		noMatchesTitle: 'Няма съвпадащи клиенти',
		noMatchesText: 'Опитайте друго търсене или изчистете филтрите.',
		emptyTitle: 'Все още няма клиенти',
		emptyText:
			'Клиентите идват от вашите системи: изпращайте ги през API (PUT /api/v1/workspaces/{workspaceId}/customers/{externalId} или POST …/customers/bulk за до 1000 наведнъж) с API токен с право customers:write или ги импортирайте наведнъж. Можете да добавите клиент и ръчно.',
		emptyTextReadOnly:
			'Клиентите идват от вашите системи през API или масов импорт. Помолете администратор или анализатор на пространството да ги свърже.',
		readOnly: 'Можете да преглеждате клиентите; администраторите и анализаторите могат да ги добавят и редактират.',
		add: 'Добави клиент',
		addTitle: 'Нов клиент',
		addSubmit: 'Запази клиента',
		addPending: 'Запазване…',
		externalIdHint: 'ID на клиента във вашата собствена система; ако ID вече съществува, този клиент се обновява.',
		notSet: 'Не е зададено',
		saved: (name: string) => `Клиентът „${name}“ е запазен.`,
		fieldsMessage: 'Някои полета изискват внимание.',
		profileLabel: 'Профил на клиента',
		backToList: 'Всички клиенти',
		attributes: 'Атрибути',
		noAttributes: 'Няма атрибути.',
		consents: 'Съгласия',
		consentKinds: {
			survey: 'Анкети',
			marketing: 'Маркетинг'
		},
		consentGranted: 'Дадено',
		consentWithdrawn: 'Оттеглено',
		consentUnknown: 'Няма данни',
		consentWhen: 'Кога',
		consentHow: 'Как',
		consentDetail: (status: string, when: string, how: string) => `${status} на ${when} чрез ${how}`,
		notFoundTitle: 'Клиентът не е намерен',
		notFoundText: (id: string) => `В това работно пространство няма клиент с външно ID „${id}“.`
	},
	scopes: {
		'workspace:read': 'Преглед на данните за пространството',
		'members:read': 'Преглед на членовете',
		'members:write': 'Управление на членовете',
		'surveys:read': 'Преглед на анкетите',
		'surveys:write': 'Създаване и редактиране на анкети',
		'responses:read': 'Преглед на отговорите на анкети',
		'responses:write': 'Изпращане и редактиране на отговори',
		'customers:read': 'Преглед на клиентите',
		'customers:write': 'Създаване и редактиране на клиенти',
		'mentions:read': 'Преглед на споменаванията',
		'mentions:write': 'Добавяне и редактиране на споменавания',
		'cases:read': 'Преглед на казусите',
		'cases:write': 'Създаване и обновяване на казуси',
		'clusters:read': 'Преглед на клъстерите с оплаквания',
		'clusters:write': 'Редактиране на клъстери и импорт на оплаквания',
		'webhooks:read': 'Преглед на крайните точки и доставките на уебхукове',
		'webhooks:write': 'Управление на крайните точки на уебхукове'
	}
};
