// dist/cancel.js: defines <otklik-cancellation> and window.OtklikCancel (src/cancel.svelte.ts).
import './cancel.svelte';
