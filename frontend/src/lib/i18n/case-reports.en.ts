import { pluralEn } from './plural';
import { monthPeriodFieldsEn } from './month-periods';

/** Strings of the case reports page (mounted as `caseReports` in en.ts). */
export const caseReportsEn = {
	title: 'Case reports',
	intro: 'SLA compliance, response and resolution times and what customers said afterwards: speed next to quality.',
	timeNote:
		'Times are SLA time, as the targets count it: working hours of each case’s policy calendar, without the time spent waiting on the customer. A case counts in compliance once its outcome is known.',
	empty: 'No cases were opened in this period.',
	filters: {
		label: 'Report filters',
		...monthPeriodFieldsEn,
		groupBy: 'Group by',
		groups: { touchpoint: 'Touchpoint', owner: 'Owner', channel: 'Channel', priority: 'Priority', month: 'Month opened' } as Record<string, string>,
		touchpoint: 'Touchpoint',
		owner: 'Owner',
		channel: 'Channel',
		priority: 'Priority',
		any: 'All',
		unassigned: 'Unassigned'
	},
	kpi: {
		label: 'Headline figures',
		firstResponse: 'First response within SLA',
		resolution: 'Resolved within SLA',
		measured: (met: string, measured: string) => `${met} of ${measured} measured`,
		pending: (n: string) => `${n} still running`,
		firstResponseTime: 'First response time',
		resolutionTime: 'Resolution time',
		medianP90: (median: string, p90: string) => `median ${median} · p90 ${p90}`,
		timed: (n: string, count: number) => `over ${n} ${pluralEn(count, 'case', 'cases')}`,
		closedLoop: 'Closed-loop rate',
		closedLoopDetail: (met: string, measured: string) => `${met} of ${measured} detractors contacted within target`,
		followUp: 'Follow-up CSAT',
		followUpDetail: (csat: string, share: string) => `${csat} satisfied (4–5) · ${share} of closed cases answered`,
		breaches: 'Breaches',
		breachesDetail: (cases: string, total: string) => `${cases} of ${total} cases missed a target`
	},
	table: {
		title: (by: string) => `By ${by.toLowerCase()}`,
		intro: 'Compliance and times next to the follow-up CSAT of the same cases.',
		caption: 'Case figures per group',
		group: 'Group',
		cases: 'Cases',
		firstResponse: 'First response in SLA',
		firstResponseTime: 'First response, median / p90',
		resolution: 'Resolved in SLA',
		resolutionTime: 'Resolution, median / p90',
		breaches: 'Breaches',
		csat: 'Follow-up CSAT',
		closedLoop: 'Closed loop',
		total: 'All cases',
		noTouchpoint: 'No touchpoint',
		unassigned: 'Unassigned',
		answers: (count: number, shown: string) => `${shown} answer${count === 1 ? '' : 's'}`
	},
	tradeOff: {
		title: 'Speed vs. quality',
		intro: 'One dot per group: the median resolution time and the average follow-up CSAT of the same cases (resolved cases with an answer). Fast but low is speed bought with quality.',
		x: 'Median resolution time, hours (SLA)',
		y: 'Average follow-up CSAT (1–5)',
		empty: 'No resolved case has a follow-up CSAT yet in this period.',
		summary: (n: number) => `Scatter chart of ${n} groups: resolution time against follow-up CSAT. The table above has the same figures.`,
		point: (label: string, time: string, csat: string, cases: string) => `${label}: ${time}, CSAT ${csat} (${cases} cases)`
	},
	breaches: {
		title: 'Breaches over time',
		intro: 'Missed targets and compliance by the week or month the cases opened in.',
		interval: 'Interval',
		intervals: { week: 'Weeks', month: 'Months' } as Record<string, string>,
		breaches: 'Breaches',
		firstResponse: 'First response in SLA, %',
		resolution: 'Resolved in SLA, %',
		percentAxis: 'Compliance, %',
		countAxis: 'Breaches',
		summary: (breaches: string, periods: string) => `Bar and line chart: ${breaches} breaches over ${periods} periods.`,
		period: 'Period',
		showTable: 'Show as a table',
		hideTable: 'Hide the table'
	},
	units: {
		minutes: (n: string) => `${n} min`,
		hours: (n: string) => `${n} h`
	}
};
