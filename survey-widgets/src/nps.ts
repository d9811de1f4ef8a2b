// dist/nps.js: defines <otklik-survey-nps>.
import { define } from './define.svelte';

define('nps');
