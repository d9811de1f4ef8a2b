// dist/custom.js: defines <otklik-survey-custom>.
import { define } from './define.svelte';

define('custom');
