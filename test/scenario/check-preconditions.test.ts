/** Preconditions of the checks that judge state rather than traffic, on a hand-made record. */
import { describe, expect, it } from 'vitest';
import { configVerification } from '../../src/scenario/checks/config-verification.ts';
import type { CheckContext } from '../../src/scenario/checks/context.ts';
import { sessionCount } from '../../src/scenario/checks/session-count.ts';

function context(record: Partial<CheckContext['record']>): CheckContext {
  return {
    record: {
      journal: [],
      telegramJournal: [],
      log: [],
      deliveries: [],
      messageFates: [],
      telegramConfigured: true,
      store: { sessions: [], writes: 0 },
      limits: {},
      rootCauses: [],
      ...record,
    },
    fromMs: 0,
    toMs: 0,
    runStartMs: 0,
    messagesSent: 0,
    step: undefined,
  };
}

describe('check preconditions', () => {
  it('config-verification with no root-cause setting to judge is an error, not "0/0 fixed"', () => {
    expect(configVerification.run(context({}), {})).toMatchObject({ status: 'error', summary: 'the audit found no root-cause setting to judge in this config' });
  });

  it('session-count has none: an empty store is measured, and passes against its maximum', () => {
    expect(sessionCount.run(context({}), { max: 20 })).toMatchObject({ status: 'pass', summary: '0 sessions in the store (max 20)' });
  });
});
