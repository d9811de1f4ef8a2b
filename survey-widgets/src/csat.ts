// dist/csat.js: defines <otklik-survey-csat>.
import { define } from './define.svelte';

define('csat');
