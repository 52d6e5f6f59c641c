/**
 * The per-session inbound queue (`messages.queue`, OpenClaw 2026.4.12's
 * src/auto-reply/reply/queue/*). A message to an idle session starts a turn
 * at once. Messages that arrive while the session's turn runs are held and,
 * once it ends and `debounceMs` has passed with no newer message, become one
 * follow-up turn (`collect`). Past `cap` held messages the oldest are dropped
 * (`drop: old`), the newest refused (`new`), or the oldest dropped and
 * counted in a summary line the follow-up carries (`summarize`).
 *
 * Modes: `collect` as above. `followup` gives each held message its own
 * turn. `steer`, `steer-backlog`, `interrupt` and `queue` steer the running
 * turn at its next tool boundary in OpenClaw; the simulated turns have no
 * tool loop, so they act as `collect` here (a stated simplification).
 */
import type { Clock, TimerHandle } from '../clock/clock.ts';

export type QueueSettings = { readonly mode: string; readonly debounceMs: number; readonly cap: number; readonly drop: 'old' | 'new' | 'summarize' };

export type InboundQueue<M> = {
  /** A message for `sessionKey`; `runTurn` gets the messages of one turn. */
  push(sessionKey: string, message: M): void;
  /** Sessions with a turn running or messages held. */
  busySessions(): number;
  /** Resolves when no turn runs and nothing is held. */
  idle(): Promise<void>;
};

type SessionQueue<M> = { running: boolean; held: M[]; dropped: number; timer: TimerHandle | undefined };

export function createInboundQueue<M>(deps: {
  clock: Clock;
  settings: QueueSettings;
  runTurn: (sessionKey: string, messages: readonly M[], droppedCount: number) => Promise<void>;
  /** A message the cap pushed out or refused (recording only). */
  onDropped?: (message: M) => void;
}): InboundQueue<M> {
  const sessions = new Map<string, SessionQueue<M>>();
  let idleWaiters: Array<() => void> = [];
  const perTurn = deps.settings.mode === 'followup' ? 1 : Number.POSITIVE_INFINITY;

  function stateOf(sessionKey: string): SessionQueue<M> {
    let state = sessions.get(sessionKey);
    if (state === undefined) sessions.set(sessionKey, (state = { running: false, held: [], dropped: 0, timer: undefined }));
    return state;
  }

  function start(sessionKey: string, state: SessionQueue<M>): void {
    const messages = state.held.splice(0, perTurn);
    const dropped = state.dropped;
    state.dropped = 0;
    state.running = true;
    void deps.runTurn(sessionKey, messages, dropped).finally(() => {
      state.running = false;
      if (state.held.length > 0) schedule(sessionKey, state);
      else settle(sessionKey, state);
    });
  }

  /** Waits `debounceMs` after the latest held message, then runs the follow-up. */
  function schedule(sessionKey: string, state: SessionQueue<M>): void {
    deps.clock.clearTimeout(state.timer);
    state.timer = deps.clock.setTimeout(() => {
      state.timer = undefined;
      if (!state.running && state.held.length > 0) start(sessionKey, state);
    }, deps.settings.debounceMs);
  }

  function settle(sessionKey: string, state: SessionQueue<M>): void {
    if (state.running || state.held.length > 0 || state.timer !== undefined) return;
    sessions.delete(sessionKey);
    if (sessions.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  function hold(state: SessionQueue<M>, message: M): void {
    if (state.held.length < deps.settings.cap) {
      state.held.push(message);
      return;
    }
    if (deps.settings.drop === 'new') {
      deps.onDropped?.(message);
      return;
    }
    const pushedOut = state.held.shift();
    if (pushedOut !== undefined) deps.onDropped?.(pushedOut);
    state.held.push(message);
    if (deps.settings.drop === 'summarize') state.dropped++;
  }

  return {
    push(sessionKey, message) {
      const state = stateOf(sessionKey);
      hold(state, message);
      if (state.running) return;
      if (state.timer === undefined && state.held.length === 1) start(sessionKey, state);
      else schedule(sessionKey, state);
    },
    busySessions: () => sessions.size,
    idle: () => (sessions.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
}
