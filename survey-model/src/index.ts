/**
 * The survey model shared by the backend, the dashboard and the widgets: what a survey and a cancellation flow
 * look like, how their texts are localised, the built-in wording, the API token scopes and the shared limits.
 * Pure TypeScript with no runtime dependencies: no Nest, no database, no Node-only or DOM-only APIs.
 */
export * from './survey-definition';
export * from './limits';
export * from './localize';
export * from './built-in-wording';
export * from './cancellation';
export * from './scopes';
export * from './templates';
