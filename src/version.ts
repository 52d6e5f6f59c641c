import { readFileSync } from 'node:fs';

/** quotastorm's version, from package.json: printed by --version and stamped on every result. */
export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
