import { Foundation1763900000000 } from './1763900000000-foundation';
import { Surveys1763990000000 } from './1763990000000-surveys';

/** Every migration, oldest first. Landed migrations are never edited: add a new one. */
export const migrations = [Foundation1763900000000, Surveys1763990000000];
