/**
 * Seeded text for simulated conversations. Transcripts of hundreds of
 * thousands of tokens are slices of one pool string made once per run, so a
 * turn costs a slice (cheap in V8) rather than megabytes of generated text;
 * only the wire format's own JSON copy remains (ARCHITECTURE.md, clock/).
 */
import type { Prng } from '../clock/prng.ts';

export type TextPool = {
  /** `chars` characters of prose starting at a seeded offset. */
  take(chars: number, rng: Prng): string;
  readonly size: number;
};

const WORDS = (
  'the a of to and in is it you that he was for on are with as his they be at one have this from or had by hot word but what ' +
  'some we can out other were all there when up use your how said an each she which do their time if will way about many then ' +
  'them write would like so these her long make thing see him two has look more day could go come did number sound no most ' +
  'people my over know water than call first who may down side been now find any new work part take get place made live where ' +
  'after back little only round man year came show every good me give our under name very through just form sentence great think ' +
  'say help low line differ turn cause much mean before move right boy old too same tell does set three want air well also play ' +
  'small end put home read hand port large spell add even land here must big high such follow act why ask men change went light ' +
  'quota model gateway session token request limit reply message cron heartbeat provider fallback retry window minute'
).split(' ');

/** Default pool: enough for a single message of ~256K tokens at 4 characters per token. */
const DEFAULT_POOL_CHARS = 1_200_000;

export function createTextPool(rng: Prng, sizeChars = DEFAULT_POOL_CHARS): TextPool {
  const parts: string[] = [];
  let length = 0;
  while (length < sizeChars) {
    const word = WORDS[rng.uint32() % WORDS.length]!;
    parts.push(word);
    length += word.length + 1;
  }
  const pool = parts.join(' ');
  return {
    size: pool.length,
    take(chars, draw) {
      if (chars <= 0) return '';
      if (chars > pool.length) return pool.repeat(Math.ceil(chars / pool.length)).slice(0, chars);
      const start = draw.uint32() % (pool.length - chars + 1);
      return pool.slice(start, start + chars);
    },
  };
}
