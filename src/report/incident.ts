/**
 * The incident report: the 2026-02-27 scenario on the before and after
 * configs, in both variants, as one page — each of the five causes with the
 * evidence measured before and after, which variant reproduces which
 * symptom, and where the write-up's causal story and OpenClaw's code
 * disagree, with the run that shows it. Pure: results in, Markdown out.
 */
import type { ModelUsage, RunResult } from '../scenario/result.ts';
import { formatCount } from './format.ts';
import { table as markdownTable, wrapProse } from './markdown-text.ts';

export type IncidentRuns = {
  readonly before: { readonly quotas: RunResult; readonly finishReason: RunResult };
  readonly after: { readonly quotas: RunResult; readonly finishReason: RunResult };
};

const PRIMARY = 'google/gemini-2.5-flash';
const SAME_PROVIDER_FALLBACK = 'google/gemini-2.5-pro';
const UNKNOWN_ERROR = 'An unknown error occurred';

/** The version the incident ran on (openclaw@2026.2.26), which the report's notes describe. */
const INCIDENT_PROFILE = '2026.2';

export function renderIncidentReport(runs: IncidentRuns): string {
  const { before, after } = runs;
  const lines = [
    '# The 2026-02-27 incident, replayed',
    '',
    `Scenario \`${before.quotas.scenario.file}\`, seed ${before.quotas.seed}, ${hours(before.quotas.simulatedMs)} simulated per run, behaviour profile ${before.quotas.config.profile}.`,
    ...(before.quotas.config.profile === INCIDENT_PROFILE
      ? []
      : [`The figures are measured on profile ${before.quotas.config.profile}; the notes that name openclaw@2026.2.26 describe the incident's own version.`]),
    `Before: \`${before.quotas.config.file}\` · after: \`${after.quotas.config.file}\`.`,
    '',
    `- before, quotas only: ${verdict(before.quotas)}`,
    `- before, quotas + finishReason fault: ${verdict(before.finishReason)}`,
    `- after, quotas only: ${verdict(after.quotas)}`,
    `- after, quotas + finishReason fault: ${verdict(after.finishReason)}`,
    '',
    '## The five causes, measured',
    '',
    ...markdownTable(
      ['Cause', 'Setting', 'Before', 'After'],
      [
        ['Stale cron sessions never cleaned up', '`session.maintenance`', sessions(before.quotas), sessions(after.quotas)],
        ['Heartbeat on Gemini Flash', '`agents.defaults.heartbeat.model`', heartbeat(before.quotas), heartbeat(after.quotas)],
        ['First fallback on the same provider', '`agents.defaults.model.fallbacks[0]`', firstFallback(before.quotas), firstFallback(after.quotas)],
        ['Session maintenance off', '`session.maintenance.mode`', setting(before.quotas, 'session-maintenance'), setting(after.quotas, 'session-maintenance')],
        ['Too many Telegram commands', '`commands.nativeSkills`', menu(before.quotas), menu(after.quotas)],
      ],
    ),
    '',
    '## The symptoms, by variant',
    '',
    ...markdownTable(
      ['Symptom', 'Before · quotas', 'Before · + finishReason', 'After · quotas', 'After · + finishReason'],
      [
        ['Users: messages sent = replied + error replies + dropped + pending', ...allRuns(runs).map(messageSum)],
        ['Providers: Gemini 2.5 Flash peak tokens/min sent (limit 1M)', ...allRuns(runs).map((run) => formatCount(usage(run, PRIMARY)?.peakTokensPerMinute.value ?? 0))],
        ['Gateway: 429s served (absorbed unless a user saw an error)', ...allRuns(runs).map((run) => formatCount(run.usage.reduce((sum, model) => sum + model.rateLimited, 0)))],
        ['Rate-limit lines in gateway.err.log', ...allRuns(runs).map((run) => formatCount(run.logs.rateLimitLines))],
        ['Models a failing turn cascaded through (most)', ...allRuns(runs).map((run) => String(cascadeDepth(run)))],
        ['"All models failed" replies', ...allRuns(runs).map((run) => formatCount(run.deliveries.errorReplies))],
        [`"${UNKNOWN_ERROR}" replies`, ...allRuns(runs).map((run) => formatCount(unknownErrors(run)))],
        ['Replies delivered (one can answer several queued messages)', ...allRuns(runs).map((run) => formatCount(run.deliveries.replies))],
        ['BOT_COMMANDS_TOO_MUCH lines', ...allRuns(runs).map((run) => formatCount(run.logs.botCommandsTooMuchLines))],
        ['Sessions in the store at the end', ...allRuns(runs).map((run) => formatCount(run.sessions.atEnd))],
      ],
    ),
    '',
    `Which variant reproduces what: the quotas-only runs show the TPM overload, the 429s, the retries and the failover; ` +
      `"${UNKNOWN_ERROR}" appears ${unknownErrors(before.quotas) === 0 ? 'only' : 'also'} in the finishReason variant ` +
      `(${formatCount(unknownErrors(before.quotas))} in quotas-only, ${formatCount(unknownErrors(before.finishReason))} with the fault, before the fix).`,
    '',
    '## Where the write-up and the code disagree',
    '',
    ...disagreements(runs).map((item) => `- ${item}`),
    '',
    'Every figure above comes from the four runs\' result.json files; each run folder has its own report, logs, sessions.json and journal.',
  ];
  return `${wrapProse(lines.join('\n'))}\n`;
}

