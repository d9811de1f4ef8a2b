/** Strings of Mentions → Feeds (mounted as `mentionFeeds` in en.ts). */
export const mentionFeedsEn = {
	title: 'Feeds',
	intro:
		'RSS and Atom feeds (review sites, search alerts) that Otklik checks on a schedule. New items become mentions with language and sentiment.',
	back: 'All mentions',
	add: 'Add feed',
	addTitle: 'Add a feed',
	editTitle: 'Edit feed',
	listTitle: 'Feeds',
	emptyTitle: 'No feeds yet',
	emptyText: 'Add the RSS or Atom feed of a review site or a search alert to bring its posts in as mentions.',
	readOnly: 'Only admins and analysts can add or change feeds.',
	limitNote: 'A workspace can have up to 50 feeds. Feeds that fail are retried less and less often (up to once a day) until they work again.',
	columns: {
		feed: 'Feed',
		status: 'Status',
		lastPolled: 'Last checked',
		nextPoll: 'Next check',
		items: 'Mentions',
		enabled: 'Enabled'
	},
	statuses: {
		ok: 'OK',
		not_modified: 'Not modified',
		error: 'Error',
		never: 'Not checked yet'
	},
	failures: (n: string) => `${n} failed in a row`,
	every: (minutes: string) => `every ${minutes} min`,
	paused: 'Paused',
	enabledToggle: (name: string) => `Check ${name} on schedule`,
	enabledOn: 'On',
	enabledOff: 'Paused',
	toggled: (name: string, on: boolean) => (on ? `${name} is checked on schedule again.` : `${name} paused.`),
	pollNow: 'Check now',
	pollNowFor: (name: string) => `Check ${name} now`,
	polling: 'Checking…',
	edit: 'Edit',
	editFor: (name: string) => `Edit ${name}`,
	remove: 'Delete',
	removeFor: (name: string) => `Delete ${name}`,
	removeTitle: 'Delete this feed?',
	removeMessage: (name: string) => `${name} will no longer be checked.`,
	removeNote: 'Mentions it already brought in stay.',
	removed: (name: string) => `${name} deleted.`,
	created: (name: string) => `${name} added. It will be checked in a moment.`,
	saved: (name: string) => `${name} saved.`,
	pollResult: {
		ok: (name: string, created: string, existing: string) => `${name}: ${created} new, ${existing} already known.`,
		not_modified: (name: string) => `${name} has not changed since the last check.`,
		error: (name: string, error: string) => `${name} could not be read: ${error}`
	},
	form: {
		url: 'Feed URL',
		urlHint: 'An RSS 2.0 or Atom address on the public internet, e.g. https://example.com/reviews.rss.',
		name: 'Name',
		nameHint: 'Shown in this list, e.g. “Otzovik reviews”.',
		source: 'Source',
		sourceHint: 'Lower-case label given to its mentions, e.g. otzovik or google-reviews.',
		interval: 'Check every (minutes)',
		intervalHint: 'From 5 to 1440 (a day).',
		enabled: 'Check on schedule',
		create: 'Add feed',
		creating: 'Adding…',
		save: 'Save',
		saving: 'Saving…',
		fieldsMessage: 'Please correct the highlighted fields.'
	}
};

export type MentionFeedsMessages = typeof mentionFeedsEn;
