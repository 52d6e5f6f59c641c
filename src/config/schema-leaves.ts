import { z } from 'zod';
import { BYTE_SIZE_EXPECTED, tryParseByteSize } from './byte-size.ts';
import { DURATION_DEFAULT_UNITS, describeDuration, tryParseDurationMs, type DurationUnit } from './duration.ts';

// The leaves every config schema is built from. Each one carries its own "expected …" phrase as
// its zod error, so validation-error.ts can say what was expected without a lookup table.

/** An object whose unknown keys pass through (and are warned about by `unknown-keys.ts`). */
export function looseObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.looseObject(shape, { error: 'an object' });
}

/** A section quotastorm accepts without looking inside: any object, no warnings. */
export function opaque() {
  return z.record(z.string(), z.unknown(), { error: 'an object' });
}

export function string() {
  return z.string({ error: 'a string' });
}

export function nonEmptyString() {
  return z.string({ error: 'a non-empty string' }).min(1, { error: 'a non-empty string' });
}

export function stringList() {
  return z.array(z.string(), { error: 'a list of strings' });
}

// Telegram user ids and the like: OpenClaw accepts numbers or strings.
export function idList() {
  return z.array(z.union([z.string(), z.number()]), { error: 'a list of ids (strings or numbers)' });
}

export function boolean() {
  return z.boolean({ error: 'true or false' });
}

export function number() {
  return z.number({ error: 'a number' });
}

export function positiveNumber() {
  return z.number({ error: 'a positive number' }).positive({ error: 'a positive number' });
}

export function positiveInt() {
  return z.int({ error: 'a positive integer' }).positive({ error: 'a positive integer' });
}

export function nonNegativeInt() {
  return z.int({ error: 'an integer ≥ 0' }).nonnegative({ error: 'an integer ≥ 0' });
}

export function ratio() {
  return z.number({ error: 'a number from 0 to 1' }).min(0, { error: 'a number from 0 to 1' }).max(1, { error: 'a number from 0 to 1' });
}

export function url() {
  return z.url({ error: 'a URL like "https://host/path"' });
}

// "HH:MM" 24h; "24:00" is allowed as an end (HeartbeatSchema's superRefine).
export function clockTime() {
  return z.string({ error: 'a time "HH:MM" (24h)' }).regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'a time "HH:MM" (24h)' });
}

export function nativeSetting() {
  return z.union([z.boolean(), z.literal('auto')], { error: 'true, false or "auto"' });
}

// A plain string, or a SecretRef { source: "env" | "file" | "exec", provider, id } (zod-schema.core.ts).
export function secretInput() {
  return z.union(
    [
      z.string(),
      looseObject({ source: z.enum(['env', 'file', 'exec']), provider: z.string(), id: z.string() }),
    ],
    { error: 'a string or a secret reference { source, provider, id }' },
  );
}

/** A duration string, checked with the key's default unit. */
export function durationString(path: keyof typeof DURATION_DEFAULT_UNITS) {
  const unit: DurationUnit = DURATION_DEFAULT_UNITS[path];
  const expected = describeDuration(unit);
  return z.string({ error: expected }).refine((text) => tryParseDurationMs(text, unit) !== undefined, { error: expected });
}

/** A duration string or a bare number (in the key's default unit). */
export function duration(path: keyof typeof DURATION_DEFAULT_UNITS) {
  const unit: DurationUnit = DURATION_DEFAULT_UNITS[path];
  const expected = describeDuration(unit);
  return z
    .union([z.string(), z.number()], { error: expected })
    .refine((value) => tryParseDurationMs(value, unit) !== undefined, { error: expected });
}

export function byteSize() {
  return z
    .union([z.string(), z.number()], { error: BYTE_SIZE_EXPECTED })
    .refine((value) => tryParseByteSize(value) !== undefined, { error: BYTE_SIZE_EXPECTED });
}
