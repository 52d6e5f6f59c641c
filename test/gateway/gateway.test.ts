import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import JSON5 from 'json5';
import { loadConfig, parseConfigText } from '../../src/config/index.ts';
import { buildStaleSessions, MAIN_SESSION_KEY, type StaleSessionSpec } from '../../src/gateway/sessions/index.ts';
import type { Transcript } from '../../src/gateway/context.ts';
import { createTextPool } from '../../src/gateway/text-pool.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import { createGateway, type Gateway, type GatewayHost } from '../../src/gateway/gateway.ts';
import type { LedgerConfig } from '../../mocks/providers/ledger.ts';
import { injectMessage } from '../../mocks/telegram/state.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { PROFILES, type ProfileName } from '../../src/gateway/profiles/index.ts';

type Rig = { clock: VirtualClock; world: MockWorld; gateway: Gateway };

type RigOptions = {
  config: string;
  /** JSON5 merged over the config file's top-level keys (shallowly), for a variant of a bundled config. */
  overrides?: string;
  profile?: ProfileName;
  ledger?: LedgerConfig;
  faults?: object;
  host?: GatewayHost;
  stale?: StaleSessionSpec;
  /** Edits a copy of the config file's raw object before it is parsed. */
  mutate?: (raw: any) => void;
};

async function rig(options: RigOptions): Promise<Rig> {
  const clock = createVirtualClock();
  const faults = options.faults === undefined ? undefined : createFaultPlan(parseFaultSchedule(options.faults, 'test'), { prng: createPrng(5).fork('faults'), startMs: clock.now() });
  const world = createMockWorld({ clock, seed: 5, ...(options.ledger ? { ledger: options.ledger } : {}), ...(faults ? { faults } : {}) });
  const loaded = await loadConfig(`scenarios/configs/${options.config}`);
  const config = options.overrides === undefined && options.mutate === undefined ? loaded.config : withOverrides(loaded.raw, options.overrides ?? '{}', options.mutate);
  const gateway = createGateway({ config, profile: PROFILES[options.profile ?? '2026.2'], clock, fetch: world.fetch, rng: createPrng(5), host: { heartbeatHasTasks: false, ...options.host } });
  if (options.stale) gateway.store.preload(buildStaleSessions(options.stale, { nowMs: clock.now(), rng: createPrng('stale') }));
  const started = gateway.start();
  await clock.advanceBy(1_000);
  await started;
  return { clock, world, gateway };
}

function withOverrides(raw: unknown, overrides: string, mutate?: (raw: any) => void) {
  const merged = structuredClone({ ...(raw as object), ...(JSON5.parse(overrides) as object) });
  mutate?.(merged);
  return parseConfigText(JSON.stringify(merged), 'override.json5').config;
}

/** The main session, preloaded with `pairs` turns of a 10,000-token user message and a 600-token reply, from the text pool. */
function preloadMain(r: Rig, pairs: number): Transcript {
  const sessionId = r.gateway.store.newSessionId();
  r.gateway.store.preload([[MAIN_SESSION_KEY, { sessionId, updatedAt: r.clock.now() - 60_000, lastChannel: 'telegram', chatType: 'direct' }]]);
  const transcript = r.gateway.store.transcript(sessionId);
  const pool = createTextPool(createPrng('preload-pool'));
  const draws = createPrng('preload-draws');
  for (let i = 0; i < pairs; i++) transcript.entries.push({ role: 'user', text: pool.take(40_000, draws) }, { role: 'assistant', text: pool.take(2_400, draws) });
  return transcript;
}

const HOUR = 3_600_000;
const write = (r: Rig, text: string, userId = 424242) =>
  injectMessage(r.world.telegram.state, r.clock, { from: { id: userId, firstName: `User ${userId}` }, text });