/** `304 = 146 + 158 + 0 + 0`: the run's messages, accounted for. */
function messageSum(run: RunResult): string {
  const { sent, replied, errorReplies, dropped, pending } = run.messages;
  return `${formatCount(sent)} = ${[replied, errorReplies, dropped, pending].map(formatCount).join(' + ')}`;
}

function disagreements(runs: IncidentRuns): string[] {
  const { before } = runs;
  const pro = usage(before.quotas, SAME_PROVIDER_FALLBACK);
  const heartbeatAttempts = attempts(before.quotas, 'heartbeat', PRIMARY);
  return [
    `**"An unknown error occurred" is not what a rate limit looks like.** In openclaw@2026.2.26 a 429 ends as retries, fallback and, ` +
      `when every model fails, "⚠️ Agent failed before reply: All models failed (N): …"; the unknown-error text comes only from a Gemini 200 ` +
      `whose finishReason is not STOP/MAX_TOKENS (golden trace test/golden/openclaw-2026.2.26/flash-429-pro-malformed-function-call.json). Measured: ${formatCount(unknownErrors(before.quotas))} such replies ` +
      `with quotas alone, ${formatCount(unknownErrors(before.finishReason))} once Gemini returns MALFORMED_FUNCTION_CALL.`,
    `**Stale sessions cost no tokens.** The 56 stale cron-run entries never call a model; they grow the store (${formatCount(before.quotas.sessions.atEnd)} entries at the end ` +
      `before the fix) but not Gemini's TPM. And 2026.2.26's cron reaper deletes cron runs older than 24 h on any cron tick, whatever session.maintenance says: ` +
      'they only pile up while no cron job runs.',
    `**The heartbeat's cost follows the transcript.** A heartbeat replays the main session; it is ~200K tokens only because the session was that large. ` +
      `Measured before the fix: ${formatCount(heartbeatAttempts)} heartbeat attempts on ${PRIMARY}.`,
    `**The same-provider fallback fails only under a shared quota.** Gemini meters per project *per model*: Gemini 2.5 Pro has its own quota ` +
      `(${proEvidence(pro)}), and one user session runs one turn at a time, so Flash's ` +
      `2/4/8 s retries mostly recover within the turn. What a same-provider first fallback costs is those ~14 s before any other provider is tried; ` +
      "a cascade through the whole chain needs sustained overload and a quota shared across Google's models (the scenario's `shared-google-quota` variant).",
    contextTokensDisagreement(runs),
    `**">100 commands" cannot be sent by 2026.2.26**: it caps the menu at 100 and retries a refused menu at 80 %. The refusal comes from Telegram's ` +
      `unpublished text budget (BOT_COMMANDS_TOO_MUCH under 100 commands): ${formatCount(before.quotas.logs.botCommandsTooMuchLines)} such error line(s) before the fix, ` +
      `${formatCount(runs.after.quotas.logs.botCommandsTooMuchLines)} after.`,
  ];
}

