import {
  APIError as AnthropicApiError,
  AuthenticationError as AnthropicAuthenticationError,
  BadRequestError as AnthropicBadRequestError,
  InternalServerError as AnthropicServerError,
  OverloadedError,
  PermissionDeniedError as AnthropicPermissionDeniedError,
  RateLimitError as AnthropicRateLimitError,
} from '@anthropic-ai/sdk';
import { ApiError } from '@google/genai';
import { APIError, APIUserAbortError, AuthenticationError, InternalServerError, RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import { providerRoutes } from '../../mocks/providers/index.ts';
import { createWorld, INCIDENT_MS, type World, type WorldOptions } from './support/world.ts';
import { rejection } from './support/rejection.ts';
import { sdkClients } from './support/clients.ts';

function world(schedule: unknown, options: WorldOptions = {}): World {
  return createWorld(providerRoutes, { ...options, schedule });
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  return promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? -1,
  );
}

const chat = (model: string) => ({ model, messages: [{ role: 'user' as const, content: 'hi' }] });
const message = (model = 'claude-sonnet-4-6') => ({ model, max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] });

describe('scheduled error faults through the official SDKs', () => {
  it('plays 429, 429, ok for one Gemini model and leaves another model alone', async () => {
    const mocks = world({ rules: [{ match: { provider: 'gemini', model: 'gemini-2.5-flash' }, script: ['429', '429', 'ok'] }] });
    const { gemini } = sdkClients(mocks);
    const ask = (model: string) => statusOf(gemini.models.generateContent({ model, contents: 'hi' }));
    const statuses = [];
    for (const model of ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash']) {
      statuses.push(await ask(model));
    }
    expect(statuses).toEqual([429, 200, 429, 200, 200, 200]);
    expect(mocks.journal.where({ model: 'gemini-2.5-flash' }).map((entry) => entry.fault)).toEqual([
      'rule 1: script 429 (1/3)',
      'rule 1: script 429 (2/3)',
      undefined,
      undefined,
    ]);
    expect(mocks.journal.where({ model: 'gemini-2.5-pro' }).every((entry) => entry.fault === undefined && entry.status === 200)).toBe(true);
  });

  it("words a forced 429 as the provider's own, keeps it apart from a quota 429 in the journal, and charges nothing", async () => {
    const mocks = world(
      { rules: [{ match: { model: 'gpt-4o' }, script: ['429', 'budget-exhausted'] }] },
      { ledger: { providers: { openai: { limits: { 'gpt-4o': { requestsPerMinute: 2 } } } } } },
    );
    const { openai } = sdkClients(mocks);
    const forced = await rejection(openai.chat.completions.create(chat('gpt-4o')), RateLimitError);
    expect(forced.code).toBe('rate_limit_exceeded');
    expect(forced.message).toContain('Rate limit reached for gpt-4o in organization org-quotastorm on requests per min (RPM): Limit 2, Used 2, Requested 1.');
    expect(forced.message).toContain('Please try again in 1m0s.'); // until the next virtual minute: 18:00:00 → 18:01:00
    expect(forced.headers.get('retry-after')).toBe('60');
    const budget = await rejection(openai.chat.completions.create(chat('gpt-4o')), RateLimitError);
    expect(budget.code).toBe('insufficient_quota');
    await openai.chat.completions.create(chat('gpt-4o'));
    await openai.chat.completions.create(chat('gpt-4o'));
    const quota = await rejection(openai.chat.completions.create(chat('gpt-4o')), RateLimitError);
    expect(quota.code).toBe('rate_limit_exceeded');

    const [forcedEntry, budgetEntry, firstOk, , quotaEntry] = mocks.journal.entries;
    expect(forcedEntry).toMatchObject({ status: 429, outcome: 'rate-limited', fault: 'rule 1: script 429 (1/2)', violations: undefined, retryAfterMs: 60_000 });
    expect(budgetEntry).toMatchObject({ status: 429, outcome: 'budget-exhausted', fault: 'rule 1: script budget-exhausted (2/2)' });
    expect(forcedEntry!.quotaAfter).toEqual(forcedEntry!.quotaBefore);
    // OpenAI charges refused requests against RPM ("unsuccessful requests count", its rate-limits guide); forced ones are not charged at all.
    expect(firstOk!.quotaBefore?.requestsPerMinute?.used).toBe(0);
    expect(quotaEntry).toMatchObject({ status: 429, outcome: 'rate-limited', fault: undefined, violations: ['requestsPerMinute'] });
  });

  it('keeps budget exhaustion distinguishable from a rate limit, per provider', async () => {
    const mocks = world({ rules: [{ match: { provider: ['anthropic', 'moonshot', 'xai'] }, script: ['rate-limit', 'budget-exhausted'] }] });
    const { anthropic, moonshot, xai } = sdkClients(mocks);

    const limited = await rejection(anthropic.messages.create(message()), AnthropicRateLimitError);
    const capped = await rejection(anthropic.messages.create(message()), AnthropicRateLimitError);
    expect([limited.type, limited.errorCode, limited.headers.get('retry-after')]).toEqual(['rate_limit_error', null, '60']);
    expect([capped.type, capped.errorCode, capped.headers.get('retry-after')]).toEqual(['rate_limit_error', 'enforced_spend_limit_reached', null]);

    const busy = await rejection(moonshot.chat.completions.create(chat('kimi-k2.5')), RateLimitError);
    const broke = await rejection(moonshot.chat.completions.create(chat('kimi-k2.5')), RateLimitError);
    expect([busy.type, broke.type]).toEqual(['rate_limit_reached_error', 'exceeded_current_quota_error']);
    expect(busy.message).toContain('please try again after 60 seconds');

    const slow = await rejection(xai.chat.completions.create(chat('grok-4')), RateLimitError);
    const spent = await rejection(xai.chat.completions.create(chat('grok-4')), RateLimitError);
    expect(slow.message).toContain('Too many requests for team');
    expect(spent.message).toContain('has either used all available credits or reached its monthly spending limit');
    expect(mocks.journal.entries.map((entry) => entry.outcome)).toEqual(Array(3).fill(['rate-limited', 'budget-exhausted']).flat());
  });

  it('surfaces a scheduled 529 as Anthropic OverloadedError, 503 and 500 as server errors', async () => {
    const mocks = world({ rules: [{ match: { provider: ['anthropic', 'gemini'] }, script: ['529', '503', '500'] }] });
    const { anthropic, gemini } = sdkClients(mocks);
    const overloaded = await rejection(anthropic.messages.create(message()), OverloadedError);
    expect([overloaded.status, overloaded.type]).toEqual([529, 'overloaded_error']);
    expect(overloaded).not.toBeInstanceOf(AnthropicRateLimitError);
    expect((await rejection(anthropic.messages.create(message()), AnthropicServerError)).status).toBe(503);
    expect((await rejection(anthropic.messages.create(message()), AnthropicServerError)).type).toBe('api_error');
    // Gemini has no 529: its overload is 503 UNAVAILABLE.
    const geminiOverloaded = await rejection(gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }), ApiError);
    expect(geminiOverloaded.status).toBe(503);
    expect(geminiOverloaded.message).toContain('The model is overloaded. Please try again later.');
  });

  it('fires a time window only inside it, in virtual time from the run start', async () => {
    const mocks = world({ rules: [{ match: { provider: 'openai' }, when: { fromMs: 60_000, untilMs: 120_000 }, fault: 'server-error' }] });
    const { openai } = sdkClients(mocks);
    const statuses = [];
    for (const stepMs of [0, 60_000, 59_999, 1]) {
      await mocks.clock.advanceBy(stepMs);
      statuses.push(await statusOf(openai.chat.completions.create(chat('gpt-4o'))));
    }
    expect(statuses).toEqual([200, 500, 500, 200]);
    expect(mocks.journal.entries.map((entry) => entry.fault)).toEqual([undefined, 'rule 1: server-error', 'rule 1: server-error', undefined]);
  });
});

