/** Preconditions of the checks that judge state rather than traffic, on a hand-made record. */
import { describe, expect, it } from 'vitest';
import { configVerification } from '../../src/scenario/checks/config-verification.ts';
import type { CheckContext } from '../../src/scenario/checks/context.ts';
import { rateLimitErrors } from '../../src/scenario/checks/rate-limit-errors.ts';
import { sessionCount } from '../../src/scenario/checks/session-count.ts';

function context(record: Partial<CheckContext['record']>, messagesSent = 0): CheckContext {
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
    toMs: 60_000,
    runStartMs: 0,
    messagesSent,
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

  it('rate-limit-errors over error texts the gateway wrote without asking a mock is an error, not "0 rate-limit errors"', () => {
    const unanswered = { senderId: 1, chatId: 1, receivedAtMs: 1_000, atMs: 1_000, fate: 'error-reply' as const };
    const log = [{ atMs: 1_000, level: 'error' as const, subsystem: 'agent/embedded', message: 'embedded run agent end: runId=user-1 isError=true error=no mock handler for POST http://127.0.0.1:11434/v1' }];
    const outcome = rateLimitErrors.run(context({ messageFates: [{ updateId: 1, ...unanswered }], log }, 1), { max: 0 });
    expect(outcome).toMatchObject({ status: 'error', summary: expect.stringMatching(/^no request reached a provider: 1 of 1 message got an error text; gateway\.err\.log: \[agent\/embedded\] .*no mock handler/) });
  });
});
