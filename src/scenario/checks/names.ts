/** The checks a scenario can name. Each lives in its own file beside this one. */
export const CHECK_NAMES = [
  'config-verification',
  'session-count',
  'rate-limit-errors',
  'rate-limits-absorbed',
  'bot-commands-too-much',
  'replies-delivered',
  'error-replies',
  'peak-usage',
  'reply-time',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];
