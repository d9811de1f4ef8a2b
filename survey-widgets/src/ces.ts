// dist/ces.js: defines <otklik-survey-ces>.
import { define } from './define';

define('ces');
