import { accountEn } from './account.en';
import { overviewEn } from './overview.en';
import { caseReportsEn } from './case-reports.en';
import { casesEn } from './cases.en';
import { clustersEn } from './clusters.en';
import { touchpointsEn } from './touchpoints.en';
import { mentionFeedsEn } from './mention-feeds.en';
import { churnEn } from './churn.en';
import { churnSetupEn } from './churn-setup.en';
import { webhooksEn } from './webhooks.en';
import { identityEn } from './identity.en';
import { linkSurveyEn } from './link-survey.en';
import { customerTimelineEn } from './customer-timeline.en';
import { customerImportEn } from './customer-import.en';
import { mentionsEn } from './mentions.en';
import { pluralEn } from './plural';
/**
 * English UI strings. This object defines the shape of every dictionary:
 * ru.ts is typed as `Messages`, so a key missing from (or extra in) either
 * file is a compile error.
 */
export const en = {
	languageName: 'English',
	account: accountEn,
	cases: casesEn,
	caseReports: caseReportsEn,
	webhooks: webhooksEn,
	identity: identityEn,
	linkSurvey: linkSurveyEn,
	touchpoints: touchpointsEn,
	churn: churnEn,
	churnSetup: churnSetupEn,
	customerTimeline: customerTimelineEn,
	customerImport: customerImportEn,
	mentions: mentionsEn,
	mentionFeeds: mentionFeedsEn,
	clusters: clustersEn,
	app: {
		name: 'Otklik',
		tagline: 'Customer feedback, surveys and churn reasons in one place',
		loading: 'Loading…',
		skipToContent: 'Skip to main content'
	},
	locale: {
		label: 'Language'
	},
	nav: {
		label: 'Main navigation',
		openMenu: 'Open menu',
		closeMenu: 'Close menu',
		menu: 'Menu',
		overview: 'Overview',
		surveys: 'Surveys',
		touchpoints: 'Touchpoints',
		cases: 'Cases',
		churn: 'Churn',
		mentions: 'Mentions',
		clusters: 'Clusters',
		customers: 'Customers',
		settings: 'Settings'
	},
	workspace: {
		label: 'Workspace',
		create: 'New workspace',
		createTitle: 'Create a workspace',
		createIntro: 'A workspace holds its own surveys, feedback, members and API tokens.',
		nameLabel: 'Workspace name',
		createSubmit: 'Create workspace',
		createPending: 'Creating…',
		noneTitle: 'No workspace yet',
		noneText: 'You are not a member of any workspace. Create one to get started.'
	},
	user: {
		menu: 'Account menu',
		signedInAs: 'Signed in as',
		logout: 'Log out',
		loggingOut: 'Logging out…'
	},
	roles: {
		viewer: 'Viewer',
		analyst: 'Analyst',
		admin: 'Admin',
		owner: 'Owner'
	},
	common: {
		cancel: 'Cancel',
		close: 'Close',
		copy: 'Copy',
		copied: 'Copied to clipboard',
		copyFailed: 'Could not copy automatically. Select the text and copy it by hand.',
		retry: 'Try again',
		never: 'Never',
		loading: 'Loading…',
		you: 'you',
		actions: 'Actions',
		optional: 'optional',
		requestId: (id: string) => `Request ID: ${id}`
	},
	errors: {
		invalidCredentials: 'The email or password is incorrect.',
		lastAdmin: 'A workspace needs at least one admin: make someone else an admin first.',
		alreadyMember: 'This person is already a member of the workspace.',
		forbidden: 'Your role does not allow this. Ask a workspace admin.',
		invitationGone: 'This invitation has expired or was already used.',
		generic: 'Something went wrong. Please try again.',
		network: 'Cannot reach the Otklik server. Check your connection and try again.',
		tooManyRequests: 'Too many attempts. Please wait a little and try again later.',
		csrf: 'Your session has changed in another tab. Reload the page and try again.',
		clusterNotActive: 'This cluster was merged or changed by someone else a moment ago. Reload the clusters and try again.',
		staleSurvey:
			'Someone else saved this survey after you opened it. Reload it to see their changes, then make yours again (your unsaved edits here will be discarded).',
		notFoundTitle: 'Page not found',
		notFoundText: 'There is nothing at this address.',
		errorTitle: 'Something went wrong',
		backHome: 'Back to overview'
	},
	login: {
		title: 'Sign in',
		subtitle: 'Sign in to your Otklik workspace.',
		email: 'Email',
		password: 'Password',
		submit: 'Sign in',
		pending: 'Signing in…'
	},
	invite: {
		pageTitle: 'Accept invitation',
		title: (workspace: string) => `Join ${workspace}`,
		summary: (email: string, role: string) => `You were invited as ${email} with the ${role} role.`,
		expires: (date: string) => `This invitation is valid until ${date}.`,
		invalidTitle: 'Invitation not available',
		invalidText: 'This invitation link is invalid, has expired or has already been used. Ask a workspace admin for a new one.',
		goToLogin: 'Go to sign in',
		name: 'Your name',
		newPassword: 'Choose a password',
		submit: 'Accept and continue',
		pending: 'Joining…'
	},
	overview: overviewEn,
	comingSoon: {
		badge: 'Coming soon',
		text: 'This section is not built yet. It will appear here in an upcoming version of Otklik.'
	},
	sections: {
		surveys: {
			title: 'Surveys',
			description: 'Create NPS, CSAT and custom surveys and follow their results.'
		},
		touchpoints: {
			title: 'Touchpoints',
			description: 'Map where customers meet your product and where you ask for feedback.'
		},
		churn: {
			title: 'Churn',
			description: 'See why customers leave, grouped by reason and segment.'
		},
		mentions: {
			title: 'Mentions',
			description: 'Collect what people say about you in reviews and social media.'
		},
		clusters: {
			title: 'Clusters',
			description: 'Group similar feedback into themes automatically.'
		},
		customers: {
			title: 'Customers',
			description: 'One place for each customer’s answers, cases and history.'
		}
	},
	surveys: {
		title: 'Surveys',
		intro: 'Create NPS, CSAT, CES and custom surveys, embed them on your site and follow their results.',
		newSurvey: 'New survey',
		readOnly: 'You can view surveys and their results. Only admins and analysts can create and change them.',
		emptyTitle: 'No surveys yet',
		emptyText: 'Create an NPS, CSAT, CES or custom survey, embed it on your site and watch the answers come in.',
		emptyTextReadOnly: 'Nobody has created a survey in this workspace yet.',
		tableLabel: 'Surveys of this workspace',
		name: 'Name',
		kind: 'Kind',
		touchpoint: 'Touchpoint',
		status: 'Status',
		languages: 'Languages',
		responses: 'Responses',
		created: 'Created',
		results: 'Results',
		resultsFor: (name: string) => `Results of ${name}`,
		rateOfDisplays: (percent: string, displays: string) => `${percent} of ${displays} displays`,
		noDisplays: 'No displays yet',
		kinds: {
			nps: 'NPS',
			csat: 'CSAT',
			ces: 'CES',
			custom: 'Custom'
		},
		kindDescriptions: {
			nps: 'Net Promoter Score: how likely customers are to recommend you, 0–10, with a follow-up question.',
			csat: 'Customer satisfaction with one experience, 1–5, with a follow-up question.',
			ces: 'Customer effort score: how easy it was to get something done, with a follow-up question.',
			custom: 'Your own questions: single or multiple choice, ratings, NPS and open text.'
		},
		statuses: {
			draft: 'Draft',
			live: 'Live',
			paused: 'Paused',
			closed: 'Closed'
		}
	},
	newSurvey: {
		title: 'New survey',
		intro: 'Choose the kind and the basics. Wording, display rules and look come next.',
		back: 'All surveys',
		kindLegend: 'Kind of survey',
		cesScaleLegend: 'Effort scale',
		cesScale: (max: number) => `1–${max}`,
		cesScaleHint: '1–7 gives finer answers; 1–5 is quicker to answer on phones.',
		name: 'Survey name',
		nameHint: 'Only your team sees it, e.g. “Checkout NPS”.',
		touchpoint: 'Touchpoint',
		touchpointHint: 'Where customers meet this survey, e.g. Checkout or Support chat.',
		submit: 'Create survey',
		pending: 'Creating…'
	},
	languagePicker: {
		legend: 'Languages',
		hint: 'NPS, CSAT and CES come with wording in English, Russian, Bulgarian and German. For any other language, add its code and write the texts yourself.',
		other: 'Other language code',
		otherHint: 'For example fr, es or pt-BR.',
		add: 'Add language',
		remove: (name: string) => `Remove ${name}`,
		invalidCode: 'Use a language code such as fr or pt-BR.',
		duplicate: 'This language is already in the list.',
		none: 'Choose at least one language.',
		defaultLanguage: 'Default language',
		defaultHint: 'Used when a visitor’s language is not one of the survey’s languages, and for any text left empty in another language.'
	},
	surveyPage: {
		backToList: 'All surveys',
		navLabel: 'Survey pages',
		build: 'Build',
		results: 'Results',
		version: (version: number) => `Version ${version}`,
		createdOn: (date: string) => `Created ${date}`,
		readOnly: 'You can view this survey. Only admins and analysts can change it.',
		notFound: 'This survey does not exist in this workspace, or it was removed.',
		tabs: {
			questions: 'Questions',
			settings: 'Display & look',
			embed: 'Embed'
		},
		unsaved: 'Unsaved changes',
		leaveConfirm: 'You have unsaved changes. Leave this page without saving them?',
		discard: 'Discard changes',
		fixErrors: 'Some fields need attention: see the messages next to them.',
		reloadLatest: 'Reload the latest version'
	},
	statusActions: {
		label: 'Status',
		publish: 'Publish',
		pause: 'Pause',
		resume: 'Resume',
		close: 'Close survey',
		reopen: 'Reopen',
		confirmTitle: {
			publish: 'Publish this survey?',
			pause: 'Pause this survey?',
			resume: 'Resume this survey?',
			close: 'Close this survey?',
			reopen: 'Reopen this survey?'
		},
		confirmText: {
			publish: 'It starts showing on the sites where it is embedded, following its display rules. From then on, changing its questions creates a new version.',
			pause: 'It stops showing until you resume it. Answers already collected are kept.',
			resume: 'It starts showing again on the sites where it is embedded.',
			close: 'It stops showing and collecting answers. Its results stay available and you can reopen it later.',
			reopen: 'It starts showing and collecting answers again.'
		},
		done: {
			publish: 'The survey is live.',
			pause: 'The survey is paused.',
			resume: 'The survey is live again.',
			close: 'The survey is closed.',
			reopen: 'The survey is live again.'
		},
		unsavedNote: 'Unsaved changes are not published: save them first.'
	},
	questionsEditor: {
		title: 'Questions',
		wordingLanguage: 'Wording in',
		fallbackHint: (language: string) => `Fields left empty show the ${language} text.`,
		scoreQuestion: 'Score question',
		questionText: 'Question',
		minLabel: 'Label at the low end',
		maxLabel: 'Label at the high end',
		followUp: 'Follow-up question',
		followUpIntro: 'Asked after the score; the wording depends on the score given.',
		followUpDefault: 'Wording when no score was given',
		band: (name: string, min: number, max: number) => (min === max ? `${name} (${min})` : `${name} (${min}–${max})`),
		bandNames: {
			nps: { low: 'Detractors', middle: 'Passives', high: 'Promoters' },
			csat: { low: 'Dissatisfied', middle: 'Neutral', high: 'Satisfied' },
			ces: { low: 'High effort', middle: 'Neutral', high: 'Low effort' },
			custom: { low: 'Low scores', middle: 'Middle scores', high: 'High scores' }
		},
		questionNumber: (n: number) => `Question ${n}`,
		type: 'Type',
		types: {
			single_choice: 'Single choice',
			multi_choice: 'Multiple choice',
			rating: 'Rating',
			text: 'Open text',
			nps: 'NPS, 0–10'
		},
		required: 'Answer required',
		idHint: 'Answers and exports refer to the question by this ID.',
		options: 'Options',
		option: (n: number) => `Option ${n}`,
		addOption: 'Add option',
		removeOption: (n: number) => `Remove option ${n}`,
		scaleFrom: 'Scale from',
		scaleTo: 'to',
		maxLength: 'Longest answer, characters',
		moveUp: (n: number) => `Move question ${n} up`,
		moveDown: (n: number) => `Move question ${n} down`,
		remove: (n: number) => `Remove question ${n}`,
		addQuestion: 'Add question',
		addQuestionType: 'Type of the new question',
		noQuestions: 'Add at least one question.',
		save: 'Save questions',
		saving: 'Saving…',
		saved: 'Questions saved.',
		savedNewVersion: (version: number) =>
			`Questions saved as version ${version}. Responses already collected keep the questions they answered.`,
		versionNote: (version: number) =>
			`This survey has been published, so saving changed questions creates version ${version}. Earlier responses keep their questions.`
	},
	surveySettings: {
		generalTitle: 'General',
		displayTitle: 'When to show it',
		trigger: 'Show the survey',
		triggers: {
			page_load: 'As soon as the page loads',
			delay: 'After a delay',
			event: 'When your page sends an event',
			exit_intent: 'When the visitor is about to leave the page'
		},
		delaySeconds: 'Delay, seconds',
		eventName: 'Event name',
		eventNameHint: (name: string) => `Your page calls Otklik.track('${name}') when it happens.`,
		samplePercent: 'Share of visitors who see it, %',
		samplePercentHint: '100 shows it to every visitor the rules allow.',
		recontactDays: 'Do not ask the same visitor again for, days',
		recontactDaysHint: 'Counted from the last time it was shown or answered. 0 allows asking again at once.',
		stopAfterResponse: 'Never ask again once a visitor has answered',
		themeTitle: 'Look',
		primaryColor: 'Main colour',
		primaryColorHint: 'Buttons and the selected score.',
		position: 'Position on the page',
		positions: {
			'bottom-right': 'Bottom right corner',
			'bottom-left': 'Bottom left corner',
			center: 'Centre of the page'
		},
		originsTitle: 'Where it may appear',
		origins: 'Allowed sites',
		originsHint:
			'One site per line, such as https://shop.example.com or https://*.example.com for all its subdomains, without a path.',
		originsAny: 'The list is empty, so any site can show this survey.',
		originsSome: (count: number) => (count === 1 ? 'Only this site can show the survey.' : `Only these ${count} sites can show the survey.`),
		save: 'Save settings',
		saving: 'Saving…',
		saved: 'Settings saved.'
	},
	widgetPreview: {
		title: 'Live preview',
		intro: 'The real widget with your unsaved changes. Answers given here are not recorded.',
		language: 'Preview language',
		restart: 'Restart preview',
		loading: 'Loading the widget…',
		unavailable:
			'The live preview is not available right now: the widget script could not be loaded. Your survey itself is not affected.',
		stage: 'Survey widget preview',
		empty: 'Add a question to see the preview.'
	},
	embed: {
		title: 'Embed on your site',
		intro: 'Paste this code into every page where the survey may appear, just before the closing </body> tag.',
		snippet: 'Embed code',
		attributes:
			'Optional attributes: data-customer-id="…" links answers to a customer in your system; data-language="ru" picks the survey language (otherwise the page’s language, then the visitor’s browser languages: the first one the survey has).',
		notLive: 'Visitors see the survey only while it is live. Publish it when you are ready.',
		originsNote: 'The survey only appears on the sites listed under Display & look → Where it may appear.',
		apiTitle: 'JavaScript API',
		apiIntro:
			'Optional. To choose the moment yourself, leave data-survey out of the embed code and call Otklik.show; Otklik.track fires surveys whose trigger is an event.',
		apiCode: 'JavaScript',
		apiStubComment: 'Lets you call Otklik before loader.js has finished loading',
		apiShowComment: 'Show the survey now, e.g. after a purchase (force: true skips sampling and the trigger)',
		apiTrackComment: 'Report an event: surveys triggered by it appear',
		linkTitle: 'Sharing as a link',
		linkText:
			'Share this address by email, SMS or a QR code: it opens the survey on its own page at once (the display trigger and sampling are for embedded surveys). Add ?customerId=… to tie the answer to a customer, ?language=… to choose the language.',
		publicLink: 'Survey link',
		publicKey: 'Public key'
	},
	results: {
		title: 'Results',
		period: 'Period',
		periods: {
			'7': 'Last 7 days',
			'30': 'Last 30 days',
			'90': 'Last 90 days',
			custom: 'Custom'
		},
		from: 'From',
		to: 'To',
		apply: 'Show',
		invalidRange: 'The start date must not be after the end date.',
		interval: 'Group by',
		intervals: {
			day: 'Day',
			week: 'Week',
			month: 'Month'
		},
		filtersLabel: 'Results filters',
		nps: 'NPS',
		csat: 'CSAT',
		ces: 'CES',
		cesMean: 'Average effort score',
		cesMeanValue: (mean: string, max: number) => `${mean} of ${max}`,
		agree: 'Found it easy',
		marginOfError: (margin: string) => `± ${margin} (95% margin of error)`,
		answers: (count: number, shown: string) => `${shown} ${pluralEn(count, 'answer', 'answers')}`,
		promoters: 'Promoters',
		passives: 'Passives',
		detractors: 'Detractors',
		responses: 'Responses',
		displays: 'Displays',
		responseRate: 'Response rate',
		noRate: 'No displays recorded',
		noScore: 'No answers in this period yet.',
		change: (change: string) => `${change} vs the previous period`,
		significant: 'statistically significant',
		notSignificant: 'not statistically significant',
		tooFewAnswers: (minN: number) => `too few answers to tell (under ${minN} on a side)`,
		noComparison: 'Nothing to compare with in the previous period.',
		trendTitle: 'Trend',
		trendBand: '95% margin of error',
		trendEmpty: 'No answers in this period yet. The chart fills in as answers arrive.',
		trendSummary: (metric: string, points: number) => `${metric} over time, ${points} periods.`,
		showTable: 'Show the data as a table',
		periodColumn: 'Period',
		rangeColumn: 'Margin of error range',
		answersColumn: 'Answers',
		distributionTitle: 'Score distribution',
		distributionEmpty: 'No scores in this period yet.',
		distributionRow: (score: number, count: string, percent: string) => `Score ${score}: ${count} (${percent})`,
		commentsTitle: 'Latest comments',
		commentsEmpty: 'No comments in this period.',
		scoreChip: (score: number) => `Score ${score}`,
		responsesTitle: 'Responses',
		responsesEmpty: 'No responses in this period.',
		date: 'Date',
		score: 'Score',
		comment: 'Comment',
		language: 'Language',
		customer: 'Customer',
		version: 'Version',
		state: 'State',
		finished: 'Finished',
		partial: 'Partial',
		otherAnswers: 'Other answers',
		loadMore: 'Load more',
		loadingMore: 'Loading…',
		shownCount: (shown: number) => `${shown} shown`,
		exportCsv: 'Export CSV',
		exportHint: 'All responses of the selected period, as a spreadsheet file.'
	},
	settings: {
		title: 'Settings',
		navLabel: 'Settings sections',
		members: 'Members',
		apiTokens: 'API tokens'
	},
	members: {
		title: 'Members',
		intro: 'People who can access this workspace and what they are allowed to do.',
		readOnly: 'Only workspace admins can change roles, remove members or invite people.',
		name: 'Name',
		email: 'Email',
		role: 'Role',
		joined: 'Joined',
		roleFor: (name: string) => `Role of ${name}`,
		roleUpdated: (name: string, role: string) => `${name} is now ${role}.`,
		remove: 'Remove',
		removeFor: (name: string) => `Remove ${name}`,
		removeTitle: 'Remove member?',
		removeText: (name: string, workspace: string) =>
			`${name} will lose access to ${workspace} right away. You can invite them again later.`,
		removed: (name: string) => `${name} was removed from the workspace.`,
		empty: 'This workspace has no members.',
		inviteTitle: 'Invite someone',
		inviteIntro: 'Otklik does not email invitations: create one and share the link with the person yourself. Someone new then confirms the address with a code Otklik emails to it.',
		inviteEmail: 'Email address',
		inviteRole: 'Role',
		inviteSubmit: 'Create invitation',
		invitePending: 'Creating…',
		inviteCreated: (email: string) => `Invitation for ${email} created. Send this link:`,
		inviteLink: 'Invitation link',
		inviteExpires: (date: string) => `The link works until ${date}.`,
		pendingTitle: 'Pending invitations',
		pendingEmpty: 'No pending invitations.',
		invitedBy: 'Invited by',
		expires: 'Expires',
		revoke: 'Revoke',
		revokeFor: (email: string) => `Revoke invitation for ${email}`,
		revokeTitle: 'Revoke invitation?',
		revokeText: (email: string) => `The invitation link sent to ${email} will stop working.`,
		revoked: (email: string) => `Invitation for ${email} was revoked.`
	},
	tokens: {
		title: 'API tokens',
		intro: 'Tokens let scripts and integrations use the Otklik API on behalf of this workspace.',
		adminOnly: 'Only workspace admins can view and manage API tokens.',
		name: 'Name',
		prefix: 'Prefix',
		scopes: 'Scopes',
		created: 'Created',
		createdBy: (name: string) => `by ${name}`,
		lastUsed: 'Last used',
		expires: 'Expires',
		empty: 'No API tokens yet.',
		createTitle: 'Create a token',
		nameLabel: 'Token name',
		nameHint: 'Something that tells you later what uses it, e.g. “CRM sync”.',
		scopesLegend: 'Scopes',
		scopesHint: 'Grant only what the integration needs.',
		noScopes: 'Choose at least one scope.',
		expiryLabel: 'Expires after, days',
		expiryHint: 'Leave empty for a token that does not expire.',
		submit: 'Create token',
		pending: 'Creating…',
		secretTitle: (name: string) => `Token “${name}” created`,
		secretWarning: 'Copy the token now and keep it somewhere safe. It will not be shown again.',
		secretLabel: 'Token',
		secretDone: 'Done, I have copied it',
		revoke: 'Revoke',
		revokeFor: (name: string) => `Revoke token ${name}`,
		revokeTitle: 'Revoke token?',
		revokeText: (name: string) => `Anything that uses “${name}” will stop working immediately. This cannot be undone.`,
		revoked: (name: string) => `Token “${name}” was revoked.`
	},
	customers: {
		title: 'Customers',
		intro: 'Everyone you know by your own id: contact details, lifecycle stage, segment, revenue and consents.',
		tableLabel: 'Customers',
		externalId: 'External id',
		name: 'Name',
		email: 'Email',
		phone: 'Phone',
		stage: 'Stage',
		segment: 'Segment',
		mrr: 'MRR',
		mrrLong: 'Monthly recurring revenue',
		orders: 'Orders',
		lastSeen: 'Last seen',
		firstSeen: 'First seen',
		created: 'Added',
		updated: 'Updated',
		stages: {
			aware: 'Aware',
			considering: 'Considering',
			buying: 'Buying',
			repeat: 'Repeat',
			left: 'Left'
		},
		search: 'Search',
		searchPlaceholder: 'Id, name or email',
		anyStage: 'Any stage',
		segmentPlaceholder: 'Any segment',
		filtersLabel: 'Filter customers',
		clearFilters: 'Clear filters',
		previous: 'Previous',
		next: 'Next',
		pagingLabel: 'Pages of customers',
		range: (from: string, to: string, total: string) => `${from}–${to} of ${total}`,
		noMatchesTitle: 'No customers match',
		noMatchesText: 'Try another search or clear the filters.',
		emptyTitle: 'No customers yet',
		emptyText:
			'Customers arrive from your systems: send them with the API (PUT /api/v1/workspaces/{workspaceId}/customers/{externalId}, or POST …/customers/bulk for up to 1000 at a time) using an API token with the customers:write scope, or import them in bulk. You can also add one by hand.',
		emptyTextReadOnly:
			'Customers arrive from your systems through the API or a bulk import. Ask a workspace admin or analyst to connect them.',
		readOnly: 'You can view customers; admins and analysts can add and edit them.',
		add: 'Add customer',
		addTitle: 'Add customer',
		addSubmit: 'Save customer',
		addPending: 'Saving…',
		externalIdHint: 'The id of this customer in your own system; saving an existing id updates that customer.',
		notSet: 'Not set',
		saved: (name: string) => `Customer “${name}” saved.`,
		fieldsMessage: 'Some fields need attention.',
		profileLabel: 'Customer profile',
		backToList: 'All customers',
		attributes: 'Attributes',
		noAttributes: 'No attributes.',
		consents: 'Consents',
		consentKinds: {
			survey: 'Surveys',
			marketing: 'Marketing'
		},
		consentGranted: 'Granted',
		consentWithdrawn: 'Withdrawn',
		consentUnknown: 'Not recorded',
		consentWhen: 'When',
		consentHow: 'How',
		consentDetail: (status: string, when: string, how: string) => `${status} on ${when} via ${how}`,
		notFoundTitle: 'Customer not found',
		notFoundText: (id: string) => `There is no customer with the external id “${id}” in this workspace.`
	},
	scopes: {
		'workspace:read': 'See workspace details',
		'members:read': 'See members',
		'members:write': 'Manage members',
		'surveys:read': 'See surveys',
		'surveys:write': 'Create and edit surveys',
		'responses:read': 'See survey responses',
		'responses:write': 'Submit and edit responses',
		'customers:read': 'See customers',
		'customers:write': 'Create and edit customers',
		'mentions:read': 'See mentions',
		'mentions:write': 'Add and edit mentions',
		'cases:read': 'See cases',
		'cases:write': 'Create and update cases',
		'clusters:read': 'See complaint clusters',
		'clusters:write': 'Edit clusters and import complaints',
		'webhooks:read': 'See webhook endpoints and deliveries',
		'webhooks:write': 'Manage webhook endpoints'
	}
};

export type Messages = typeof en;
