/**
 * The real OpenClaw versions quotastorm can install and record against, and
 * what differs between them for a harness, as observed running both against
 * the mocks (test/golden/openclaw-<version>/ records each). Each has a committed manifest + lockfile under
 * `src/sut/pins/openclaw-<version>/`.
 */
import { UserError } from '../errors.ts';
import type { CompareTolerances } from './compare.ts';

/** How a version reaches the Telegram mock. */
type TelegramWiring =
  /** `channels.telegram.apiRoot` points at the mock's `/telegram` mount. */
  | 'api-root'
  /** No apiRoot key: api.telegram.org resolves to loopback in the namespace, the mock serves TLS on :443. */
  | 'tls-hosts';

/** Where a version keeps its session index. */
export type SessionStoreKind = 'sessions-json' | 'sqlite';

export type OpenclawVersion = {
  readonly version: string;
  readonly telegram: TelegramWiring;
  readonly sessionStore: SessionStoreKind;
  /** Config keys that exist only in this version (strict schema: unknown keys stop the gateway). */
  readonly hasCatalogRefresh: boolean;
  readonly hasTelemetryConfig: boolean;
  /** Files the install copies next to the manifest before `npm ci` (from src/sut/stubs/). */
  readonly stubs: readonly { readonly from: string; readonly to: string }[];
  /** Seconds a cold gateway may take to poll Telegram (observed 4 s / 20 s; generous for busy CI). */
  readonly readyTimeoutS: number;
  /**
   * How `npm run record` compares a re-recording with this version's golden traces (compare.ts;
   * src/sut/README.md "Tolerance"). Empty = the defaults.
   */
  readonly compareTolerances: Partial<CompareTolerances>;
  /**
   * The frame (`fn file.mjs:line:column`, preload/seeded-math-random.ts) whose Math.random draws
   * the transient same-model retry jitter in this version's dist, if it has one: the conformance
   * harness gives the embedded gateway that stream (seeded-random.ts).
   */
  readonly transientRetryJitterCaller?: string;
  /**
   * Tokens the real gateway sends besides the conversation in the recorder's fresh workspace (system
   * prompt + tool schemas): the conformance harness gives the embedded gateway a system prompt of this
   * size, so its requests cross a compaction threshold on the same turns and carry the same sizes.
   */
  readonly recordedPromptTokens: number;
  /**
   * The clock `quotastorm record` runs this version on unless told (`--virtual-time`, `--real-time`):
   * virtual once every golden case re-recorded on quotastorm's clock matches its real-time trace
   * (src/sut/README.md, "Virtual time").
   */
  readonly recordClock: 'virtual' | 'real';
};

export const OPENCLAW_VERSIONS: Readonly<Record<string, OpenclawVersion>> = {
  '2026.2.26': {
    version: '2026.2.26',
    telegram: 'tls-hosts',
    sessionStore: 'sessions-json',
    hasCatalogRefresh: false,
    hasTelemetryConfig: false,
    // baileys@7.0.0-rc.9 depends on git+https://github.com/whiskeysockets/libsignal-node (unreachable offline).
    stubs: [{ from: 'libsignal', to: 'stub-libsignal' }],
    readyTimeoutS: 120,
    // Fixed 2/4/8 s retries; the OpenAI SDK's jitter is pinned by the seeded Math.random: re-recordings repeat.
    compareTolerances: {},
    // The first request of every golden case whose first DM is "hello, are you there?" carried 6,923–6,993 tokens,
    // ~30 of them the message in its envelope; compaction-model-window's 32,127-char DM: 14,988 (8,057 the message).
    recordedPromptTokens: 6_900,
    // All 12 golden cases re-recorded in virtual time match their real-time traces with the default tolerances.
    recordClock: 'virtual',
  },
  '2026.9.6': {
    version: '2026.9.6',
    telegram: 'api-root',
    sessionStore: 'sqlite',
    hasCatalogRefresh: true,
    hasTelemetryConfig: true,
    stubs: [],
    readyTimeoutS: 240,
    // Its own processing time varies: 4.5–8 s before the first request of the first turn after a start,
    // 0.3–1.5 s per failover (src/sut/README.md "Tolerance"). Its jittered retries repeat (seeded per caller).
    compareTolerances: { relativeTolerance: 0.5 },
    // dist/embedded-agent-BaH7wGBd.mjs line 4140: the delay is exponentialMs · (0.5 + a uniform draw); column 98 is
    // the draw (the preload's stream for this frame). Checked: this stream reproduces empty-stream.json's delays 742/1221/4100/9010/21316/30000 ms.
    transientRetryJitterCaller: 'resolveTransientRetryDelayMs embedded-agent-BaH7wGBd.mjs:4140:98',
    // As for 2026.2.26: first requests of 12,504–12,566 tokens for the 21-char DM.
    recordedPromptTokens: 12_480,
    // 11 of 12 goldens match in virtual time. Seconds of its own CPU time before a turn's first request take no virtual
    // time, and compaction-model-window's fourth turn, where a timer races that work, differed between two virtual
    // recordings. Real time until its processing time is modelled.
    recordClock: 'real',
  },
};

export const SUPPORTED_VERSIONS = Object.keys(OPENCLAW_VERSIONS);

/**
 * `openclaw@2026.2.26` (or a bare `2026.2.26`) → its entry; anything else is
 * a UserError that lists what is supported.
 */
export function parseGatewaySpec(spec: string): OpenclawVersion {
  const match = /^(?:openclaw@)?(.+)$/.exec(spec.trim());
  const version = match?.[1] ?? '';
  const known = OPENCLAW_VERSIONS[version];
  if (spec.includes('@') && !spec.startsWith('openclaw@')) {
    throw new UserError(`Unknown gateway "${spec}": quotastorm records only openclaw. Supported: ${supportedList()}.`);
  }
  if (known === undefined) {
    throw new UserError(
      `Unsupported gateway version "${spec}". Supported: ${supportedList()}. ` +
        'A new version needs a pinned manifest + lockfile under src/sut/pins/ (src/sut/README.md, "Adding a version").',
    );
  }
  return known;
}

function supportedList(): string {
  return SUPPORTED_VERSIONS.map((version) => `openclaw@${version}`).join(', ');
}
