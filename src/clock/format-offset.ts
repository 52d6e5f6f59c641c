/**
 * The one way a time within a run is written, in every report and every
 * check's evidence: an offset on the run's clock since it started,
 * `+15:31:00`, so a line in gateway.err.log, a journal entry and a peak
 * minute read on one scale. Here rather than in report/ because checks
 * (scenario/) write evidence lines with it, and scenario may not import report.
 */

/**
 * Offset since the run started: `+00:41:07`, with `.250` when the offset has milliseconds;
 * `-00:00:05` for a moment before the start (a preloaded session's last write).
 */
export function formatOffsetMs(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const ms = Math.round(Math.abs(offsetMs));
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const millis = ms - totalSeconds * 1000;
  const base = `${sign}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  return millis === 0 ? base : `${base}.${String(millis).padStart(3, '0')}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
