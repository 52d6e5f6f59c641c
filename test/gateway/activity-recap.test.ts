import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/index.ts';
import { createActivityRecap, type ActivityRecapBehaviour } from '../../src/gateway/activity-recap.ts';
import type { ChatCall, ChatReply } from '../../src/gateway/providers/types.ts';

const BEHAVIOUR: ActivityRecapBehaviour = {
  utilityModels: { openai: 'gpt-5.6-luna', anthropic: 'claude-haiku-4-5' },
  refreshMs: 90_000,
  failureRetryMs: 120_000,
  maxOutputTokens: 240,
  systemPrompt: 'Write an Activity recap …',
};

type Call = { atMs: number; modelRef: string; prompt: string };

function rig(options: { fails?: boolean; behaviour?: ActivityRecapBehaviour | null } = {}) {
  const clock = createVirtualClock({ startMs: 0 });
  const calls: Call[] = [];
  const recap = createActivityRecap({
    clock,
    behaviour: options.behaviour === undefined ? BEHAVIOUR : options.behaviour,
    callModel: async (modelRef: string, call: Omit<ChatCall, 'modelId'>): Promise<ChatReply> => {
      calls.push({ atMs: clock.now(), modelRef, prompt: call.messages[0]!.text });
      if (options.fails === true) throw new Error('404 The model `gpt-5.6-luna` does not exist');
      return { text: `recap ${calls.length}` } as ChatReply;
    },
    providerOf: (modelRef) => modelRef.split('/')[0],
  });
  return { clock, calls, recap };
}

describe('Activity recap (openclaw@2026.9.6 session-activity-summaries)', () => {
  it("asks the primary provider's utility model at once with the new transcript lines", async () => {
    const { clock, calls, recap } = rig();
    recap.noteTranscript('agent:main:main', 'anthropic/claude-sonnet-4-6', ['user: hello, are you there?']);
    await clock.runUntilIdle();
    expect(calls).toEqual([
      { atMs: 0, modelRef: 'anthropic/claude-haiku-4-5', prompt: '{"previousRecap":"","messages":["user: hello, are you there?"],"omittedContent":false}' },
    ]);
  });

  it('waits out the refresh interval for the next change, then carries the previous recap', async () => {
    const { clock, calls, recap } = rig();
    recap.noteTranscript('s', 'openai/gpt-4o-mini', ['user: one']);
    await clock.advanceBy(10_000);
    recap.noteTranscript('s', 'openai/gpt-4o-mini', ['assistant: two']);
    await clock.runUntilIdle();
    expect(calls.map((call) => [call.atMs, call.prompt])).toEqual([
      [0, '{"previousRecap":"","messages":["user: one"],"omittedContent":false}'],
      [90_000, '{"previousRecap":"recap 1","messages":["assistant: two"],"omittedContent":false}'],
    ]);
  });

  it('asks nothing for a provider without a utility model', async () => {
    const { clock, calls, recap } = rig();
    recap.noteTranscript('s', 'google/gemini-2.5-flash', ['user: one']);
    await clock.runUntilIdle();
    expect(calls).toEqual([]);
  });

  it('asks nothing for changes while a failed call keeps it back', async () => {
    const { clock, calls, recap } = rig({ fails: true });
    recap.noteTranscript('s', 'openai/gpt-4o-mini', ['user: one']);
    await clock.advanceBy(100_000);
    recap.noteTranscript('s', 'openai/gpt-4o-mini', ['assistant: two']);
    await clock.runUntilIdle();
    expect(calls.map((call) => call.atMs)).toEqual([0]);
  });

  it('does nothing in a version without it', async () => {
    const { clock, calls, recap } = rig({ behaviour: null });
    recap.noteTranscript('s', 'openai/gpt-4o-mini', ['user: one']);
    await clock.runUntilIdle();
    expect(calls).toEqual([]);
  });

  it('drops a pending run when stopped', async () => {
    const { clock, calls, recap } = rig();
    recap.noteTranscript('s', 'openai/gpt-4o-mini', ['user: one']);
    await clock.advanceBy(1_000);
    recap.noteTranscript('s', 'openai/gpt-4o-mini', ['assistant: two']);
    await recap.stop();
    await clock.runUntilIdle();
    expect(calls).toHaveLength(1);
  });
});
