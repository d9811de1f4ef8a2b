import { describe, expect, it } from 'vitest';
import { classifyPublicPath, inPublicArea, resolvePublicPath } from './public-route';

const key = 'srv_AbCdEfGhIjKlMnOpQrSt';

describe('resolvePublicPath', () => {
  it('reads the exact routes, with or without a query', () => {
    expect(resolvePublicPath(`/api/v1/public/surveys/${key}`)).toEqual({ target: 'survey', key, action: 'config' });
    expect(resolvePublicPath(`/api/v1/public/surveys/${key}/responses?x=1`)).toEqual({ target: 'survey', key, action: 'responses' });
    expect(resolvePublicPath(`/api/v1/public/surveys/${key}/displays`)).toEqual({ target: 'survey', key, action: 'displays' });
    expect(resolvePublicPath('/api/v1/public/cancellation-flows/cxl_1/submissions')).toEqual({
      target: 'cancellation-flow',
      key: 'cxl_1',
      action: 'submissions',
    });
  });

  it.each([
    `/api/v1/public/Surveys/${key}/responses`,
    `/api/v1/public/surveys/${key.replace('_', '%5F')}/responses`,
    `/api/v1/public/surveys/${key}/responses/`,
    `/api/v1/public/surveys//${key}/responses`,
    `/api/v1/public/surveys/x/../${key}/responses`,
    `/api/v1/public/surveys/${key}/submissions`,
    `/api/v1/public/cancellation-flows/${key}/responses`,
    `/api/v1/public/surveys/${'k'.repeat(33)}`,
  ])('refuses %s', (url) => {
    expect(resolvePublicPath(url)).toBeNull();
    expect(classifyPublicPath(url)).toBeNull();
  });
});

describe('inPublicArea', () => {
  it.each([
    '/API/V1/PUBLIC/surveys/x',
    '/api/v1/%70ublic/surveys/x',
    '//api//v1/public/x',
    '/api/v1/x/../public/surveys/x',
    '/api\\v1\\public/surveys/x',
    'http://example.test/api/v1/Public/surveys/x',
    '/api/v1/public/surveys/%ZZ',
  ])('sees %s as public', (url) => expect(inPublicArea(url)).toBe(true));

  it.each(['/api/v1/health', '/api/v1/publications', '/s/srv_x', '/widget/loader.js', '/api/v1/workspaces/public'])(
    'leaves %s alone',
    (url) => {
      expect(classifyPublicPath(url)).toBeUndefined();
    },
  );
});
