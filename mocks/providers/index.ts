/**
 * Stateful provider mocks: routes per provider API (../routes.ts) over one
 * quota ledger and one journal.
 *
 * @example
 * // createLedger from ./ledger.ts, createJournal from ./journal-store.ts
 * const spec = { clock, prng: rng.fork('mocks'), ledger: createLedger(config), journal: createJournal() };
 * const fetch = createRouteFetch(createRouteTable(providerRoutes(spec)), clock);
 * const openai = new OpenAI({ apiKey: 'sk-test', fetch, maxRetries: 0 });
 * const gemini = new GoogleGenAI({ apiKey: 'key', httpOptions: { fetch } });
 */
import type { MockRoute } from '../routes.ts';
import { anthropicRoutes } from './anthropic.ts';
import type { ProviderMockSpec } from './exchange.ts';
import { geminiRoutes } from './gemini.ts';
import { moonshotRoutes } from './moonshot.ts';
import { openaiRoutes } from './openai.ts';
import { xaiRoutes } from './xai.ts';

/** Routes of every provider, sharing the spec's ledger, journal and clock. */
export function providerRoutes(spec: ProviderMockSpec): MockRoute[] {
  return [...geminiRoutes(spec), ...openaiRoutes(spec), ...anthropicRoutes(spec), ...moonshotRoutes(spec), ...xaiRoutes(spec)];
}

export type { ProviderMockSpec } from './exchange.ts';
