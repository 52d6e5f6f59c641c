/**
 * quotastorm refuses the corpus configs each pinned OpenClaw refuses, at the same paths: the
 * verdicts in test/fixtures/real-configs/openclaw-verdicts.json are the gateways' own
 * (test/config/record-openclaw-verdicts.ts, each file read as the gateway reads it at start, with
 * none of its `${VAR}`s set). Where a version checks more than its schema, the table below names
 * the paths that come from those checks and why quotastorm does not make them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLegacyConfigIssues } from '../../src/config/legacy-keys.ts';
import { parseJson5 } from '../../src/config/load.ts';
import { openclawSchemaIssues } from '../../src/config/openclaw-schema/index.ts';
import { UserError } from '../../src/errors.ts';

type Verdict = { readonly valid: boolean; readonly issues: readonly { path: string; message: string }[] };
const { verdicts } = JSON.parse(readFileSync('test/fixtures/real-configs/openclaw-verdicts.json', 'utf8')) as { verdicts: Record<string, Record<string, Verdict>> };

/** OpenClaw stopped before its schema: the stage, recognised by its message. */
type EarlierStage = { readonly stage: 'json5' | 'env'; readonly why: string };
/** OpenClaw checked more after its schema: the paths of those checks. */
type LaterChecks = { readonly paths: readonly string[]; readonly why: string };

const JSON5_SYNTAX: EarlierStage = { stage: 'json5', why: 'not JSON5: quotastorm refuses it at parse too (parseJson5)' };
const MISSING_ENV: EarlierStage = {
  stage: 'env',
  why:
    '2026.2.26 refuses a config whose ${VAR} is unset before it validates anything (resolveConfigForRead). quotastorm refuses it too outside ' +
    'secret-named keys (load.ts missingEnvError); under them it supplies its own keys to its mocks, so the schema decides instead',
};
const PLUGIN_REGISTRY =
  '2026.2.26 validateConfigObjectWithPluginsBase checks channels.<id>, plugins.allow and plugins.load.paths against the plugins installed on ' +
  'the machine; quotastorm has no plugin registry and does not refuse them';
const AGENT_OWNERSHIP =
  '2026.9.6 refuses a multi-agent roster without agents.ownership after its schema (agents.ownership issue of validatePreparedConfigWithPlugins); not modelled';
const CHANNEL_PLUGIN_SCHEMA =
  "2026.9.6's root schema passes channels.* through; the bundled channel plugins' own JSON schemas refuse keys after it (validatePreparedConfigWithPlugins); not modelled";