describe('credentials, billing, context and gateway faults through the official SDKs', () => {
  it("answers `billing` with each provider's own credit error: OpenAI's 429, Anthropic's 400, Gemini's 429", async () => {
    const mocks = world({ rules: [{ fault: 'billing' }] });
    const { openai, anthropic, gemini } = sdkClients(mocks);
    const openaiBroke = await rejection(openai.chat.completions.create(chat('gpt-4o')), RateLimitError);
    expect([openaiBroke.type, openaiBroke.code, openaiBroke.headers.get('retry-after')]).toEqual(['insufficient_quota', 'insufficient_quota', null]);
    const anthropicBroke = await rejection(anthropic.messages.create(message()), AnthropicBadRequestError);
    expect(anthropicBroke.message).toContain('Your credit balance is too low to access the Anthropic API.');
    const geminiBroke = await rejection(gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }), ApiError);
    expect([geminiBroke.status, geminiBroke.message.includes('Your prepayment credits are depleted.')]).toEqual([429, true]);
    expect(mocks.journal.entries.map((entry) => [entry.status, entry.outcome])).toEqual([
      [429, 'billing'],
      [400, 'billing'],
      [429, 'billing'],
    ]);
  });

  it('plays the 401, 402 and 403 shorthands as the SDKs’ authentication, payment and permission errors', async () => {
    const mocks = world({ rules: [{ match: { provider: ['anthropic', 'openai'] }, script: ['401', '402', '403'] }] });
    const { openai, anthropic } = sdkClients(mocks);
    const rejected = await rejection(openai.chat.completions.create(chat('gpt-4o')), AuthenticationError);
    expect([rejected.code, rejected.message]).toEqual([
      'invalid_api_key',
      '401 Incorrect API key provided: *******. You can find your API key at https://platform.openai.com/account/api-keys.',
    ]);
    expect((await rejection(openai.chat.completions.create(chat('gpt-4o')), APIError)).status).toBe(402);
    expect((await rejection(openai.chat.completions.create(chat('gpt-4o')), APIError)).code).toBe('unsupported_country_region_territory');
    expect((await rejection(anthropic.messages.create(message()), AnthropicAuthenticationError)).type).toBe('authentication_error');
    expect((await rejection(anthropic.messages.create(message()), AnthropicApiError)).status).toBe(402);
    expect((await rejection(anthropic.messages.create(message()), AnthropicPermissionDeniedError)).type).toBe('permission_error');
  });

  it("sends OpenAI's edge 502 and 504 with the status as a numeric code", async () => {
    const mocks = world({ rules: [{ match: { provider: 'openai' }, script: ['502', '504'] }] });
    const { openai } = sdkClients(mocks);
    const badGateway = await rejection(openai.chat.completions.create(chat('gpt-4o')), InternalServerError);
    const timedOut = await rejection(openai.chat.completions.create(chat('gpt-4o')), InternalServerError);
    expect([badGateway.status, badGateway.type, badGateway.code]).toEqual([502, 'cf_bad_gateway', 502]);
    expect([timedOut.status, timedOut.type, timedOut.code]).toEqual([504, 'cf_gateway_timeout', 504]);
  });

  it('tells a retry wait over a minute as the provider tells any: header seconds, RetryInfo seconds', async () => {
    const mocks = world({ rules: [{ match: { provider: ['openai', 'gemini'] }, fault: 'rate-limit', retryAfterMs: 125_000 }] });
    const { openai, gemini } = sdkClients(mocks);
    const limited = await rejection(openai.chat.completions.create(chat('gpt-4o')), RateLimitError);
    expect([limited.headers.get('retry-after'), limited.message.includes('Please try again in 2m5s.')]).toEqual(['125', true]);
    const geminiLimited = await rejection(gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }), ApiError);
    expect(geminiLimited.message).toContain('"retryDelay":"125s"');
    expect(mocks.journal.entries.map((entry) => entry.retryAfterMs)).toEqual([125_000, 125_000]);
  });

  it('answers the context-length fault with the same 400 a prompt over the window gets, whatever the prompt', async () => {
    const mocks = world({ rules: [{ match: { provider: 'gemini' }, fault: 'context-length' }] });
    const refused = await rejection(sdkClients(mocks).gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }), ApiError);
    expect([refused.status, refused.message.includes('The input token count (1048577) exceeds the maximum number of tokens allowed (1048576).')]).toEqual([400, true]);
    expect(mocks.journal.entries[0]).toMatchObject({ outcome: 'context-length', fault: 'rule 1: context-length' });
  });
});

