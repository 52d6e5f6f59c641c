import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { parseConfigText } from '../../src/config/load.ts';
import { REDACTED, collectSecrets, isSecretKey, redact, redactText } from '../../src/config/redact.ts';

describe('redact', () => {
  it('blanks scalars under secret-named keys, at any depth', () => {
    const config = {
      models: { providers: { p: { apiKey: 'k-123456', headers: { 'x-api-key': 'h-123456', Accept: 'json' } } } },
      channels: { telegram: { botToken: '123:abc', webhookSecret: 's', tokenFile: '/run/token' } },
      gateway: { auth: { token: 'gw-token', password: 42 } },
      env: { OPENAI_API_KEY: 'anything' },
    };
    expect(redact(config)).toEqual({
      models: { providers: { p: { apiKey: REDACTED, headers: { 'x-api-key': REDACTED, Accept: 'json' } } } },
      channels: { telegram: { botToken: REDACTED, webhookSecret: REDACTED, tokenFile: '/run/token' } },
      gateway: { auth: { token: REDACTED, password: REDACTED } },
      env: { OPENAI_API_KEY: REDACTED },
    });
  });

  it('keeps counts and identifiers whose names merely contain "token" or "key"', () => {
    const config = { maxTokens: 8192, contextTokens: 170000, mainKey: 'main', sessionKey: 'agent:main:main' };
    expect(redact(config)).toEqual(config);
  });

  it('keeps a secret reference, which names a variable rather than holding a value', () => {
    const ref = { source: 'env', provider: 'default', id: 'OPENAI_API_KEY' };
    expect(redact({ apiKey: ref })).toEqual({ apiKey: ref });
  });

  it('blanks key-shaped strings wherever they appear', () => {
    const googleKey = `AIza${'x'.repeat(35)}`;
    expect(redact({ notes: [`sk-${'a'.repeat(40)}`, googleKey, 'gemini-2.5-flash'] })).toEqual({
      notes: [REDACTED, REDACTED, 'gemini-2.5-flash'],
    });
  });

  it('blanks every scalar of a malformed secret, whatever wraps it', () => {
    expect(redact({ apiKey: { value: 'sk-CANARY-obj' }, botToken: ['canary-in-list', 7654321] })).toEqual({
      apiKey: { value: REDACTED },
      botToken: [REDACTED, REDACTED],
    });
  });

  it('walks values nested far deeper than the call stack would allow', () => {
    let deep: unknown = { apiKey: 'deep-canary' };
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(collectSecrets(deep)).toEqual(['deep-canary']);
    expect(collectSecrets(redact(deep))).toEqual([REDACTED]);
  });

  it('does not change its input', () => {
    const config = { apiKey: 'k-123456' };
    redact(config);
    expect(config.apiKey).toBe('k-123456');
  });
});

describe('collectSecrets', () => {
  it('spares a placeholder key that is a plain word, so it does not blank the word elsewhere (file names, provider ids)', () => {
    const config = { models: { providers: { lmstudio: { apiKey: 'lmstudio' }, openai: { apiKey: 'sk-proj-Q7x9cT2vLm4' } } } };
    expect(collectSecrets(config)).toEqual(['sk-proj-Q7x9cT2vLm4']);
    expect(redactText('--config docs-lmstudio-local.json5', collectSecrets(config))).toBe('--config docs-lmstudio-local.json5');
  });

  it('still structurally masks a plain-word value under a secret key', () => {
    expect(JSON.stringify(redact({ apiKey: 'lmstudio' }))).not.toContain('lmstudio');
  });
});

describe('isSecretKey', () => {
  it.each(['apiKey', 'api_key', 'botToken', 'token', 'webhookToken', 'ownerDisplaySecret', 'password', 'Authorization', 'X-Goog-Api-Key'])(
    'treats %s as secret',
    (key) => expect(isSecretKey(key)).toBe(true),
  );
  it.each(['maxTokens', 'tokenFile', 'mainKey', 'authHeader', 'keepLastAssistants', 'baseUrl'])('treats %s as not secret', (key) =>
    expect(isSecretKey(key)).toBe(false),
  );
});

describe('redactText', () => {
  it('replaces known secret values and key-shaped text', () => {
    const secrets = collectSecrets({ apiKey: 'plain-but-secret' });
    expect(redactText(`saw plain-but-secret and Bearer ${'t'.repeat(20)}`, secrets)).toBe(`saw ${REDACTED} and ${REDACTED}`);
  });
});

describe('config errors', () => {
  function messageOf(text: string): string {
    try {
      parseConfigText(text, 'x.json5');
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as Error).message;
    }
    throw new Error('expected a UserError');
  }

  it('never echo a bad apiKey value', () => {
    const message = messageOf('{ models: { providers: { p: { baseUrl: "u", apiKey: 1234567, models: [] } } } }');
    expect(message).toContain(`at models.providers.p.apiKey, expected a string or a secret reference { source, provider, id }, got ${REDACTED}`);
    expect(message).not.toContain('1234567');
  });

  it.each([
    ['an object', '{ value: "sk-CANARY-obj" }'],
    ['a list', '["canary-list-item"]'],
    ['an object in a list', '[{ key: "canary-nested" }]'],
  ])('never echo a secret wrapped in %s', (_shape, written) => {
    const message = messageOf(`{ models: { providers: { p: { baseUrl: "u", apiKey: ${written}, models: [] } } } }`);
    expect(message).toContain('at models.providers.p.apiKey');
    expect(message).not.toMatch(/CANARY|canary/);
  });

  it('never echo a bot token that landed under a non-secret key', () => {
    const token = `123456789:${'A'.repeat(35)}`;
    const message = messageOf(`{ channels: { telegram: { botToken: "${token}", dmPolicy: "${token}" } } }`);
    expect(message).toContain('at channels.telegram.dmPolicy');
    expect(message).not.toContain(token);
  });

  it('never echo a secret in an unknown-key warning', () => {
    const key = `sk-${'b'.repeat(30)}`;
    const { warnings } = parseConfigText(`{ env: {}, agents: { "${key}": 1 } }`, 'x.json5');
    expect(warnings.join('\n')).not.toContain(key);
  });
});
