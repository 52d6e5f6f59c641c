/**
 * RawRecording (recorder.ts) → GoldenTrace (trace.ts): events cut into
 * phases by time (startup, each turn, shutdown), offsets taken from each
 * phase's start, volatile text normalized, the mock journals excerpted.
 */
import type { JournalEntry } from '../../mocks/providers/journal.ts';
import { consoleSubsystem, type GatewayLogLine, isInteresting, normalizeLogText, readGatewayLog, type NormalizeContext } from './log-lines.ts';
import type { RawRecording } from './recorder.ts';
import type { TelegramCall } from './telegram-spy.ts';
import { type GoldenTrace, TRACE_FORMAT, type TraceLogLine, type TraceRequest, type TraceTelegramCall, type TraceTurn } from './trace.ts';

/** Bot API calls a trace does not list per phase: the long poll and the periodic health probes. */
const BACKGROUND_METHODS = new Set(['getUpdates', 'getMe', 'getWebhookInfo']);

export function buildTrace(raw: RawRecording, recordedAt: string): GoldenTrace {
  const context: NormalizeContext = { runDir: raw.runDir, mockUrl: raw.mockUrl };
  const logLines = readGatewayLog(raw.logFile).filter((line) => line.atMs >= raw.gatewayStartMs);
  const firstTurnMs = raw.turns[0]?.startMs ?? raw.stoppedAtMs;
  const providers = raw.world.journal.entries.filter((entry) => entry.atMs >= raw.gatewayStartMs);
  const calls = raw.telegramCalls.filter((call) => call.atMs >= raw.gatewayStartMs);
  const between = <T extends { atMs: number }>(items: readonly T[], fromMs: number, toMs: number) =>
    items.filter((item) => item.atMs >= fromMs && item.atMs < toMs);

  const startupCalls = between(calls, raw.gatewayStartMs, firstTurnMs);
  const menu = [...startupCalls].reverse().find((call) => call.method === 'setMyCommands');
  const turns: TraceTurn[] = raw.turns.map((turn, index) => {
    const endMs = raw.turns[index + 1]?.startMs ?? raw.stoppedAtMs;
    const turnCalls = between(calls, turn.startMs, endMs);
    const sends = turnCalls.filter((call) => call.method === 'sendMessage' && Number(call.params['chat_id']) === turn.chatId);
    const edits = turnCalls.filter((call) => call.method === 'editMessageText' && Number(call.params['chat_id']) === turn.chatId);
    return {
      index,
      text: turn.text,
      chatId: turn.chatId,
      requests: between(providers, turn.startMs, endMs).map((entry) => request(entry, turn.startMs)),
      telegram: foreground(turnCalls, turn.startMs),
      userTexts: [...sends, ...edits].map((call) => String(call.params['text'] ?? '')),
      firstReplyOffsetMs: sends[0] === undefined ? null : Math.round(sends[0].atMs - turn.startMs),
      settled: turn.settled,
      logLines: lines(between(logLines, turn.startMs, endMs), turn.startMs, context),
    };
  });

  const config = JSON.parse(normalizeLogText(JSON.stringify(raw.config), context)) as Record<string, unknown>;
  return {
    format: TRACE_FORMAT,
    case: raw.traceCase.name,
    description: raw.traceCase.description,
    gateway: { name: 'openclaw', version: raw.installed.version.version, reportedVersion: raw.installed.reportedVersion, node: process.version },
    recording: {
      recordedAt,
      isolation: raw.isolation,
      seed: raw.traceCase.seed,
      readyMs: Math.round(raw.readyAtMs - raw.gatewayStartMs),
      ...(raw.virtualTime === undefined ? {} : { clock: 'virtual' as const, wallMs: Math.round(raw.virtualTime.wallMs), moves: raw.virtualTime.moves }),
    },
    config,
    faults: raw.traceCase.faults as Record<string, unknown>,
    startup: {
      telegram: foreground(startupCalls, raw.gatewayStartMs),
      commandMenu: menu === undefined ? null : { count: Number(menu.params['commandCount']), commands: menu.params['commands'] as string[] },
      requests: between(providers, raw.gatewayStartMs, firstTurnMs).map((entry) => request(entry, raw.gatewayStartMs)),
      logLines: lines(between(logLines, raw.gatewayStartMs, firstTurnMs), raw.gatewayStartMs, context),
    },
    turns,
    shutdownLogLines: lines(logLines.filter((line) => line.atMs >= raw.stoppedAtMs), raw.stoppedAtMs, context),
    sessions: {
      store: raw.installed.version.sessionStore,
      before: raw.sessionsBefore.live,
      after: raw.sessionsAfter.live,
      archivedBefore: raw.sessionsBefore.archived,
      archivedAfter: raw.sessionsAfter.archived,
    },
    journal: {
      providers: providers.map((entry) => ({
        seq: entry.seq,
        offsetMs: Math.round(entry.atMs - raw.gatewayStartMs),
        provider: entry.provider,
        api: entry.api,
        model: entry.model,
        stream: entry.stream,
        status: entry.status,
        outcome: entry.outcome,
        errorType: entry.errorType ?? null,
        fault: entry.fault ?? null,
        retryAfterMs: entry.retryAfterMs ?? null,
        clientRetryCount: entry.clientRetryCount ?? null,
        inputTokens: entry.inputTokens,
        outputTokens: entry.outputTokens,
      })),
      telegram: raw.world.telegram.journal.entries
        .filter((entry) => entry.atMs >= raw.gatewayStartMs && !BACKGROUND_METHODS.has(canonical(entry.method)))
        .map((entry) => ({
          seq: entry.seq,
          offsetMs: Math.round(entry.atMs - raw.gatewayStartMs),
          method: canonical(entry.method),
          status: entry.status,
          chatId: entry.chatId ?? null,
          description: entry.description ?? null,
          commandCount: entry.commandCount ?? null,
          textChars: entry.textChars ?? null,
        })),
      telegramPolls: raw.world.telegram.journal.entries.filter((entry) => entry.atMs >= raw.gatewayStartMs && canonical(entry.method) === 'getUpdates').length,
    },
  };
}

