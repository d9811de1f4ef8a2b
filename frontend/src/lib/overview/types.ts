import type { paths } from '$lib/api/schema';

type Op = paths['/api/v1/workspaces/{workspaceId}/overview']['get'];
/** GET …/overview: the home page's figures, each with the link of the page that shows it. */
export type Overview = Op['responses'][200]['content']['application/json'];
export type OverviewQuery = NonNullable<Op['parameters']['query']>;
export type OverviewLink = Overview['checklist']['steps'][number]['link'];
export type OverviewScore = NonNullable<Overview['scores']>['kinds'][number];
