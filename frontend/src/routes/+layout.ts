// Single-page app: everything renders in the browser, nothing is prerendered.
// The backend serves build/index.html for every non-/api path.
export const ssr = false;
export const prerender = false;
