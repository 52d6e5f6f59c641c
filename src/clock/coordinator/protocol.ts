/**
 * The control channel between quotastorm's coordinator clock
 * (coordinator.ts, in the recorder's process) and each gateway process that
 * follows it (follower.ts): newline-delimited JSON over a
 * loopback TCP connection.
 *
 *   party → coordinator   hello  once, when the preload has installed its fake clock
 *                         idle   answer to a query, sent only once the party is quiet
 *                         ack    its clock reached the time it was sent, and its due timers ran
 *   coordinator → party   query  "tell me when you are idle"
 *                         time   "it is now T: fire what is due" — with `until`, also "then run your own
 *                                timers due before U, one by one, while you stay quiet and request
 *                                nothing; ack the instant you stopped at" (a lone party running ahead)
 *
 * The coordinator moves time only when every party has answered the latest
 * query idle and nothing reached or left the mocks since it asked, so a
 * party's timers fire exactly when they would in real time, relative to
 * everything else in the run.
 */

/** Environment variables the coordinator hands the gateway (gateway-process.ts passes them through). */
export const VT_ENV = {
  /** The coordinator's port on 127.0.0.1. Unset = the preload does nothing. */
  port: 'QUOTASTORM_VT_PORT',
  /** A file holding the coordinator's current time (epoch ms), rewritten before every move: a new party starts from it. */
  nowFile: 'QUOTASTORM_VT_NOW_FILE',
  /** `1`: the preload writes what keeps it busy to stderr. */
  debug: 'QUOTASTORM_VT_DEBUG',
} as const;

export type PartyMessage =
  | { readonly t: 'hello'; readonly pid: number; readonly ppid: number; readonly threadId: number; readonly nowMs: number }
  | {
      readonly t: 'idle';
      readonly q: number;
      /** The party's earliest pending timer (epoch ms), or null. */
      readonly next: number | null;
      /** HTTP requests it has sent whose responses have not fully arrived. */
      readonly inflight: number;
      /** Up to a few of them as `METHOD origin/path`, for a stall's message. */
      readonly requests: readonly string[];
      /** Node processes and worker threads it started that load the preload too: the party is not idle until they have said hello. */
      readonly starting: readonly StartingParty[];
    }
  | { readonly t: 'ack'; readonly nowMs: number; /** Own timers it ran after `nowMs` of the time message (running ahead). */ readonly steps?: number };

/** A process's main thread is `{pid, threadId: 0}`; its worker threads share its pid. */
export type PartyId = { readonly pid: number; readonly threadId: number };

/**
 * A child or thread a party started: `onlineForMs` is the real ms since a worker thread began running
 * JavaScript (its `online` event), null before; absent for a process.
 */
export type StartingParty = PartyId & { readonly onlineForMs?: number | null };

export function partyKey(id: PartyId): string {
  return `${id.pid}:${id.threadId}`;
}

export type CoordinatorMessage = { readonly t: 'query'; readonly q: number } | { readonly t: 'time'; readonly nowMs: number; readonly until?: number };

/** Splits a socket's data into JSON lines; a partial line waits for the rest. */
export function lineReader<T>(onMessage: (message: T) => void): (chunk: Buffer | string) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString();
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') onMessage(JSON.parse(line) as T);
    }
  };
}
