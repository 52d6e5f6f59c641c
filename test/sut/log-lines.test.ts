import { describe, expect, it } from 'vitest';
import { consoleSubsystem, isInteresting, normalizeLogText, parseLogRecord } from '../../src/sut/log-lines.ts';

describe('gateway log lines', () => {
  it('reads tslog positional records (2026.2.26)', () => {
    const record = {
      0: '{"subsystem":"agent/embedded"}',
      1: 'embedded run agent end: runId=3f0c5b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f isError=true error=⚠️ API rate limit reached.',
      _meta: { logLevelName: 'WARN', date: '2026-11-24T12:07:02.756Z' },
      time: '2026-11-24T12:07:02.758Z',
    };
    expect(parseLogRecord(record)).toEqual({
      atMs: Date.parse('2026-11-24T12:07:02.758Z'),
      level: 'WARN',
      subsystem: 'agent/embedded',
      message: 'embedded run agent end: runId=3f0c5b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f isError=true error=⚠️ API rate limit reached.',
    });
  });

  it('reads records with metadata objects and without a subsystem', () => {
    const meta = parseLogRecord({ 0: '{"subsystem":"gateway/heartbeat"}', 1: { intervalMs: 1800000 }, 2: 'heartbeat: started', _meta: { logLevelName: 'INFO' }, time: '2026-11-24T12:07:02.807Z' });
    expect(meta).toMatchObject({ subsystem: 'gateway/heartbeat', message: 'heartbeat: started {"intervalMs":1800000}' });
    const bare = parseLogRecord({ 0: 'Embedded agent failed before reply: All models failed (3)', _meta: { logLevelName: 'ERROR' }, time: '2026-11-24T12:07:02.807Z' });
    expect(bare).toMatchObject({ subsystem: '', level: 'ERROR', message: 'Embedded agent failed before reply: All models failed (3)' });
  });

  it('reads flat JSON records', () => {
    expect(parseLogRecord({ time: '2026-11-24T12:07:02.807Z', level: 'warn', subsystem: 'model-fallback/decision', message: 'model fallback decision: decision=candidate_failed' })).toMatchObject({
      level: 'WARN',
      subsystem: 'model-fallback/decision',
    });
  });

  it('labels subsystems like the console', () => {
    expect(consoleSubsystem('gateway/channels/telegram')).toBe('telegram');
    expect(consoleSubsystem('agent/embedded')).toBe('agent/embedded');
  });

  it('keeps rate-limit, failover, session and command lines, drops network chatter', () => {
    const line = (subsystem: string, message: string, level = 'INFO') => ({ atMs: 0, level, subsystem, message });
    expect(isInteresting(line('diagnostic', 'lane task error: lane=main durationMs=14197 error="FailoverError: ⚠️ API rate limit reached."', 'ERROR'))).toBe(true);
    expect(isInteresting(line('sessions/store', 'pruned stale session entries'))).toBe(true);
    expect(isInteresting(line('gateway/channels/telegram', 'telegram sendMessage ok chat=424242 message=2'))).toBe(true);
    expect(isInteresting(line('telegram/network', 'autoSelectFamily=true (default-node22)'))).toBe(false);
    expect(isInteresting(line('gateway/health-monitor', 'started (interval: 300s, grace: 60s)'))).toBe(false);
  });

  it('normalizes volatile parts and keeps nominal ones', () => {
    const context = { runDir: '/work/main/.cache/runs/x', mockUrl: 'http://127.0.0.1:40995' };
    expect(
      normalizeLogText(
        'lane=main durationMs=14197 runId=abc-1 delayMs=2000 at 2026-11-24T12:07:02.758Z (PID 22949) root /work/main/.cache/runs/x/home baseUrl=http://127.0.0.1:40995/google ' +
          'session 4774d612-0b1c-4d2e-8f3a-5b6c7d8e9f00 completed in 663ms',
        context,
      ),
    ).toBe('lane=main durationMs=<ms> runId=<id> delayMs=2000 at <time> (PID <pid>) root <run>/home baseUrl=http://127.0.0.1:<mock>/google session <uuid> completed in <ms>ms');
  });
});
