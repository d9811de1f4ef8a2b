/** Strings of the customer profile's timeline (mounted as `customerTimeline` in en.ts). */
export const customerTimelineEn = {
	title: 'Timeline',
	intro: 'Survey responses, cancellations and changes to the customer record, newest first.',
	filterLabel: 'Show events',
	kinds: {
		response: 'Responses',
		cancellation: 'Cancellations',
		mention: 'Mentions',
		customer: 'Customer record'
	} as Record<string, string>,
	kindIcon: {
		response: 'Survey response',
		cancellation: 'Cancellation',
		mention: 'Social mention',
		customer: 'Customer record event'
	} as Record<string, string>,
	mentionSentiment: { '-1': 'Negative', '0': 'Neutral', '1': 'Positive' } as Record<string, string>,
	mentionAnswered: 'Answered',
	mentionOpen: 'Open the post',
	loadMore: 'Load more',
	loadingMore: 'Loading…',
	retry: 'Try again',
	empty: 'Nothing has happened for this customer yet.',
	emptyFiltered: 'No events of the selected kinds.',
	loadError: 'Could not load the timeline.',
	end: 'That is everything.',
	score: 'Score',
	scoreOf: (score: number, max: number) => `${score} of ${max}`,
	noScore: 'No score',
	bands: {
		nps: { positive: 'Promoter', neutral: 'Passive', negative: 'Detractor' },
		csat: { positive: 'Satisfied', neutral: 'Neutral', negative: 'Dissatisfied' },
		ces: { positive: 'Easy', neutral: 'Neutral', negative: 'Difficult' }
	} as Record<string, Record<string, string>>,
	surveyKinds: { nps: 'NPS', csat: 'CSAT', ces: 'CES', custom: 'Survey' } as Record<string, string>,
	partial: 'Partial response',
	noComment: 'No comment',
	reason: 'Reason',
	noReason: 'No reason chosen',
	otherText: 'In their words',
	followUp: 'Follow-up',
	offer: 'Offer shown',
	outcomes: { saved: 'Saved', cancelled: 'Cancelled', unfinished: 'Unfinished' },
	mrr: 'MRR',
	customerEvents: {
		first_seen: 'First seen',
		consent_granted: (channel: string) => `Gave ${channel} consent`,
		consent_withdrawn: (channel: string) => `Withdrew ${channel} consent`
	},
	consentChannels: { survey: 'survey', marketing: 'marketing' } as Record<string, string>,
	via: (source: string) => `via ${source}`,
	language: 'Language'
};

export type CustomerTimelineMessages = typeof customerTimelineEn;
