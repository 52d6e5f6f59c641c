/**
 * Seeded reply text for successful answers.
 *
 * Faker runs once per mock, filling a small pool of phrases; each reply is
 * then stitched from the pool with the mock's PRNG. Generating text per call
 * would put faker on the hot path (the mock is on it for every simulated
 * request). The text is cut to exactly `outputTokens *
 * CHARACTERS_PER_TOKEN` characters, so the usage fields and the ledger,
 * which both use tokens.ts, agree with the text the client receives.
 */
import { base, en, Faker } from '@faker-js/faker';
import type { Prng } from '../../src/clock/prng.ts';
import { charactersForTokens, tokensForCharacters } from './tokens.ts';

export type ReplyShape = {
  /** Inclusive range the length of an untruncated reply is drawn from. */
  readonly minOutputTokens: number;
  readonly maxOutputTokens: number;
};

export type Reply = {
  readonly text: string;
  readonly outputTokens: number;
  /** The drawn length exceeded the request's output cap (finish reason "length"). */
  readonly truncated: boolean;
};

export type ReplyWriter = {
  /** A reply of at most `capTokens` tokens. */
  write(capTokens: number): Reply;
};

const DEFAULT_REPLY_SHAPE: ReplyShape = { minOutputTokens: 16, maxOutputTokens: 256 };

const POOL_SIZE = 128;

export function createReplyWriter(prng: Prng, shape: ReplyShape = DEFAULT_REPLY_SHAPE): ReplyWriter {
  const pool = phrasePool(prng.fork('pool'));
  const draws = prng.fork('lengths');
  return {
    write(capTokens) {
      const wantedTokens = draws.int(shape.minOutputTokens, shape.maxOutputTokens);
      const outputTokens = Math.max(0, Math.min(wantedTokens, capTokens));
      const text = stitch(pool, draws, charactersForTokens(outputTokens));
      return { text, outputTokens: tokensForCharacters(text.length), truncated: wantedTokens > capTokens };
    },
  };
}

/** Splits text into at most `maxChunks` pieces of similar size, for streaming. */
export function chunkText(text: string, maxChunks = 16, minChunkCharacters = 48): string[] {
  if (text.length === 0) return [];
  const count = Math.max(1, Math.min(maxChunks, Math.floor(text.length / minChunkCharacters)));
  const size = Math.ceil(text.length / count);
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}

function phrasePool(prng: Prng): string[] {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(prng.uint32());
  return Array.from({ length: POOL_SIZE }, () => faker.hacker.phrase());
}

function stitch(pool: readonly string[], draws: Prng, characters: number): string {
  let text = '';
  while (text.length < characters) text += (text ? ' ' : '') + draws.pick(pool);
  return text.slice(0, characters);
}
