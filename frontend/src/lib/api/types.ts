import type { paths } from './schema';

/*
 * Domain types derived from the operations rather than from component names,
 * so they survive regenerating schema.d.ts from the backend's openapi.json
 * (where schema names follow the DTO classes).
 */

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
/** The JSON body of an operation's 200/201 response. */
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;
/** The JSON request body of an operation. */
type Body<Op> = Op extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

type P = paths;

export type Session = Success<P['/api/v1/auth/session']['get']>;
export type User = Session['user'];
export type WorkspaceSummary = Session['workspaces'][number];
export type Role = WorkspaceSummary['role'];
export type Workspace = Success<P['/api/v1/workspaces/{workspaceId}']['get']>;

export type LoginBody = Body<P['/api/v1/auth/login']['post']>;
export type InvitationPreview = Success<P['/api/v1/auth/invitations/{token}']['get']>;
export type AcceptInvitationBody = Body<P['/api/v1/auth/invitations/accept']['post']>;

export type Member = Success<P['/api/v1/workspaces/{workspaceId}/members']['get']>[number];
export type Invitation = Success<P['/api/v1/workspaces/{workspaceId}/invitations']['get']>[number];
export type CreatedInvitation = Success<P['/api/v1/workspaces/{workspaceId}/invitations']['post']>;

export type ApiToken = Success<P['/api/v1/workspaces/{workspaceId}/api-tokens']['get']>[number];
export type CreateApiTokenBody = Body<P['/api/v1/workspaces/{workspaceId}/api-tokens']['post']>;
export type CreatedApiToken = Success<P['/api/v1/workspaces/{workspaceId}/api-tokens']['post']>;
export type Scope = CreateApiTokenBody['scopes'][number];

export type Health = Success<P['/api/v1/health']['get']>;

type SurveysPath = P['/api/v1/workspaces/{workspaceId}/surveys'];
type SurveyPath = P['/api/v1/workspaces/{workspaceId}/surveys/{surveyId}'];

export type Survey = Success<SurveyPath['get']>;
export type SurveyKind = Survey['kind'];
export type SurveyStatus = Survey['status'];
export type SurveyQuestion = Survey['questions'][number];
export type QuestionType = SurveyQuestion['type'];
export type DisplayRules = Survey['displayRules'];
export type DisplayTrigger = DisplayRules['trigger'];
export type WidgetTheme = Survey['theme'];
export type WidgetPosition = WidgetTheme['position'];
export type CreateSurveyBody = Body<SurveysPath['post']>;
export type UpdateSurveyBody = Body<SurveyPath['patch']>;
export type ResponsePage = Success<P['/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/responses']['get']>;
export type SurveyResponse = ResponsePage['items'][number];

type MetricsOp = P['/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/metrics']['get'];
export type SurveyMetrics = Success<MetricsOp>;
export type MetricsQuery = NonNullable<NonNullable<MetricsOp['parameters']['query']>>;
export type MetricsInterval = NonNullable<MetricsQuery['interval']>;
export type MetricsSummary = SurveyMetrics['summary'];
export type MetricsComparison = NonNullable<SurveyMetrics['comparison']>;
export type SeriesPoint = SurveyMetrics['series'][number];
export type DistributionBin = MetricsSummary['distribution'][number];
export type LatestComment = SurveyMetrics['latestComments'][number];

/** Roles, in the server's order: admin manages the workspace; owner is a touchpoint owner, not an admin. */
export const ROLES = ['admin', 'analyst', 'owner', 'viewer'] as const satisfies readonly Role[];
export type KnownRole = (typeof ROLES)[number];

/** Roles that may manage members, invitations and API tokens. */
export function canManage(role: Role | undefined): boolean {
  return role === 'admin';
}

/** Roles that may create and edit surveys (the server's EDITORS); owners and viewers only read them. */
export function canEditSurveys(role: Role | undefined): boolean {
  return role === 'admin' || role === 'analyst';
}

type CustomersPath = P['/api/v1/workspaces/{workspaceId}/customers'];
type CustomerPath = P['/api/v1/workspaces/{workspaceId}/customers/{externalId}'];
export type Customer = Success<CustomerPath['get']>;
export type CustomerPage = Success<CustomersPath['get']>;
export type CustomerFields = Body<CustomerPath['put']>;
export type LifecycleStage = Customer['lifecycleStage'];
export type Consent = NonNullable<Customer['consents']['survey']>;
export type CustomersQuery = NonNullable<CustomersPath['get']['parameters']['query']>;

/** Roles that may add and edit customers (the server's EDITORS for customers). */
export function canEditCustomers(role: Role | undefined): boolean {
  return role === 'admin' || role === 'analyst';
}
