// dist/custom.js: defines <otklik-survey-custom>.
import { define } from './define.svelte';
import Matrix from './lib/Matrix.svelte';
import { slots } from './lib/slots';

// Only custom surveys have rating matrices: this bundle alone carries the component (see lib/slots.ts).
slots.matrix = Matrix;

define('custom');
