/**
 * Writes src/config/catalog/openclaw-<version>.json from a pinned install
 * (`quotastorm gateway install openclaw@<version>`): the built-in providers
 * and models a config may name without declaring them in `models.providers`.
 *
 *   node test/config/extract-catalog.ts 2026.2.26
 *
 * 2026.2.26 takes them from the pi-ai package it bundles
 * (`MODELS` in dist/models.generated.js). 2026.9.6 keeps them in its provider
 * plugins: each extension's manifest `modelCatalog.providers`, else the
 * static `build<Extension>Provider()` of its provider-catalog.js. Providers
 * found only by runtime discovery (ollama, lmstudio, vllm) have no entry.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type SourceModel = { id: string; api?: string; baseUrl?: string; contextWindow?: number; maxTokens?: number };
type SourceProvider = { api?: string; baseUrl?: string; models?: SourceModel[] };

const version = process.argv[2];
if (version === undefined) throw new Error('usage: node test/config/extract-catalog.ts <openclaw version>');
const modules = resolve('.cache', 'openclaw', version, 'node_modules');
const piAi = join(modules, '@mariozechner', 'pi-ai');
const found = existsSync(piAi) ? await fromPiAi(piAi) : await fromPlugins(join(modules, 'openclaw', 'dist', 'extensions'));

const providers: Record<string, unknown> = {};
for (const [providerId, provider] of Object.entries(found.providers).sort(([a], [b]) => a.localeCompare(b))) {
  const models = provider.models ?? [];
  const api = provider.api ?? mostCommon(models.map((model) => model.api ?? ''));
  const baseUrl = provider.baseUrl ?? mostCommon(models.map((model) => model.baseUrl ?? ''));
  if (api === '' || baseUrl === '') continue;
  providers[providerId] = {
    api,
    baseUrl,
    models: models.map((model) => ({
      id: model.id,
      ...(model.api === undefined || model.api === api ? {} : { api: model.api }),
      ...(model.baseUrl === undefined || model.baseUrl === baseUrl ? {} : { baseUrl: model.baseUrl }),
      ...(model.contextWindow === undefined ? {} : { contextWindow: model.contextWindow }),
      ...(model.maxTokens === undefined ? {} : { maxTokens: model.maxTokens }),
    })),
  };
}
const catalog = { openclawVersion: version, source: found.source, providers };
await writeFile(join('src', 'config', 'catalog', `openclaw-${version}.json`), `${JSON.stringify(catalog, null, 1)}\n`);
process.exit(0); // some plugin modules keep handles open

async function fromPiAi(dir: string): Promise<{ source: string; providers: Record<string, SourceProvider> }> {
  const { version: piAiVersion } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string };
  const { MODELS } = (await import(pathToFileURL(join(dir, 'dist', 'models.generated.js')).href)) as { MODELS: Record<string, Record<string, SourceModel>> };
  const providers = Object.fromEntries(Object.entries(MODELS).map(([id, models]) => [id, { models: Object.values(models) }]));
  return { source: `@mariozechner/pi-ai@${piAiVersion} dist/models.generated.js`, providers };
}

async function fromPlugins(dir: string): Promise<{ source: string; providers: Record<string, SourceProvider> }> {
  const providers: Record<string, SourceProvider> = {};
  for (const extension of (await readdir(dir)).sort()) {
    const manifestFile = join(dir, extension, 'openclaw.plugin.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { modelCatalog?: { providers?: Record<string, SourceProvider> } };
    Object.assign(providers, manifest.modelCatalog?.providers ?? {});
    const catalogFile = join(dir, extension, 'provider-catalog.js');
    if (providers[extension] !== undefined || !existsSync(catalogFile)) continue;
    const exports = (await import(pathToFileURL(catalogFile).href)) as Record<string, unknown>;
    const build = Object.entries(exports).find(([name]) => name.toLowerCase() === `build${extension.replaceAll('-', '')}provider`)?.[1];
    if (typeof build === 'function') providers[extension] = (await build()) as SourceProvider;
  }
  return { source: `openclaw@${version} dist/extensions/*/openclaw.plugin.json modelCatalog and provider-catalog.js`, providers };
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