describe('scheduled latency on the virtual clock', () => {
  it('advances time by the drawn latency, and equal latencies finish at the same instant', async () => {
    const mocks = world({ rules: [{ match: { provider: 'openai' }, latency: { distribution: 'fixed', ms: 1_500 } }] });
    const { openai } = sdkClients(mocks);
    const finishedAt: number[] = [];
    const calls = [0, 1].map(() => openai.chat.completions.create(chat('gpt-4o')).then(() => finishedAt.push(mocks.clock.now())));
    await mocks.clock.runUntilIdle();
    await Promise.all(calls);
    expect(finishedAt).toEqual([INCIDENT_MS + 1_500, INCIDENT_MS + 1_500]);
    expect(mocks.journal.entries.map((entry) => [entry.atMs, entry.latencyMs])).toEqual([
      [INCIDENT_MS, 1_500],
      [INCIDENT_MS, 1_500],
    ]);
  });

  it('sleeps a seeded draw before a fault too, and the journal says how long', async () => {
    const mocks = world({ rules: [{ match: { provider: 'gemini' }, fault: 'rate-limit', latency: { distribution: 'normal', meanMs: 4_000, stdDevMs: 1_000 } }] });
    const call = statusOf(sdkClients(mocks).gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }));
    await mocks.clock.runUntilIdle();
    expect(await call).toBe(429);
    const { latencyMs, fault } = mocks.journal.entries[0]!;
    expect(latencyMs).toBeGreaterThan(0);
    expect(mocks.clock.now()).toBe(INCIDENT_MS + latencyMs!);
    expect(fault).toBe('rule 1: rate-limit');
  });

  it('ends the sleep when the client aborts, leaving no clock timer behind', async () => {
    const mocks = world({ rules: [{ latency: { distribution: 'fixed', ms: 60_000 } }] });
    const controller = new AbortController();
    const call = sdkClients(mocks).openai.chat.completions.create(chat('gpt-4o'), { signal: controller.signal });
    await mocks.clock.advanceBy(1_000);
    expect(mocks.clock.pendingTimerCount()).toBe(1);
    controller.abort();
    await rejection(call, APIUserAbortError);
    expect(mocks.clock.pendingTimerCount()).toBe(0);
    expect(mocks.clock.inFlightCount()).toBe(0);
  });
});
