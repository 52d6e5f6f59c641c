/**
 * Provider clients sleep on the virtual clock between retries: a test awaits a call while the
 * clock runs until nothing is scheduled, so the backoff passes without real waiting.
 */
import { expect } from 'vitest';
import { ProviderError } from '../../src/gateway/providers/index.ts';

type Driven = { readonly clock: { runUntilIdle(): Promise<unknown> } };

export async function driven<T>(rig: Driven, call: Promise<T>): Promise<T> {
  const settled = call.then((value) => ({ value }), (error: unknown) => ({ error }));
  await rig.clock.runUntilIdle();
  const outcome = await settled;
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** The ProviderError a driven call fails with (the test fails if it succeeds or throws anything else). */
export async function drivenFailure(rig: Driven, call: Promise<unknown>): Promise<ProviderError> {
  const error = await driven(rig, call).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
