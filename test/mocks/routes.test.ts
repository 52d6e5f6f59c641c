import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createMockFetch, createRouteFetch, UnhandledRequestError } from '../../mocks/fetch.ts';
import { createRouteTable, type MockRequest, type MockRoute, toMswHandlers } from '../../mocks/routes.ts';
import { jsonReply } from '../../mocks/wire-reply.ts';

const ORIGIN = 'https://api.example.test';

/** A route that answers with what it was asked: its name, the params, and the body it read. */
function echo(name: string, path: string, method: MockRoute['method'] = 'POST'): MockRoute {
  return {
    method,
    origin: ORIGIN,
    path,
    handle: async (request, params) => jsonReply({ name, params, body: await request.text(), method: request.method }, { status: 200 }),
  };
}

describe('route tables', () => {
  const table = createRouteTable([
    echo('generate', '/v1/models/{model}:generateContent'),
    echo('stream', '/v1/models/{model}:streamGenerateContent'),
    echo('bot', '/{bot}/{method}', 'ALL'),
  ]);

  it('tells a literal colon suffix apart from a longer one', () => {
    expect(table.match(ORIGIN, 'POST', '/v1/models/gemini-2.5-flash:generateContent').map((m) => m.params)).toEqual([{ model: 'gemini-2.5-flash' }]);
    const [stream] = table.match(ORIGIN, 'POST', '/v1/models/gemini-2.5-flash:streamGenerateContent');
    expect(stream?.params).toEqual({ model: 'gemini-2.5-flash' });
  });

  it('lets a parameter hold a colon, as a bot token does', () => {
    const [bot] = table.match(ORIGIN, 'GET', '/bot123456:AAE-secret/getMe');
    expect(bot?.params).toEqual({ bot: 'bot123456:AAE-secret', method: 'getMe' });
  });

  it('matches on origin and method as well as the path', () => {
    expect(table.match('https://elsewhere.test', 'POST', '/v1/models/m:generateContent')).toEqual([]);
    expect(table.match(ORIGIN, 'GET', '/v1/models/m:generateContent').map((m) => m.route.path)).toEqual([]);
  });
});

describe('createRouteFetch', () => {
  it('hands the string body the client sent to the route, and answers a fetch Response', async () => {
    const routeFetch = createRouteFetch(createRouteTable([echo('generate', '/v1/models/{model}:generateContent')]));
    const response = await routeFetch(`${ORIGIN}/v1/models/m1:generateContent`, { method: 'post', body: '{"q":1}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'generate', params: { model: 'm1' }, body: '{"q":1}', method: 'POST' });
  });

  it('reads other bodies through a Request (FormData here)', async () => {
    const routeFetch = createRouteFetch(createRouteTable([echo('form', '/form')]));
    const form = new FormData();
    form.set('chat_id', '42');
    const answer = (await (await routeFetch(`${ORIGIN}/form`, { method: 'POST', body: form })).json()) as { body: string };
    expect(answer.body).toContain('name="chat_id"');
  });

  it('lets a route fall through to the next one by answering nothing', async () => {
    const seen: string[] = [];
    const spy: MockRoute = {
      method: 'ALL',
      origin: ORIGIN,
      path: '/{bot}/{method}',
      handle: async (request: MockRequest, params) => {
        seen.push(`${params['method']} ${await request.text()}`);
        return undefined;
      },
    };
    const routeFetch = createRouteFetch(createRouteTable([spy, echo('bot', '/{bot}/{method}', 'ALL')]));
    const answer = (await (await routeFetch(`${ORIGIN}/bot1:x/sendMessage`, { method: 'POST', body: 'hi' })).json()) as { body: string };
    expect(seen).toEqual(['sendMessage hi']);
    expect(answer.body).toBe('hi');
  });

  it('fails loudly, naming the method and URL, when no route matches', async () => {
    const routeFetch = createRouteFetch(createRouteTable([]));
    await expect(routeFetch(`${ORIGIN}/nothing`)).rejects.toThrow(UnhandledRequestError);
    await expect(routeFetch(`${ORIGIN}/nothing`)).rejects.toThrow(`no mock handler for GET ${ORIGIN}/nothing`);
  });

  it('rejects with the reason of an aborted signal, as fetch does', async () => {
    const routeFetch = createRouteFetch(createRouteTable([echo('generate', '/x')]));
    const controller = new AbortController();
    controller.abort(new Error('gave up'));
    await expect(routeFetch(`${ORIGIN}/x`, { method: 'POST', body: '', signal: controller.signal })).rejects.toThrow('gave up');
  });
});

describe('toMswHandlers', () => {
  it('serves the same routes through msw, parameters and fall-through included', async () => {
    const seen: string[] = [];
    const spy: MockRoute = { method: 'ALL', origin: ORIGIN, path: '/{bot}/{method}', handle: async () => void seen.push('spy') };
    const mswFetch = createMockFetch([...toMswHandlers([spy, echo('generate', '/v1/models/{model}:generateContent'), echo('bot', '/{bot}/{method}', 'ALL')])]);
    const generate = await (await mswFetch(`${ORIGIN}/v1/models/m2:generateContent`, { method: 'POST', body: 'b' })).json();
    expect(generate).toEqual({ name: 'generate', params: { model: 'm2' }, body: 'b', method: 'POST' });
    const bot = (await (await mswFetch(`${ORIGIN}/bot1:x/getMe`)).json()) as { params: unknown };
    expect(bot.params).toEqual({ bot: 'bot1:x', method: 'getMe' });
    expect(seen).toEqual(['spy']);
  });

  it('still sits alongside handlers written with msw itself', async () => {
    const mswFetch = createMockFetch([http.get(`${ORIGIN}/ping`, () => HttpResponse.json({ pong: true })), ...toMswHandlers([echo('x', '/x')])]);
    expect(await (await mswFetch(`${ORIGIN}/ping`)).json()).toEqual({ pong: true });
  });
});
