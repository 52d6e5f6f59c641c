/**
 * A Telegram channel on a virtual clock against the mock world: the config is
 * parsed like a real openclaw.json, the mocks answer in-process, and every
 * Bot API request the channel makes is kept (method + params) next to the
 * mock's own journal.
 */
import { createVirtualClock, type VirtualClock } from '../../../src/clock/index.ts';
import { effectiveSettings, parseConfigText } from '../../../src/config/index.ts';
import { createGatewayLog, type GatewayLog } from '../../../src/gateway/log.ts';
import { createTelegramChannel, type TelegramChannel, type TelegramChannelDeps } from '../../../src/gateway/channels/index.ts';
import type { InboundTelegramMessage } from '../../../src/gateway/channels/index.ts';
import { createMockWorld, type MockWorld, type MockWorldOptions } from '../../../mocks/world.ts';
import { PROFILES, type ProfileName } from '../../../src/gateway/profiles/index.ts';

export const BOT_TOKEN = '123456:quotastorm-test';
export const ADA = { id: 424242, firstName: 'Ada', username: 'ada' } as const;

type SentRequest = { readonly atMs: number; readonly method: string; readonly params: Record<string, unknown> };

export type Harness = {
  readonly clock: VirtualClock;
  readonly world: MockWorld;
  readonly log: GatewayLog;
  readonly channel: TelegramChannel;
  readonly inbound: { message: InboundTelegramMessage; atMs: number }[];
  readonly requests: SentRequest[];
  readonly startMs: number;
  methods(): string[];
};

export type HarnessOptions = {
  profile: ProfileName;
  /** `channels.telegram` and `commands` of the openclaw.json, as JSON5 object literals. */
  config?: { channels?: { telegram?: Record<string, unknown> }; commands?: Record<string, unknown> };
  telegram?: MockWorldOptions['telegram'];
  overrides?: Partial<TelegramChannelDeps>;
  clock?: VirtualClock;
  world?: MockWorld;
};

export function harness(options: HarnessOptions): Harness {
  const clock = options.clock ?? createVirtualClock({ startMs: Date.UTC(2026, 1, 27, 12) });
  const world = options.world ?? createMockWorld({ clock, seed: 7, ...(options.telegram === undefined ? {} : { telegram: options.telegram }) });
  const raw = {
    channels: { telegram: { enabled: true, botToken: BOT_TOKEN, dmPolicy: 'allowlist', allowFrom: ['424242'], ...options.config?.channels?.telegram } },
    ...(options.config?.commands === undefined ? {} : { commands: options.config.commands }),
  };
  const { config } = parseConfigText(JSON.stringify(raw), 'openclaw.json');
  const settings = effectiveSettings(config, PROFILES[options.profile].runtimeDefaults);
  const log = createGatewayLog(clock);
  const requests: SentRequest[] = [];
  const recordingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    // grammY passes a polyfilled AbortSignal that `new Request` refuses; read the call as given.
    const url = input instanceof Request ? input.url : String(input);
    const method = new URL(url).pathname.split('/').pop() ?? '';
    const body = typeof init?.body === 'string' ? init.body : '';
    requests.push({ atMs: clock.now(), method, params: body === '' ? {} : (JSON.parse(body) as Record<string, unknown>) });
    return world.fetch(input, init);
  }) as typeof fetch;
  const inbound: Harness['inbound'] = [];
  const channel = createTelegramChannel({
    clock,
    fetch: recordingFetch,
    log,
    behaviour: PROFILES[options.profile].telegram,
    catalog: PROFILES[options.profile].commands,
    botToken: BOT_TOKEN,
    apiRoot: settings.telegram.apiRoot,
    settings: settings.telegram,
    commands: settings.commands,
    channelConfig: config.channels!.telegram!,
    onMessage: (message) => inbound.push({ message, atMs: clock.now() }),
    ...options.overrides,
  });
  return { clock, world, log, channel, inbound, requests, startMs: clock.now(), methods: () => world.telegram.journal.entries.map((entry) => entry.method) };
}

/** Starts the channel and lets the startup settle at the same virtual instant. */
export async function started(h: Harness): Promise<void> {
  const start = h.channel.start();
  await h.clock.advanceBy(0);
  await start;
  await h.channel.menuSync();
  await h.clock.advanceBy(0);
}
