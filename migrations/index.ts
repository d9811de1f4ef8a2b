import { Foundation1763900000000 } from './1763900000000-foundation';

/** Every migration, oldest first. Landed migrations are never edited: add a new one. */
export const migrations = [Foundation1763900000000];
