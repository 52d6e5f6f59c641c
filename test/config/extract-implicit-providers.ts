/**
 * Writes src/config/catalog/implicit-<version>.json from a pinned install: the
 * providers OpenClaw 2026.2 adds to its model registry on its own when an API
 * key for them is in the environment or an auth profile, with no
 * `models.providers` entry (`resolveImplicitProviders`, dist/model-selection-*.js).
 *
 *   node test/config/extract-implicit-providers.ts 2026.2.26 [<install node_modules>]
 *
 * The function is run as the gateway runs it, with a stand-in value for every
 * key variable it reads and VITEST set, which makes it skip the network
 * lookups (Ollama's /api/tags, vLLM's /models, Venice, Hugging Face) and keep
 * their static catalogs. Providers whose models come only from such a lookup
 * are written with `discovery` and no models. The key variable it found is
 * the provider's `apiKey` in the result (`resolveEnvApiKeyVarName`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type SourceModel = { id: string; contextWindow?: number; maxTokens?: number };
type SourceProvider = { api: string; baseUrl: string; apiKey?: string; models: SourceModel[] };

/** Key variables `resolveEnvApiKeyVarName` reads for the providers `resolveImplicitProviders` asks about. */
const KEY_VARIABLES = [
  'MINIMAX_API_KEY', 'MOONSHOT_API_KEY', 'KIMI_API_KEY', 'SYNTHETIC_API_KEY', 'VENICE_API_KEY', 'VOLCANO_ENGINE_API_KEY',
  'BYTEPLUS_API_KEY', 'XIAOMI_API_KEY', 'OLLAMA_API_KEY', 'VLLM_API_KEY', 'TOGETHER_API_KEY', 'HUGGINGFACE_HUB_TOKEN',
  'QIANFAN_API_KEY', 'OPENROUTER_API_KEY', 'NVIDIA_API_KEY', 'KILOCODE_API_KEY',
];
/** Providers whose models the gateway asks their server for at startup (`discoverOllamaModels`, `discoverVllmModels`). */
const DISCOVERED: Readonly<Record<string, string>> = { ollama: 'GET {baseUrl}/api/tags', vllm: 'GET {baseUrl}/models' };

const [version, modulesArg] = process.argv.slice(2);
if (version === undefined) throw new Error('usage: node test/config/extract-implicit-providers.ts <openclaw version> [<node_modules>]');
if (process.env['QUOTASTORM_EXTRACT_CHILD'] === undefined) {
  // The function reads process.env and the home directory: run it in a child with nothing else in either.
  const home = mkdtempSync(join(tmpdir(), 'quotastorm-implicit-'));
  const env = { PATH: process.env['PATH'] ?? '', HOME: home, VITEST: '1', QUOTASTORM_EXTRACT_CHILD: '1', ...Object.fromEntries(KEY_VARIABLES.map((name) => [name, 'quotastorm-key'])) };
  execFileSync(process.execPath, [process.argv[1]!, ...process.argv.slice(2)], { env, stdio: 'inherit' });
  process.exit(0);
}
const dist = join(resolve(modulesArg ?? join('.cache', 'openclaw', version, 'node_modules')), 'openclaw', 'dist');
const { file, exportName } = implicitProvidersModule(dist);
const module = (await import(pathToFileURL(join(dist, file)).href)) as Record<string, (params: { agentDir: string }) => Promise<Record<string, SourceProvider>>>;
const found = await module[exportName]!({ agentDir: join(process.env['HOME']!, 'agent') });
const providers = Object.fromEntries(
  Object.entries(found)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, provider]) => [
      id,
      {
        api: provider.api,
        baseUrl: provider.baseUrl,
        envVar: provider.apiKey,
        ...(DISCOVERED[id] === undefined ? {} : { discovery: DISCOVERED[id] }),
        models: provider.models.map((model) => ({
          id: model.id,
          ...(model.contextWindow === undefined ? {} : { contextWindow: model.contextWindow }),
          ...(model.maxTokens === undefined ? {} : { maxTokens: model.maxTokens }),
        })),
      },
    ]),
);
const out = { openclawVersion: version, source: `openclaw@${version} dist/${file} resolveImplicitProviders`, providers };
await writeFile(join('src', 'config', 'catalog', `implicit-${version}.json`), `${JSON.stringify(out, null, 1)}\n`);
process.exit(0);

/** The chunk that exports `resolveImplicitProviders`, and the short name it exports it under. */
function implicitProvidersModule(dir: string): { file: string; exportName: string } {
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const exported = /\bresolveImplicitProviders as (\w+)\b/.exec(text.slice(text.lastIndexOf('export {')));
    if (exported !== null && text.includes('async function resolveImplicitProviders(')) return { file, exportName: exported[1]! };
  }
  throw new Error(`no module in ${dir} exports resolveImplicitProviders`);
}
