import type { paths } from '$lib/api/schema';

type ParametersOp = paths['/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/parameters']['get'];
/** GET …/surveys/{id}/parameters: the rating matrix's results. */
export type SurveyParameters = ParametersOp['responses'][200]['content']['application/json'];
export type ParameterResult = SurveyParameters['parameters'][number];

/** The chart and badge tone of each importance–satisfaction quadrant. */
export const QUADRANT_TONES: Record<string, 'danger' | 'success' | 'neutral' | 'plain'> = {
  fix_first: 'danger',
  keep_up: 'success',
  low_priority: 'neutral',
  overdelivering: 'plain',
};
