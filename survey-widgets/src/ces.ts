// dist/ces.js: defines <otklik-survey-ces>.
import { define } from './define.svelte';

define('ces');
