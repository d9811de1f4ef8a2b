import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const apiProxy = {
	'/api': {
		target: 'http://localhost:3000',
		changeOrigin: false
	}
};

export default defineConfig({
	plugins: [sveltekit()],
	server: {
		proxy: apiProxy
	},
	preview: {
		proxy: apiProxy
	},
	build: {
		// chart.js is the largest dependency; keep the warning meaningful.
		chunkSizeWarningLimit: 300
	}
});
