import { createServer } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';

// test/support/no-network.ts runs before this file, as before every offline test file.

describe('offline tests', () => {
  it('refuse a fetch to a real host', async () => {
    const failure = await fetch('https://api.openai.com/v1/models').catch((error: unknown) => error);
    expect(String((failure as Error).cause)).toMatch(/Nock: Disallowed net connect for "api\.openai\.com:443\/v1\/models"/);
  });

  it('refuse a node:https request to a real host', async () => {
    const failure = await new Promise((resolve) => request('https://generativelanguage.googleapis.com/v1beta/models', resolve).on('error', resolve).end());
    expect(String(failure)).toMatch(/Nock: Disallowed net connect for "generativelanguage\.googleapis\.com:443/);
  });

  it('let a request to a mock server on loopback through', async () => {
    const server = createServer((_request, response) => response.end('mock'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('mock');
    } finally {
      server.close();
    }
  });
});
