/**
 * The three places a verdict can look, named the same in every report, lint
 * and the config report, so "does my config survive 429s?" has one answer
 * per place instead of three that seem to disagree:
 *   - `users`: what a user saw — error replies, dropped messages, time to reply;
 *   - `gateway`: what the gateway absorbed or kept — 429s retried or failed over
 *     without the user seeing them, its session store, its command menu;
 *   - `providers`: what the providers saw — peak tokens and requests a minute
 *     against their limits.
 * Pressure one layer absorbs is reported in it and does not fail the layer above.
 */
export const LAYERS = ['users', 'gateway', 'providers'] as const;

export type Layer = (typeof LAYERS)[number];

/** One sentence per layer, for the reports' legend and lint's output. */
export const LAYER_MEANING: Readonly<Record<Layer, string>> = {
  users: 'what users saw: error replies, dropped messages, time to reply',
  gateway: 'what the gateway absorbed or kept: 429s retried or failed over without user impact, its session store, its command menu',
  providers: 'what the providers saw: peak tokens and requests a minute against their limits',
};
