import { expect } from 'vitest';

/** The error `promise` rejects with, asserted to be a `type`: how the SDKs surface a mock's answer. */
export async function rejection<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}
