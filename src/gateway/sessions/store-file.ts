/**
 * Reading a `sessions.json` (openclaw@2026.2.26's store: one JSON object
 * keyed by session key). OpenClaw itself reads a broken file as an empty
 * store and carries on; quotastorm says what is wrong instead, since a
 * preload or `quotastorm sessions` on a broken file is a mistake to fix.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../../errors.ts';
import type { SessionEntry } from './entry.ts';

const EXPECTED = 'Expected a session store as OpenClaw writes it: one JSON object keyed by session key, each entry an object with sessionId and updatedAt (epoch ms).';

export async function readSessionStoreFile(file: string): Promise<Map<string, SessionEntry>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'was not found' : code === 'EISDIR' ? 'is a directory, not a file' : `could not be read (${code ?? String(error)})`;
    throw new UserError(`Session store ${file} ${why}. ${EXPECTED}`);
  }
  return parseSessionStoreJson(text, file);
}

/** `readSessionStoreFile` without the file system; `file` only names the store in messages. */
function parseSessionStoreJson(text: string, file: string): Map<string, SessionEntry> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`Session store ${file} is not valid JSON (${(error as Error).message}). ${EXPECTED}`);
  }
  if (!isRecord(parsed)) throw new UserError(`Session store ${file} holds ${describe(parsed)}, not an object. ${EXPECTED}`);
  const entries = new Map<string, SessionEntry>();
  for (const [key, value] of Object.entries(parsed)) entries.set(key, checkEntry(value, key, file));
  return entries;
}

function checkEntry(value: unknown, key: string, file: string): SessionEntry {
  if (!isRecord(value)) throw new UserError(`Session store ${file}: entry "${key}" is ${describe(value)}, not an object. ${EXPECTED}`);
  const updatedAt = value['updatedAt'];
  if (updatedAt !== undefined && (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt))) {
    throw new UserError(`Session store ${file}: entry "${key}" has updatedAt ${JSON.stringify(updatedAt)}; expected epoch milliseconds (a number) or none.`);
  }
  return value as SessionEntry;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
