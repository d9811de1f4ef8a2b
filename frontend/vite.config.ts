import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const backend = { target: 'http://localhost:3000', changeOrigin: false };

// The API, and the survey widgets the builder's live preview loads.
const apiProxy = {
  '/api': backend,
  '/widget': backend,
};

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: apiProxy,
  },
  preview: {
    proxy: apiProxy,
  },
  build: {
    // chart.js is the largest dependency; keep the warning meaningful.
    chunkSizeWarningLimit: 300,
  },
});
