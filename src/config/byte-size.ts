const UNIT_BYTES: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
};

/**
 * Parses an OpenClaw byte size (`"10mb"`, `"2gb"`, `1048576`) into bytes, or `undefined` for bad
 * input. Units are powers of 1024: OpenClaw's default `rotateBytes` "10mb" is
 * `DEFAULT_SESSION_ROTATE_BYTES = 10_485_760` (openclaw/openclaw@2026.4.12
 * src/config/sessions/store-maintenance.ts). A bare number is bytes,
 * as every OpenClaw call site passes `defaultUnit: "b"` (`src/config/zod-schema.session.ts`).
 */
export function tryParseByteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)?$/.exec(value.trim().toLowerCase());
  if (match === null) return undefined;
  const unitBytes = UNIT_BYTES[match[2] ?? 'b'];
  return unitBytes === undefined ? undefined : Math.round(Number(match[1]) * unitBytes);
}

/** The "expected" half of an error message for a byte size. */
export const BYTE_SIZE_EXPECTED = 'a size like "10mb" or "2gb" (units b, kb, mb, gb, tb; a bare number means bytes)';