/** The fix's "user turns 256K → 170K", against what the largest requests measured. */
function contextTokensDisagreement(runs: IncidentRuns): string {
  const largest = (run: RunResult, modelRef: string) => formatCount(usage(run, modelRef)?.largestRequestTokens ?? 0);
  const cap = (run: RunResult) => run.rootCauses.find((finding) => finding.id === 'context-tokens')?.value ?? '?';
  const heartbeatModel = runs.after.quotas.attemptsByOrigin.find((entry) => entry.origin === 'heartbeat')?.modelRef;
  return (
    `**Lowering \`agents.defaults.contextTokens\` does not cut turns.** openclaw@2026.2.26 compacts a session only when its last call ` +
    "passes the model's own `contextWindow` (1,048,576 for Gemini 2.5 Flash) less a 20,000-token reserve; the cap sizes summary chunks " +
    "and the status %, nothing more (pi-coding-agent's `_checkCompaction`; observed on the real gateway: a 1M-window model with " +
    'contextTokens 40,000 sent 39,399 tokens without compacting). ' +
    `Measured: Flash's largest request was ${largest(runs.before.quotas, PRIMARY)} tokens before the fix (cap ${cap(runs.before.quotas)}) ` +
    `and ${largest(runs.after.quotas, PRIMARY)} after (cap ${cap(runs.after.quotas)}). ` +
    (heartbeatModel === undefined || heartbeatModel === PRIMARY
      ? ''
      : `What keeps the shared main session small after the fix is the heartbeat's move: its runs compact the session against ` +
        `${heartbeatModel}'s own window (largest request ${largest(runs.after.quotas, heartbeatModel)} tokens). `) +
    "To bound turns as the write-up meant, lower the primary's `contextWindow` in `models.providers`."
  );
}

function allRuns(runs: IncidentRuns): RunResult[] {
  return [runs.before.quotas, runs.before.finishReason, runs.after.quotas, runs.after.finishReason];
}

function verdict(run: RunResult): string {
  return `${run.verdict.passed}/${run.verdict.total} healthy-state checks passed`;
}

function hours(ms: number): string {
  return `${Math.round(ms / 3_600_000)} h`;
}

function usage(run: RunResult, modelRef: string): ModelUsage | undefined {
  return run.usage.find((model) => model.modelRef === modelRef);
}

function attempts(run: RunResult, origin: string, modelRef: string): number {
  return run.attemptsByOrigin.find((entry) => entry.origin === origin && entry.modelRef === modelRef)?.attempts ?? 0;
}

function unknownErrors(run: RunResult): number {
  // The examples hold a few texts; the count of surfaced errors is the figure (every surfaced error is this text in these runs).
  return run.deliveries.surfacedErrors;
}

function cascadeDepth(run: RunResult): number {
  const failing = run.failover.filter((model) => model.failed > 0).length;
  return failing === 0 ? 0 : failing + 1;
}

function sessions(run: RunResult): string {
  return `${formatCount(run.sessions.atStart)} → ${formatCount(run.sessions.atEnd)} entries`;
}

function heartbeat(run: RunResult): string {
  const byModel = run.attemptsByOrigin.filter((entry) => entry.origin === 'heartbeat');
  return byModel.length === 0 ? 'no heartbeat ran' : byModel.map((entry) => `${formatCount(entry.attempts)} on ${entry.modelRef}`).join(', ');
}

function firstFallback(run: RunResult): string {
  const chain = run.rootCauses.find((finding) => finding.id === 'first-fallback-provider');
  const pro = usage(run, SAME_PROVIDER_FALLBACK);
  const second = chain?.value.split(' → ')[1] ?? '?';
  return `${second}${pro === undefined ? '' : ` (${formatCount(pro.requests)} requests, ${formatCount(pro.rateLimited)} × 429)`}`;
}

function setting(run: RunResult, id: string): string {
  const finding = run.rootCauses.find((entry) => entry.id === id);
  return finding === undefined ? '?' : `${finding.value}${finding.status === 'risk' ? ' (risk)' : ''}`;
}

function menu(run: RunResult): string {
  return `${setting(run, 'telegram-skill-commands')}; ${formatCount(run.logs.botCommandsTooMuchLines)} BOT_COMMANDS_TOO_MUCH line(s)`;
}

/** What Gemini Pro did in the before-fix quotas run: the evidence for the same-provider fallback's finding. */
function proEvidence(pro: { ok: number; requests: number } | undefined): string {
  if (pro === undefined || pro.requests === 0) return "no turn reached it here: Flash's own retries recovered every failing turn";
  return `it answered ${formatCount(pro.ok)} of ${formatCount(pro.requests)} requests here`;
}