describe('embedded gateway', () => {
  it('answers a Telegram message through the model chain and records the session', async () => {
    const r = await rig({ config: 'feb27-after.json5' });
    write(r, 'Hello there, what is the weather like?');
    await r.clock.advanceBy(30_000);
    expect(r.gateway.deliveries).toHaveLength(1);
    expect(r.gateway.deliveries[0]).toMatchObject({ chatId: 424242, kind: 'reply', modelRef: 'google/gemini-2.5-flash' });
    expect(r.world.telegram.state.sent.map((sent) => sent.chatId)).toEqual([424242]);
    expect(r.gateway.store.get('agent:main:main')).toMatchObject({ lastChannel: 'telegram', modelProvider: 'google', model: 'gemini-2.5-flash' });
    await r.gateway.stop();
  });

  it('cascades on the before-config when Google refuses: 4 attempts on Flash, 4 on Pro, then other providers', async () => {
    const r = await rig({
      config: 'feb27-before.json5',
      ledger: { providers: { gemini: { scope: { models: 'shared' }, sharedLimits: { tokensPerMinute: 10 } } } },
    });
    write(r, 'Hello there, what is the weather like?');
    await r.clock.advanceBy(120_000);
    const google = r.world.journal.where({ provider: 'gemini' });
    expect(google.map((entry) => entry.model)).toEqual([...Array(4).fill('gemini-2.5-flash'), ...Array(4).fill('gemini-2.5-pro')]);
    // Claude's configured maxTokens (64,000) is reserved against a Tier 1 OTPM of 8–10K: every Claude model refuses too.
    expect(r.world.journal.where({ provider: 'anthropic', outcome: 'too-large' }).length).toBe(36);
    expect(r.gateway.deliveries.at(-1)).toMatchObject({ kind: 'reply', modelRef: 'openai/gpt-5.2' });
    expect(r.gateway.log.errorText()).toContain('lane task error: lane=main durationMs=14000 error="FailoverError: ⚠️ API rate limit reached. Please try again later."');
    await r.gateway.stop();
  });

  it('prunes 56 stale cron-run sessions to at most 15 at the first store write, and keeps the store bounded for hours', async () => {
    const r = await rig({
      config: 'feb27-after.json5',
      stale: { kind: 'cron-run', count: 56, ageMs: 48 * HOUR },
      host: { heartbeatHasTasks: true },
    });
    expect(r.gateway.store.count()).toBe(56); // startup does not prune (test/golden/openclaw-2026.2.26/stale-cron-sessions.json)
    write(r, 'first message after the restart');
    await r.clock.advanceBy(60_000);
    expect(r.gateway.store.count()).toBeLessThanOrEqual(15);
    expect(r.gateway.log.allText()).toContain('[sessions/store] pruned stale session entries');
    const counts: number[] = [];
    for (let hour = 0; hour < 6; hour++) {
      write(r, `message in hour ${hour}`);
      await r.clock.advanceBy(HOUR);
      counts.push(r.gateway.store.count());
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(15);
    expect(r.gateway.stats.heartbeatTurns).toBeGreaterThanOrEqual(10);
    await r.gateway.stop();
  });

  it('keeps every stale session under OpenClaw 2026.2’s default maintenance (warn, 500, 30 days)', async () => {
    const r = await rig({ config: 'feb27-before.json5', stale: { kind: 'cron-run', count: 56, ageMs: 48 * HOUR } });
    write(r, 'first message after the restart');
    await r.clock.advanceBy(60_000);
    expect(r.gateway.store.count()).toBe(57);
    expect(r.gateway.log.allText()).not.toContain('pruned stale session entries');
    await r.gateway.stop();
  });

  it('warns, in warn mode, when a heartbeat write would evict the idle main session (heartbeats do not refresh it)', async () => {
    const r = await rig({
      config: 'feb27-before.json5',
      overrides: '{ session: { maintenance: { mode: "warn", maxEntries: 15, pruneAfter: "6h" } } }',
      host: { heartbeatHasTasks: true },
    });
    write(r, 'hello');
    await r.clock.advanceBy(8 * HOUR);
    expect(r.gateway.log.errorText()).toContain('session maintenance would evict active session; skipping enforcement');
    expect(r.gateway.store.get('agent:main:main')).toBeDefined();
    await r.gateway.stop();
  });

  it('sends each heartbeat with the main session’s whole transcript, on the primary when no heartbeat model is set', async () => {
    const r = await rig({ config: 'feb27-before.json5', host: { heartbeatHasTasks: true, systemPromptTokens: 1_000 } });
    write(r, 'x'.repeat(40_000)); // a 10K-token message
    await r.clock.advanceBy(31 * 60_000);
    const flash = r.world.journal.where({ model: 'gemini-2.5-flash' });
    expect(flash).toHaveLength(2); // the turn, then the 30-minute heartbeat
    const [turn, heartbeat] = flash;
    expect(heartbeat!.inputTokens).toBeGreaterThan(turn!.inputTokens + turn!.outputTokens - 1);
    await r.gateway.stop();
  });

  describe('compaction', () => {
    // pi compacts against the model's own contextWindow, so these give Flash and Kimi a 170K window
    // (feb27-after.json5 also caps contextTokens at 170K, which only sizes the summary chunks): a run
    // whose last call carries over 150K tokens (170K − the 20K reserve) compacts on the model that
    // answered it, before the reply goes out.
    const host = { systemPromptTokens: 1_000, toolCallsPerTurn: 0 };
    const THRESHOLD = 170_000 - 20_000;
    const flashOf = (r: Rig) => r.world.journal.where({ model: 'gemini-2.5-flash' });
    /** One 151,400-token request: system 1,000 + 14 preloaded pairs (148,400) + this 2,000-token message. */
    const bigQuestion = 'q'.repeat(8_000);
    const window170K = (raw: any) => {
      for (const provider of Object.values(raw.models.providers) as any[]) {
        for (const model of provider.models) if (model.id === 'gemini-2.5-flash' || model.id === 'kimi-k2.5') model.contextWindow = 170_000;
      }
    };
    const keepRecent100K = (raw: any) => {
      window170K(raw);
      raw.agents.defaults.compaction = { keepRecentTokens: 100_000 };
    };
    /** 2026.9 compaction alone: its memory flush after a reply past 146K (tested on its own) is off. */
    const keepRecent100KNoFlush = (raw: any) => {
      keepRecent100K(raw);
      raw.agents.defaults.compaction.memoryFlush = { enabled: false };
    };

    it('makes one summary call on the run’s model after the run that passed the threshold, sized from the dropped entries plus the prompt', async () => {
      const faults = { rules: [{ latency: { distribution: 'fixed', ms: 2_000 } }] };
      const r = await rig({ config: 'feb27-after.json5', host, faults, mutate: keepRecent100K });
      const transcript = preloadMain(r, 14);
      // Walking back from this turn, 100K tokens are reached at pair 5's user message: pairs 1–4 (42,400 tokens)
      // are summarised, in one call (under a chunk of 0.4 × 170K − 4,096).
      const dropped = transcript.entries.slice(0, 8).map((entry) => `[${entry.role === 'user' ? 'User' : 'Assistant'}]: ${entry.text}`).join('\n\n');
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      const [turn, summary, ...rest] = flashOf(r);
      expect(turn!.inputTokens).toBe(151_400);
      expect(rest).toHaveLength(0);
      // 317-char system prompt, <conversation>…</conversation>, pi's 879-char summarisation prompt.
      expect(summary!.inputTokens).toBe(Math.ceil((317 + `<conversation>\n${dropped}\n</conversation>\n\n`.length + 879) / 4));
      expect(summary!.atMs).toBeGreaterThanOrEqual(turn!.atMs);
      expect(summary!.atMs).toBeGreaterThanOrEqual(turn!.atMs + 2_000);
      expect(r.gateway.deliveries[0]!.atMs).toBeGreaterThanOrEqual(summary!.atMs + 2_000); // the run waits for its compaction
      expect(r.gateway.stats.compactions).toBe(1);
      expect(r.gateway.router.decisions.events.filter((event) => event.decision.startsWith('compaction_')).map((event) => `${event.decision} ${event.modelRef}`)).toEqual([
        'compaction_start google/gemini-2.5-flash',
        'compaction_call google/gemini-2.5-flash',
        'compaction_end google/gemini-2.5-flash',
      ]);
      expect(transcript.entries[0]!.text).toMatch(/^The conversation history before this point was compacted into the following summary:\n\n<summary>\n/);
      expect(transcript.entries.length).toBe(1 + 20 + 2); // the summary, pairs 5–14, the turn
      // The next turn replays the summary and the kept tail: under the threshold, and no more summary calls.
      write(r, 'and now?');
      await r.clock.advanceBy(60_000);
      const after = flashOf(r);
      expect(after).toHaveLength(3);
      expect(after[2]!.inputTokens).toBeLessThan(THRESHOLD);
      await r.gateway.stop();
    });

    it('makes no summary call while a session stays under the threshold', async () => {
      const r = await rig({ config: 'feb27-after.json5', host, mutate: window170K });
      preloadMain(r, 13);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      expect(flashOf(r).map((entry) => entry.inputTokens)).toEqual([140_800]);
      expect(r.gateway.stats.compactions).toBe(0);
      await r.gateway.stop();
    });

    it('does not compact on agents.defaults.contextTokens alone: the model’s own window sets the threshold', async () => {
      // As observed on openclaw@2026.2.26: Flash at its real 1,048,576-token window with contextTokens 170K
      // sends the whole 151,400-token turn, and the next one bigger still, with no summary call.
      const r = await rig({ config: 'feb27-after.json5', host });
      preloadMain(r, 14);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      const sent = flashOf(r).map((entry) => entry.inputTokens);
      expect(sent).toHaveLength(2);
      expect(sent[0]).toBe(151_400);
      expect(sent[1]).toBeGreaterThan(151_400 + 2_000);
      expect(r.gateway.stats.compactions).toBe(0);
      await r.gateway.stop();
    });

    it('2026.9: a model entry’s own contextTokens lowers the threshold, agents.defaults.contextTokens does not', async () => {
      const perModelCap = (raw: any) => {
        raw.models.providers.google.models.find((model: { id: string }) => model.id === 'gemini-2.5-flash').contextTokens = 170_000;
      };
      // 2026.9 checks before the prompt only: the first turn (149,400 tokens before it) passes, the second compacts first.
      const twoTurns = async (r: Rig) => {
        preloadMain(r, 14);
        write(r, bigQuestion);
        await r.clock.advanceBy(60_000);
        write(r, bigQuestion);
        await r.clock.advanceBy(60_000);
      };
      const capped = await rig({ config: 'feb27-after.json5', profile: '2026.9', host, mutate: perModelCap });
      await twoTurns(capped);
      expect(capped.gateway.stats.compactions).toBe(1);
      await capped.gateway.stop();
      const uncapped = await rig({ config: 'feb27-after.json5', profile: '2026.9', host }); // contextTokens 170K in agents.defaults only
      await twoTurns(uncapped);
      expect(uncapped.gateway.stats.compactions).toBe(0);
      await uncapped.gateway.stop();
    });

    it('2026.9: compacts before the prompt, never after the run (safeguard mode turns pi’s after-run check off)', async () => {
      const r = await rig({ config: 'feb27-after.json5', profile: '2026.9', host, mutate: keepRecent100KNoFlush });
      preloadMain(r, 14);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      expect(flashOf(r).map((entry) => entry.inputTokens)).toEqual([151_400]); // over the threshold, and no summary call after it
      write(r, 'and now?');
      await r.clock.advanceBy(60_000);
      const [, summary, turn, ...rest] = flashOf(r);
      expect(rest).toHaveLength(0);
      // In arrival order: the summary of pairs 1–4 (42,400 tokens and the prompts), then the compacted turn.
      expect(summary!.inputTokens).toBeLessThan(45_000);
      expect(turn!.inputTokens).toBeLessThan(THRESHOLD);
      expect(r.gateway.stats.compactions).toBe(1);
      expect(r.gateway.deliveries.map((delivery) => delivery.kind)).toEqual(['reply', 'reply']);
      await r.gateway.stop();
    });

    it('2026.9: after a reply past the flush threshold, sends one memory-flush request on a copy of the session, once per compaction cycle', async () => {
      const r = await rig({ config: 'feb27-after.json5', profile: '2026.9', host, mutate: keepRecent100K });
      const transcript = preloadMain(r, 14);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      // 151,400 tokens ≥ 170,000 − 20,000 − 4,000: the turn, then the flush with the transcript, its reply and the flush prompts.
      const [turn, flush, ...rest] = flashOf(r);
      expect(rest).toHaveLength(0);
      expect(flush!.inputTokens).toBeGreaterThan(turn!.inputTokens - 1_000 + 6_494);
      expect(r.gateway.stats.memoryFlushes).toBe(1);
      expect(r.gateway.deliveries.map((delivery) => delivery.kind)).toEqual(['reply']);
      expect(transcript.entries.at(-1)).toMatchObject({ role: 'assistant', text: r.gateway.deliveries[0]!.text });
      expect(transcript.entries.filter((entry) => entry.text.startsWith('Pre-compaction memory flush'))).toHaveLength(0);
      // The next turn compacts before its prompt, which opens a new cycle: it flushes again only if still past the threshold.
      write(r, 'and now?');
      await r.clock.advanceBy(60_000);
      expect(r.gateway.stats.compactions).toBe(1);
      expect(r.gateway.stats.memoryFlushes).toBe(1);
      await r.gateway.stop();
    });

    it('with the default 20K kept, summarises 127K tokens in two halves of two chunks each, then merges them: five calls', async () => {
      const r = await rig({ config: 'feb27-after.json5', host, mutate: window170K });
      preloadMain(r, 14);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      const summaries = flashOf(r).slice(1);
      expect(summaries).toHaveLength(5);
      for (const summary of summaries) expect(summary.inputTokens).toBeLessThan(0.4 * 170_000);
      expect(summaries.slice(0, 4).reduce((sum, summary) => sum + summary.inputTokens, 0)).toBeGreaterThan(12 * 10_600);
      await r.gateway.stop();
    });

    it('summarises on the fallback that answered the run, not on the primary', async () => {
      const faults = { rules: [{ match: { model: 'gemini-2.5-flash' }, script: ['429', '429', '429', '429'] }] };
      const r = await rig({ config: 'feb27-after.json5', host, faults, mutate: keepRecent100K });
      preloadMain(r, 14);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      expect(flashOf(r).map((entry) => entry.status)).toEqual([429, 429, 429, 429]);
      expect(r.world.journal.where({ model: 'kimi-k2.5' })).toHaveLength(2); // the turn, then its summary
      expect(r.gateway.deliveries.at(-1)).toMatchObject({ kind: 'reply', modelRef: 'moonshot/kimi-k2.5' });
      await r.gateway.stop();
    });

    it('2026.2: a rate-limited summary is retried (0.5 s, 1 s), tried again in a second pass, then replaced by "Summary unavailable"; the turn still answers', async () => {
      const faults = { rules: [{ match: { model: 'gemini-2.5-flash' }, script: ['ok', '429', '429', '429', '429', '429', '429'] }] };
      const r = await rig({ config: 'feb27-after.json5', host, faults, mutate: keepRecent100K });
      const transcript = preloadMain(r, 14);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      const flash = flashOf(r);
      expect(flash.map((entry) => entry.status)).toEqual([200, 429, 429, 429, 429, 429, 429]);
      const gaps = flash.slice(2).map((entry, index) => entry.atMs - flash[index + 1]!.atMs);
      expect(gaps[0]).toBeGreaterThanOrEqual(400); // 500 ms ± 20 %, after the 429's own latency
      expect(gaps[1]).toBeGreaterThanOrEqual(800);
      expect(r.gateway.log.errorText()).toContain('[compaction] Full summarization failed, trying partial: Summarization failed:');
      expect(r.gateway.log.errorText()).toContain('[compaction] Partial summarization also failed: Summarization failed:');
      expect(transcript.entries[0]!.text).toContain('Context contained 8 messages (0 oversized). Summary unavailable due to size limits.');
      expect(r.gateway.deliveries.map((delivery) => delivery.kind)).toEqual(['reply']);
      await r.gateway.stop();
    });

    it('2026.9: a rate-limited summary cancels the compaction and keeps the history; the next prompt compacts first', async () => {
      const faults = { rules: [{ match: { model: 'gemini-2.5-flash' }, script: ['ok', '429', '429', '429'] }] };
      const r = await rig({ config: 'feb27-after.json5', profile: '2026.9', host, faults, mutate: keepRecent100KNoFlush });
      const transcript = preloadMain(r, 14);
      write(r, bigQuestion);
      await r.clock.advanceBy(60_000);
      write(r, 'and now?');
      await r.clock.advanceBy(60_000);
      // The second prompt's summary is refused three times (no second pass: nothing is oversized); the turn goes out whole.
      expect(flashOf(r).map((entry) => entry.status)).toEqual([200, 429, 429, 429, 200]);
      expect(r.gateway.log.errorText()).toContain('[compaction-safeguard] Compaction summarization failed; cancelling compaction to preserve history');
      expect(transcript.entries).toHaveLength(28 + 4);
      expect(r.gateway.deliveries.map((delivery) => delivery.kind)).toEqual(['reply', 'reply']);
      write(r, 'and then?');
      await r.clock.advanceBy(60_000);
      const flash = flashOf(r);
      expect(flash.slice(5).map((entry) => entry.status)).toEqual([200, 200]); // the summary, then the turn
      expect(flash[6]!.inputTokens).toBeLessThan(THRESHOLD);
      expect(r.gateway.stats.compactions).toBe(2);
      await r.gateway.stop();
    });
  });

  it('puts no heartbeat traffic on the primary once the heartbeat has its own model on another provider', async () => {
    const r = await rig({ config: 'feb27-after.json5', host: { heartbeatHasTasks: true } });
    await r.clock.advanceBy(3 * HOUR);
    expect(r.world.journal.where({ provider: 'gemini' })).toHaveLength(0);
    expect(r.world.journal.where({ model: 'kimi-k2.5' }).length).toBeGreaterThanOrEqual(5);
    await r.gateway.stop();
  });

  it('holds the heartbeat back while the main lane is busy, and runs it once free', async () => {
    const r = await rig({
      config: 'feb27-before.json5',
      host: { heartbeatHasTasks: true },
      faults: { rules: [{ match: { model: 'gemini-2.5-flash' }, latency: { distribution: 'fixed', ms: 120_000 } }] },
    });
    r.clock.setTimeout(() => write(r, 'a slow question'), 29 * 60_000); // running across the 30-minute mark
    await r.clock.advanceBy(35 * 60_000);
    const starts = r.world.journal.where({ model: 'gemini-2.5-flash' }).map((entry) => Math.round((entry.atMs - r.world.journal.entries[0]!.atMs) / 1000));
    // The turn's request left at +0 and came back at +120 s; the heartbeat, due at +60 s, retried every second
    // until the turn had replied and left the lanes.
    expect(starts).toHaveLength(2);
    expect(starts[1]).toBeGreaterThanOrEqual(120);
    expect(starts[1]).toBeLessThanOrEqual(125);
    expect(r.gateway.stats.heartbeatTurns).toBe(1);
    await r.gateway.stop();
  });

  it('runs at most maxConcurrent turns at once across chats, and one at a time within a chat', async () => {
    const r = await rig({
      config: 'feb27-after.json5',
      overrides: '{ session: { dmScope: "per-channel-peer", maintenance: { mode: "enforce", maxEntries: 15, pruneAfter: "6h" } }, channels: { telegram: { enabled: true, botToken: "123456:FAKE", dmPolicy: "open" } } }',
      faults: { rules: [{ match: { model: 'gemini-2.5-flash' }, latency: { distribution: 'fixed', ms: 10_000 } }] },
    });
    for (let user = 1; user <= 5; user++) write(r, `hello from ${user}`, 1000 + user);
    write(r, 'a second message from user 1', 1001);
    await r.clock.advanceBy(60_000);
    const spans = r.world.journal.where({ model: 'gemini-2.5-flash' }).map((entry) => [entry.atMs, entry.atMs + (entry.latencyMs ?? 0)] as const);
    const peak = Math.max(...spans.map(([start]) => spans.filter(([from, to]) => from <= start && start < to).length));
    expect(spans).toHaveLength(6);
    expect(peak).toBe(4);
    await r.gateway.stop();
  });
});
