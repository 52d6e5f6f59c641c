/**
 * `--prices FILE`: the user's own prices for the cost table, as JSON (JSON5
 * read) keyed by `provider/model`, USD per 1M tokens:
 *
 *   { "google/gemini-2.5-flash": { "input": 0.3, "output": 2.5 },
 *     "moonshot/kimi-k2.5": { "input": 0.6, "output": 2.5, "source": "our invoice, March" } }
 *
 * Each row replaces or adds to the built-in table (prices.ts); the report
 * names the file as the source of every price it took from it.
 */
import { z } from 'zod';
import { parseJson5, readConfigFile } from '../config/load.ts';
import { describeIssues } from '../config/validation-error.ts';
import { UserError } from '../errors.ts';
import type { PriceOverrides } from './prices.ts';

const usdPerMTok = z.number().min(0).max(1_000_000);
const PricesFileSchema = z.record(
  z.string().regex(/^[a-z0-9][a-z0-9-]*\/.+$/, 'a provider/model key, e.g. "google/gemini-2.5-flash"'),
  z.strictObject({ input: usdPerMTok, output: usdPerMTok, source: z.string().min(1).optional() }),
);

const EXPECTED = 'Expected a JSON object of provider/model → {"input": USD, "output": USD} per 1M tokens, e.g. {"google/gemini-2.5-flash": {"input": 0.3, "output": 2.5}}.';

export async function loadPrices(file: string): Promise<PriceOverrides> {
  const text = await readConfigFile(file, 'Prices file (--prices)', EXPECTED);
  return parsePrices(parseJson5(text, file, 'prices file'), file);
}

function parsePrices(raw: unknown, file: string): PriceOverrides {
  const parsed = PricesFileSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`Prices file (--prices) ${file} is invalid: ${describeIssues(parsed.error.issues, raw).join('; ')}. ${EXPECTED}`);
  return Object.fromEntries(
    Object.entries(parsed.data).map(([ref, price]) => [ref, { inputUsdPerMTok: price.input, outputUsdPerMTok: price.output, source: price.source ?? `--prices ${file}` }]),
  );
}