function request(entry: JournalEntry, fromMs: number): TraceRequest {
  return {
    provider: entry.provider,
    model: entry.model,
    api: entry.api,
    status: entry.status,
    outcome: entry.outcome,
    fault: entry.fault ?? null,
    retryAfterMs: entry.retryAfterMs ?? null,
    clientRetryCount: entry.clientRetryCount ?? null,
    offsetMs: Math.round(entry.atMs - fromMs),
  };
}

function foreground(calls: readonly TelegramCall[], fromMs: number): TraceTelegramCall[] {
  return calls
    .filter((call) => !BACKGROUND_METHODS.has(call.method))
    .map((call) => ({ method: call.method, offsetMs: Math.round(call.atMs - fromMs), params: { ...call.params } }));
}

function lines(logLines: readonly GatewayLogLine[], fromMs: number, context: NormalizeContext): TraceLogLine[] {
  return logLines.filter(isInteresting).map((line) => ({
    offsetMs: Math.round(line.atMs - fromMs),
    level: line.level,
    line: normalizeLogText(`${line.subsystem ? `[${consoleSubsystem(line.subsystem)}] ` : ''}${line.message}`, context),
  }));
}

const METHOD_CASE = new Map(
  ['getMe', 'getUpdates', 'getWebhookInfo', 'deleteWebhook', 'setWebhook', 'setMyCommands', 'deleteMyCommands', 'getMyCommands', 'sendMessage',
    'sendChatAction', 'setMessageReaction', 'editMessageText', 'deleteMessage'].map((name) => [name.toLowerCase(), name]),
);

function canonical(method: string): string {
  return METHOD_CASE.get(method.toLowerCase()) ?? method;
}
