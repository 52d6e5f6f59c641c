/**
 * When each workload message first reached a model, seen from the mocks'
 * side: a provider request "carries" a message when its body holds the
 * message's text (as the JSON body writes it). The real gateway's turns are
 * not visible from outside, but every provider's request body holds the
 * user's text, so the first request that carries a message is its turn's
 * first request. A heartbeat or later turn carries it again in the
 * transcript; only the first one counts.
 */
import type { Clock } from '../clock/clock.ts';
import type { MockRoute } from '../../mocks/routes.ts';

export type PromptSpy = {
  /** A message the workload is about to send: its requests are looked for from now on. */
  expect(id: number, text: string): void;
  /** The instant a provider request first carried message `id`, if one did. */
  reachedAtMs(id: number): number | undefined;
  /** One spy route in front of each of `routes` (the routes answer as before). */
  wrap(routes: readonly MockRoute[]): MockRoute[];
};

/**
 * How much of a message is looked for: its start, trimmed, as the gateway passes it on (openclaw@2026.2.26 trims
 * the message and puts its own metadata block before it; observed in its session transcripts). Workload texts are
 * drawn at seeded offsets of a long text, so two messages share this much only by a one-in-millions chance.
 */
const NEEDLE_CHARS = 120;

export function createPromptSpy(clock: Clock): PromptSpy {
  /** Messages not yet seen in a request, by id: the text as a JSON string body spells it. */
  const waiting = new Map<number, string>();
  const reached = new Map<number, number>();

  const look = (body: string) => {
    for (const [id, needle] of waiting) {
      if (!body.includes(needle)) continue;
      reached.set(id, clock.now());
      waiting.delete(id);
    }
  };

  return {
    expect(id, text) {
      waiting.set(id, JSON.stringify(text.trim().slice(0, NEEDLE_CHARS)).slice(1, -1));
    },
    reachedAtMs: (id) => reached.get(id),
    wrap(routes) {
      const spies = routes.map(
        (route): MockRoute => ({
          method: route.method,
          origin: route.origin,
          path: route.path,
          handle: async (request) => {
            if (waiting.size > 0) look(await request.text());
            return undefined;
          },
        }),
      );
      return [...spies, ...routes];
    },
  };
}
