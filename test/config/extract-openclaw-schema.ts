/**
 * Writes src/config/openclaw-schema/openclaw-<version>.json from a pinned install
 * (`quotastorm gateway install openclaw@<version>`): the version's root config schema
 * (`OpenClawSchema`, the strict zod schema every openclaw.json is validated with) as JSON Schema.
 *
 *   node test/config/extract-openclaw-schema.ts 2026.2.26
 *
 * The conversion is zod's own `toJSONSchema`, as the version's `config.schema` gateway method
 * builds its schema (2026.2.26 dist/gateway-cli-CD7BHA7a.js `buildBaseConfigSchema`), but on the
 * input side (`io: "input"`: a key with a default is optional, as it is when a file is read) and
 * with the `channels` section left as the version declares it: a channel the root schema does not
 * name is checked by later steps (src/config/openclaw-schema/index.ts says which).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type ZodLike = { toJSONSchema(options: Record<string, unknown>): Record<string, unknown> };

/** Where each version's bundle keeps `OpenClawSchema`, and the name it is exported under. */
const SOURCES: Readonly<Record<string, { file: string; exportName: string }>> = {
  // The chunk `openclaw gateway run` loads (register.subclis → gateway-cli-CD7BHA7a.js → auth-profiles-6WJHPoy1.js).
  '2026.2.26': { file: 'auth-profiles-6WJHPoy1.js', exportName: 'z' },
  '2026.9.6': { file: 'zod-schema-B-u3AXjg.mjs', exportName: 't' },
};

const version = process.argv[2];
const source = version === undefined ? undefined : SOURCES[version];
if (version === undefined || source === undefined) throw new Error(`usage: node test/config/extract-openclaw-schema.ts <${Object.keys(SOURCES).join('|')}>`);
const dist = resolve(process.env['QUOTASTORM_CACHE_DIR'] ?? '.cache', 'openclaw', version, 'node_modules', 'openclaw', 'dist');
const exports = (await import(pathToFileURL(join(dist, source.file)).href)) as Record<string, ZodLike>;
const openclawSchema = exports[source.exportName];
if (openclawSchema === undefined) throw new Error(`${source.file} has no export ${source.exportName}`);
const schema = openclawSchema.toJSONSchema({ target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
const out = { openclawVersion: version, source: `openclaw@${version} dist/${source.file} OpenClawSchema.toJSONSchema({ io: "input" })`, schema };
await writeFile(join('src', 'config', 'openclaw-schema', `openclaw-${version}.json`), `${JSON.stringify(out, null, 1)}\n`);
process.exit(0); // the bundle's modules keep handles open
