import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { SdkRetryPolicy } from './sdk-retry.ts';

/** What every adapter is built from: where the provider is, how to reach it, and the run's clock and randomness. */
export type AdapterDeps = {
  readonly providerId: string;
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  /** The clock-tracked fetch: the in-process mocks, or the platform fetch towards `mocks serve`. */
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  /** Jitter of SDK retry backoff. */
  readonly rng: Prng;
  readonly sdkRetries: SdkRetryPolicy;
};
