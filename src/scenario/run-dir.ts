/**
 * A run's folder: the run record's files — both mock journals, the
 * gateway's own logs and session store, and record.json with what the
 * checks read that those files do not say exactly — then the report and
 * result.json, written by report/write-run.ts. Every file is redacted with
 * the config's secrets and written atomically, so an interrupted run leaves
 * whole files or none. `readRunDir` reads a folder back for re-judging.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { redactText } from '../config/redact.ts';
import { UserError } from '../errors.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { RunRecord } from './record.ts';
import { redactStrings } from './redact.ts';
import type { RunResult } from './result.ts';
import type { RunOutputs } from './runner.ts';

/** The files `quotastorm check` judges from; result.json names the run and is written last, so it marks a complete folder. */
const RECORD_FILES = ['result.json', 'record.json', 'journal.jsonl', 'telegram-journal.jsonl'] as const;

/** Bumped when record.json changes shape, so an old folder is refused with a reason instead of misjudged. */
const RECORD_VERSION = 2;

type RecordJson = Omit<RunRecord, 'journal' | 'telegramJournal'> & { readonly recordVersion: number };

export async function writeRunRecord(dir: string, artifacts: Pick<RunOutputs, 'record' | 'gatewayFiles' | 'secrets'>): Promise<void> {
  const { record, secrets } = artifacts;
  const text = (content: string) => redactText(content, secrets);
  const { journal, telegramJournal, ...rest } = redactStrings(record, secrets);
  const recordJson: RecordJson = { recordVersion: RECORD_VERSION, ...rest };
  await writeFileAtomic(join(dir, 'journal.jsonl'), toJsonl(journal));
  await writeFileAtomic(join(dir, 'telegram-journal.jsonl'), toJsonl(telegramJournal));
  for (const [name, content] of Object.entries(artifacts.gatewayFiles())) await writeFileAtomic(join(dir, name), text(content));
  await writeFileAtomic(join(dir, 'record.json'), `${JSON.stringify(recordJson, null, 2)}\n`);
}

/** The saved result and record of a run folder; a missing or unreadable file is a `UserError` naming it. */
export async function readRunDir(dir: string): Promise<{ result: RunResult; record: RunRecord }> {
  // One after another, so the error names the first missing file in RECORD_FILES order.
  const textOf = {} as Record<(typeof RECORD_FILES)[number], string>;
  for (const name of RECORD_FILES) textOf[name] = await readRunFile(dir, name);
  const result = parseJson(textOf['result.json'], join(dir, 'result.json')) as RunResult;
  const recordJson = parseJson(textOf['record.json'], join(dir, 'record.json')) as Partial<RecordJson>;
  if (recordJson.recordVersion !== RECORD_VERSION || !Array.isArray(recordJson.steps)) {
    throw new UserError(
      `${join(dir, 'record.json')} is not a run record this quotastorm reads (recordVersion ${String(recordJson.recordVersion)}, expected ${RECORD_VERSION}): run the scenario again to judge it.`,
    );
  }
  const { recordVersion: _version, ...rest } = recordJson as RecordJson;
  return {
    result,
    record: {
      ...rest,
      journal: parseJsonl(textOf['journal.jsonl'], join(dir, 'journal.jsonl')) as RunRecord['journal'],
      telegramJournal: parseJsonl(textOf['telegram-journal.jsonl'], join(dir, 'telegram-journal.jsonl')) as RunRecord['telegramJournal'],
    },
  };
}

function toJsonl(entries: readonly unknown[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

async function readRunFile(dir: string, name: string): Promise<string> {
  try {
    return await readFile(join(dir, name), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`;
    throw new UserError(
      `Run folder ${dir}: ${name} ${why}. \`quotastorm check\` needs a folder written by \`quotastorm run\` or \`suite\` (${RECORD_FILES.join(', ')}); result.json is written last, so a folder without it was never finished.`,
      { cause: error },
    );
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${(error as Error).message}): the run folder is damaged; run the scenario again.`, { cause: error });
  }
}

function parseJsonl(text: string, file: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, index) => parseJson(line, `${file} line ${index + 1}`));
}
