/**
 * A check's figures in words: `0 rate-limit lines in gateway.err.log · 0 × 429
 * served by the mocks` instead of `rateLimitLines 0 · served429 0`. Figures
 * are data keyed by name; the words are a table here, looked up by the
 * check's kind first (`lines` means different lines to different checks),
 * then by the name alone. A figure no row names still prints, its camelCase
 * name split into words, so a new figure is never lost — only plainer.
 */
import { formatCount, formatDurationMs } from './format.ts';

type Words = (value: number) => string;

const count = (one: string, many: string = `${one}s`): Words => (value) => `${formatCount(value)} ${value === 1 ? one : many}`;
const label = (text: string): Words => (value) => `${text} ${formatCount(value)}`;
const duration = (text: string): Words => (value) => `${text} ${formatDurationMs(value)}`;

const BY_NAME: Readonly<Record<string, Words>> = {
  rateLimitLines: count('rate-limit line in gateway.err.log', 'rate-limit lines in gateway.err.log'),
  served429: (value) => `${formatCount(value)} × 429 served by the mocks`,
  messagesSent: count('message sent in the step', 'messages sent in the step'),
  max: label('allowed at most'),
  errorReplies: count('error reply to users', 'error replies to users'),
  replies: count('reply delivered', 'replies delivered'),
  replied: count('message replied to', 'messages replied to'),
  dropped: count('message dropped', 'messages dropped'),
  pending: count('message pending at the end', 'messages pending at the end'),
  answered: count('message answered', 'messages answered'),
  needed: label('needed at least'),
  sessions: count('session in the store', 'sessions in the store'),
  cronRuns: count('of them a cron-run session', 'of them cron-run sessions'),
  fixed: count('root-cause setting fixed', 'root-cause settings fixed'),
  risks: count('root-cause setting still a risk', 'root-cause settings still a risk'),
  peak: label('peak'),
  threshold: label('threshold'),
  limit: label('limit'),
  refused: count('setMyCommands call refused', 'setMyCommands calls refused'),
  syncs: count('setMyCommands call', 'setMyCommands calls'),
  discordCommands: count('Discord command registered', 'Discord commands registered'),
  discordOffered: count('Discord command offered', 'Discord commands offered'),
  discordLimit: label('Discord allows at most'),
  percentile: (value) => (value === 100 ? 'the slowest reply' : `percentile p${value}`),
  valueMs: duration('measured'),
  maxMs: duration('allowed at most'),
  belowMs: duration('must stay below'),
  unmatched: count('request no mock answered', 'requests no mock answered'),
  distinct: count('distinct URL', 'distinct URLs'),
};

const BY_CHECK: Readonly<Record<string, Readonly<Record<string, Words>>>> = {
  'peak-usage': { peak: label('peak per minute'), limit: label('limit per minute'), threshold: label('threshold per minute') },
  'bot-commands-too-much': { lines: count('BOT_COMMANDS_TOO_MUCH line in gateway.err.log', 'BOT_COMMANDS_TOO_MUCH lines in gateway.err.log') },
};

/** `0 rate-limit lines in gateway.err.log · 0 × 429 served by the mocks · allowed at most 0`. */
export function figuresInWords(check: string, figures: Readonly<Record<string, number>>): string {
  return Object.entries(figures)
    .map(([name, value]) => (BY_CHECK[check]?.[name] ?? BY_NAME[name] ?? fallback(name))(value))
    .join(' · ');
}

/** `someNewFigure` → `some new figure 3`. */
function fallback(name: string): Words {
  return label(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}
