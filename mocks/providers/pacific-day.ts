/**
 * Day boundaries in America/Los_Angeles: Gemini's requests-per-day quota
 * "resets at midnight Pacific time" (https://ai.google.dev/gemini-api/docs/rate-limits).
 *
 * The offset comes from Intl (the runtime's tz database), not from a fixed
 * -8h, so the 23- and 25-hour days at the DST switches come out right. The
 * instant being asked about comes from the caller's clock; nothing here
 * reads the wall clock.
 */
const PACIFIC_TIME_ZONE = 'America/Los_Angeles';

export type DayBounds = { readonly startMs: number; readonly endMs: number };

/** The Pacific calendar day containing `timeMs`: [midnight, next midnight). */
export function pacificDayBounds(timeMs: number): DayBounds {
  const { year, month, day } = pacificParts(timeMs);
  return { startMs: pacificMidnightMs(year, month, day), endMs: pacificMidnightMs(year, month, day + 1) };
}

/** UTC milliseconds of 00:00 Pacific on the given date (`day` may overflow, like Date.UTC). */
function pacificMidnightMs(year: number, month: number, day: number): number {
  const wallMs = Date.UTC(year, month - 1, day);
  // Guess with the offset half a day earlier, then correct with the offset at the guess:
  // DST switches happen at 02:00, never at midnight, so one correction settles it.
  const guessMs = wallMs - pacificOffsetMs(wallMs);
  return wallMs - pacificOffsetMs(guessMs);
}

/** Pacific wall time minus UTC at `timeMs`: -8h in winter, -7h in summer. */
function pacificOffsetMs(timeMs: number): number {
  const wholeSecondMs = Math.floor(timeMs / 1000) * 1000;
  const parts = pacificParts(wholeSecondMs);
  const wallMs = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wallMs - wholeSecondMs;
}

type WallParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

// Building a DateTimeFormat is the expensive part; format calls are cheap.
const PACIFIC_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: PACIFIC_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function pacificParts(timeMs: number): WallParts {
  const parts: WallParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of PACIFIC_FORMAT.formatToParts(timeMs)) {
    if (part.type in parts) parts[part.type as keyof WallParts] = Number(part.value);
  }
  return parts;
}
