/**
 * A run's folder: result.json, the Markdown report, the gateway's own logs,
 * its session store and both mock journals — each written atomically, so
 * an interrupted run leaves whole files or none.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { RunArtifacts } from './runner.ts';

export const RUN_FILES = ['result.json', 'report.md', 'gateway.log', 'gateway.err.log', 'sessions.json', 'journal.jsonl', 'telegram-journal.jsonl'] as const;

export async function writeRunDir(dir: string, artifacts: RunArtifacts, reportMarkdown: string): Promise<void> {
  await writeFileAtomic(join(dir, 'journal.jsonl'), artifacts.world.journal.toJsonl());
  await writeFileAtomic(join(dir, 'telegram-journal.jsonl'), artifacts.world.telegram.journal.toJsonl());
  await artifacts.gateway.writeRunFiles(dir);
  await writeFileAtomic(join(dir, 'report.md'), reportMarkdown);
  // Last: a result.json means the folder is complete.
  await writeFileAtomic(join(dir, 'result.json'), `${JSON.stringify(artifacts.result, null, 2)}\n`);
}
