import { describe, expect, it } from 'vitest';
import { ENV_RULES_2026_9, resolveEnvReferences } from '../../src/config/env-substitution.ts';
import { parseConfigText } from '../../src/config/load.ts';
import { UserError } from '../../src/errors.ts';

const resolve = (raw: unknown, env: Record<string, string> = {}) => resolveEnvReferences(raw, env);

describe('${VAR} references, resolved as OpenClaw resolves them', () => {
  it('replaces an upper-case ${NAME} anywhere in a string value, at any depth', () => {
    const raw = { models: { providers: { lm: { baseUrl: 'http://${HOST}:1234/v1', models: [{ id: '${MODEL}' }] } } } };
    expect(resolve(raw, { HOST: 'box', MODEL: 'qwen' }).value).toEqual({ models: { providers: { lm: { baseUrl: 'http://box:1234/v1', models: [{ id: 'qwen' }] } } } });
  });

  it('turns the escape $${NAME} into a literal ${NAME} and reads no variable for it', () => {
    expect(resolve({ a: 'cost: $${PRICE}' })).toEqual({ value: { a: 'cost: ${PRICE}' }, missing: [] });
  });

  it('leaves what is not a reference as written: lower-case names, an unclosed brace, a lone $', () => {
    const raw = { a: '${lower}', b: '${OPEN', c: '$5', d: '$' };
    expect(resolve(raw)).toEqual({ value: raw, missing: [] });
  });

  it('never touches keys', () => {
    expect(resolve({ '${KEY}': 1 }, { KEY: 'x' }).value).toEqual({ '${KEY}': 1 });
  });

  it('lists a variable that is unset or empty with the path OpenClaw names', () => {
    const { missing } = resolve({ models: { providers: { o: { models: [{ maxTokens: '${MAXTOKENS}' }] } } }, a: '${EMPTY}' }, { EMPTY: '' });
    expect(missing).toEqual([
      { name: 'MAXTOKENS', path: 'models.providers.o.models[0].maxTokens' },
      { name: 'EMPTY', path: 'a' },
    ]);
  });

  it('fills variables from the config’s own env block, the process environment winning', () => {
    const raw = { env: { vars: { A: 'from-vars', B: 'from-vars' }, C: 'direct' }, x: '${A} ${B} ${C}' };
    expect((resolve(raw, { B: 'from-process' }).value as { x: string }).x).toBe('from-vars from-process direct');
  });

  it('does not read the variables of secret-named keys: the mocks get quotastorm’s own keys', () => {
    const raw = { channels: { telegram: { botToken: '${TELEGRAM_BOT_TOKEN}' } }, models: { providers: { x: { apiKey: '${X_KEY}' } } } };
    expect(resolve(raw, { TELEGRAM_BOT_TOKEN: '1:real-secret', X_KEY: 'sk-real' })).toEqual({ value: raw, missing: [] });
  });
});

describe('loading a config with ${VAR} references', () => {
  it('validates the substituted values and keeps the file as written in raw', () => {
    const loaded = parseConfigText('{ agents: { defaults: { model: { primary: "${PRIMARY}" } } } }', 'c.json5', { env: { PRIMARY: 'google/gemini-2.5-pro' } });
    expect(loaded.config.agents?.defaults?.model).toEqual({ primary: 'google/gemini-2.5-pro' });
    expect(loaded.raw).toEqual({ agents: { defaults: { model: { primary: '${PRIMARY}' } } } });
  });

  it('judges the type of the substituted value, as OpenClaw validates after substitution', () => {
    expect(() => parseConfigText('{ agents: { defaults: { maxConcurrent: "${CONCURRENCY}" } } }', 'c.json5', { env: { CONCURRENCY: '2' } })).toThrow(
      'at agents.defaults.maxConcurrent, expected a positive integer, got "2"',
    );
  });

  it('refuses a missing variable as bad input naming it, its path and what OpenClaw would do', () => {
    let error: unknown;
    try {
      parseConfigText('{ models: { providers: { lm: { baseUrl: "${LMSTUDIO_BASE_URL}", api: "openai-completions", models: [] } } } }', 'lm.json5', { env: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('lm.json5');
    expect((error as UserError).message).toContain('${LMSTUDIO_BASE_URL} at models.providers.lm.baseUrl');
    expect((error as UserError).message).toContain('OpenClaw 2026.2 refuses to start');
  });

  it('runs with a missing secret variable: quotastorm never needs the user’s secret', () => {
    expect(() => parseConfigText('{ channels: { telegram: { botToken: "${TELEGRAM_BOT_TOKEN}" } } }', 't.json5', { env: {} })).not.toThrow();
  });

  it('under 2026.9 rules keeps a missing variable’s reference as written and warns, as that version does', () => {
    const loaded = parseConfigText('{ agents: { defaults: { model: { primary: "${PRIMARY}" } } } }', 'c.json5', { env: {}, envRules: ENV_RULES_2026_9 });
    expect(loaded.config.agents?.defaults?.model).toEqual({ primary: '${PRIMARY}' });
    expect(loaded.warnings).toEqual([
      'missing env var "PRIMARY" at agents.defaults.model.primary - OpenClaw keeps the reference as written and warns that the feature using it will be unavailable',
    ]);
  });
});
