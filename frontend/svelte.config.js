import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
  },
  kit: {
    // Single-page app: the backend serves build/ at `/` and falls back to
    // index.html for every non-/api path.
    adapter: adapter({
      pages: 'build',
      assets: 'build',
      fallback: 'index.html',
      precompress: false,
      strict: true,
    }),
    // Emits a <meta http-equiv="content-security-policy"> with the sha256 of
    // SvelteKit's inline bootstrap script. The app loads nothing from other
    // origins: no CDNs, no web fonts.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
    paths: {
      // The fallback page is served for deep links such as /settings/members,
      // so asset URLs must be absolute.
      relative: false,
    },
  },
};

export default config;
