import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from './repo-root';

export const APP_VERSION: string = (JSON.parse(readFileSync(join(findRepoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
