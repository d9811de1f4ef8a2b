/**
 * English UI strings. This object defines the shape of every dictionary:
 * ru.ts is typed as `Messages`, so a key missing from (or extra in) either
 * file is a compile error.
 */
export const en = {
	languageName: 'English',
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
		existingPassword: 'Your password',
		existingHint: 'You already have an Otklik account with this email. Enter its password to join the workspace.',
		submit: 'Accept and continue',
		pending: 'Joining…'
	},
	overview: {
		title: 'Overview',
		welcome: (name: string) => `Welcome, ${name}`,
		intro: 'This is where the pulse of your customers will live: survey results, new cases, churn reasons and mentions at a glance.',
		chartTitle: 'Responses, last 7 days',
		chartEmpty: 'No responses yet. This chart fills in once your surveys start collecting answers.',
		chartLabel: 'Responses',
		nextTitle: 'Meanwhile',
		nextMembers: 'Invite your team',
		nextTokens: 'Create an API token'
	},
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
		cases: {
			title: 'Cases',
			description: 'Follow up on unhappy customers and close the loop.'
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
		inviteIntro: 'Otklik does not send email. Create an invitation and share the link with the person yourself.',
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
		'cases:write': 'Create and update cases'
	}
};

export type Messages = typeof en;
