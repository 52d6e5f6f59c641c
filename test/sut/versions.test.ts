import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { PIN_NPM_FLAGS, pinDir } from '../../src/sut/install.ts';
import { OPENCLAW_VERSIONS, parseGatewaySpec, SUPPORTED_VERSIONS } from '../../src/sut/versions.ts';

describe('gateway versions', () => {
  it('parses openclaw@<version> and a bare version', () => {
    expect(parseGatewaySpec('openclaw@2026.2.26').version).toBe('2026.2.26');
    expect(parseGatewaySpec('2026.9.6').telegram).toBe('api-root');
  });

  it('lists the supported versions for an unknown one', () => {
    expect(() => parseGatewaySpec('openclaw@2026.3.1')).toThrow(UserError);
    expect(() => parseGatewaySpec('openclaw@2026.3.1')).toThrow('Supported: openclaw@2026.2.26, openclaw@2026.9.6.');
    expect(() => parseGatewaySpec('hermes@1.0')).toThrow(/only openclaw/);
  });

  it.each(SUPPORTED_VERSIONS)('openclaw@%s has a committed manifest, lockfile and .npmrc pinning exactly that version', (version) => {
    const dir = pinDir(OPENCLAW_VERSIONS[version]!);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['openclaw']).toBe(version);
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; resolved?: string }> };
    expect(lock.packages['node_modules/openclaw']?.version).toBe(version);
    // No git or GitHub tarball anywhere: the install must work with only the npm registry.
    const resolved = Object.values(lock.packages).map((entry) => entry.resolved ?? '');
    expect(resolved.filter((url) => /^git|github\.com|codeload/.test(url))).toEqual([]);
    // The peer node-llama-cpp (~680 MB of binaries) stays out.
    expect(lock.packages['node_modules/node-llama-cpp']).toBeUndefined();
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toContain('legacy-peer-deps=true');
  });

  it.each(SUPPORTED_VERSIONS)('installs openclaw@%s with its .npmrc as flags, since npm pack ships no .npmrc', (version) => {
    const settings = readFileSync(join(pinDir(OPENCLAW_VERSIONS[version]!), '.npmrc'), 'utf8').trim().split('\n');
    const asFlags = settings.map((line) => (line.endsWith('=false') ? `--no-${line.slice(0, -'=false'.length)}` : `--${line.replace(/=true$/, '')}`));
    expect([...PIN_NPM_FLAGS].sort()).toEqual(asFlags.sort());
  });

  it('2026.2.26 resolves libsignal to the stub package the project ships', () => {
    const dir = pinDir(OPENCLAW_VERSIONS['2026.2.26']!);
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string; link?: boolean }> };
    expect(lock.packages['node_modules/libsignal']).toEqual({ resolved: 'stub-libsignal', link: true });
    expect(OPENCLAW_VERSIONS['2026.2.26']!.stubs).toEqual([{ from: 'libsignal', to: 'stub-libsignal' }]);
    expect(existsSync('src/sut/stubs/libsignal/package.json')).toBe(true);
  });
});

describe('libsignal stub', () => {
  // ESM named imports of CJS files, as baileys does them: they only work when Node's CJS lexer sees each export.
  type Exports = Record<string, unknown>;
  const load = (path: string) => import(new URL(path, import.meta.url).href) as Promise<Exports>;

  it('has the named exports baileys imports, as ESM named imports', async () => {
    const curve = await load('../../src/sut/stubs/libsignal/src/curve.js');
    const crypto = await load('../../src/sut/stubs/libsignal/src/crypto.js');
    const root = await load('../../src/sut/stubs/libsignal/index.js');
    for (const name of ['generateKeyPair', 'calculateAgreement', 'calculateSignature', 'verifySignature']) expect(typeof curve[name]).toBe('function');
    for (const name of ['encrypt', 'decrypt', 'calculateMAC', 'deriveSecrets']) expect(typeof crypto[name]).toBe('function');
    for (const name of ['SessionCipher', 'SessionBuilder', 'SessionRecord', 'ProtocolAddress']) expect(typeof root[name]).toBe('function');
  });

  it('throws a clear error when used', async () => {
    const curve = await load('../../src/sut/stubs/libsignal/src/curve.js');
    expect(() => (curve['generateKeyPair'] as () => void)()).toThrow(/libsignal stub: curve\.generateKeyPair is not available/);
  });
});