const DIFFERENCES: Readonly<Record<string, Readonly<Record<string, EarlierStage | LaterChecks>>>> = {
  '2026.2.26': {
    'agents-entries-2026-9-slack-secretref.json5': MISSING_ENV,
    'anthropic-codex-google-ollama-slack-bindings.json5': MISSING_ENV,
    'coze-multi-channel.json5': MISSING_ENV,
    'docs-complete-example.json5': MISSING_ENV,
    'docs-litellm.json5': MISSING_ENV,
    'foreign-shape-providers-pool.json5': MISSING_ENV,
    'lmstudio-env-placeholders.json5': MISSING_ENV,
    'nvidia-nim-telegram-open.json5': MISSING_ENV,
    'openai-codex-agents-bindings.json5': MISSING_ENV,
    'zai-glm-discord.json5': MISSING_ENV,
    'docs-ollama-openai-compat.json5': JSON5_SYNTAX,
    'nvidia-secretref-template-literal.json5': JSON5_SYNTAX,
    'bailian-heartbeat-cron-feishu-dingtalk-wecom.json5': { paths: ['channels.dingtalk', 'channels.wecom', 'plugins.allow'], why: PLUGIN_REGISTRY },
    'ollama-cloud-model-telegram-pairing.json5': { paths: ['plugins.allow'], why: PLUGIN_REGISTRY },
    'volcengine-doubao-feishu.json5': { paths: ['plugins.load.paths', 'plugins.allow'], why: PLUGIN_REGISTRY },
  },
  '2026.9.6': {
    'docs-ollama-openai-compat.json5': JSON5_SYNTAX,
    'nvidia-secretref-template-literal.json5': JSON5_SYNTAX,
    'bailian-dashscope-feishu-bindings.json5': { paths: ['agents.ownership'], why: AGENT_OWNERSHIP },
    'bailian-heartbeat-cron-feishu-dingtalk-wecom.json5': { paths: ['agents.ownership'], why: AGENT_OWNERSHIP },
    'google-anthropic-telegram-two-accounts-auth-profiles.json5': { paths: ['agents.ownership'], why: AGENT_OWNERSHIP },
    'google-gemini-builtin-bindings-telegram.json5': { paths: ['agents.ownership'], why: AGENT_OWNERSHIP },
    'vllm-agents-bindings-telegram.json5': { paths: ['agents.ownership'], why: AGENT_OWNERSHIP },
    'zai-telegram-three-accounts-bindings.json5': { paths: ['agents.ownership'], why: AGENT_OWNERSHIP },
    'docs-secure-dm.json5': { paths: ['channels.discord.dm'], why: CHANNEL_PLUGIN_SCHEMA },
    'openrouter-llama-telegram-open.json5': { paths: ['channels.telegram'], why: CHANNEL_PLUGIN_SCHEMA },
    'openrouter-deepseek-google-aliases.json5': {
      paths: ['agents.defaults.model.fallbacks.0', 'agents.defaults.models.google/gemini-2.0-flash-exp'],
      why: '2026.9.6 refuses a retired model after its schema ("Unknown model: google/gemini-2.0-flash-exp. Google shut down …"); quotastorm reports unknown models at run time instead',
    },
    'whatsapp-allowlist-no-model.json5': {
      paths: ['tools.web.search.gemini'],
      why: "2026.9.6's legacy web_search check (\"must use plugins.entries.<plugin>.config.webSearch\") runs beside its schema; the schema's own issue (root `web`) is modelled",
    },
  },
};

/** What quotastorm refuses the file with for `version`: legacy keys first on 2026.2.26, then the version's schema. */
function quotastormIssuePaths(raw: unknown, version: string): string[] {
  const legacy = version === '2026.2.26' ? findLegacyConfigIssues(raw) : [];
  return legacy.length > 0 ? legacy.map((issue) => issue.path) : openclawSchemaIssues(raw, version).map((issue) => issue.path);
}

const distinct = (paths: readonly string[]): string[] => [...new Set(paths)].sort();

for (const [version, configs] of Object.entries(verdicts)) {
  describe(`the corpus as OpenClaw ${version} reads it`, () => {
    for (const [name, verdict] of Object.entries(configs)) {
      const difference = DIFFERENCES[version]?.[name];
      const text = readFileSync(`test/fixtures/real-configs/${name}`, 'utf8');
      if (difference !== undefined && 'stage' in difference) {
        it(`${name}: OpenClaw stops before its schema (${difference.stage})`, () => {
          expect(verdict.valid).toBe(false);
          expect(verdict.issues[0]?.message).toMatch(difference.stage === 'json5' ? /^JSON5 parse failed/ : /^Missing env var/);
          if (difference.stage === 'json5') expect(() => parseJson5(text, name)).toThrow(UserError);
        });
        continue;
      }
      it(`${name}: ${verdict.valid ? 'starts' : 'is refused'}${difference === undefined ? '' : ' (less the checks after its schema)'}`, () => {
        const expected = distinct(verdict.issues.map((issue) => issue.path).filter((path) => !(difference?.paths.includes(path) ?? false)));
        expect(distinct(quotastormIssuePaths(parseJson5(text, name), version))).toEqual(expected);
      });
    }
  });
}

describe('the differences table', () => {
  it('names only configs of the corpus, each with a reason', () => {
    for (const [version, configs] of Object.entries(DIFFERENCES)) {
      for (const [name, difference] of Object.entries(configs)) {
        expect(verdicts[version]?.[name], `${version} ${name}`).toBeDefined();
        expect(difference.why.length).toBeGreaterThan(20);
      }
    }
  });
});
