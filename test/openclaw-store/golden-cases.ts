/**
 * The CLI cases recorded from the real openclaw@2026.2.26 (record-golden.ts)
 * and replayed against quotastorm (cli.test.ts). `args` are the openclaw
 * arguments; quotastorm takes the same ones plus `--now`.
 */
export type GoldenCase = {
  readonly name: string;
  readonly store: 'small' | 'incident';
  readonly config: 'none' | 'enforce';
  readonly args: readonly string[];
  /** Also keep the store file as the command left it (cleanup without --dry-run). */
  readonly keepStore?: boolean;
};

export const STORE_PLACEHOLDER = '<store>';

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'small-sessions', store: 'small', config: 'none', args: ['sessions'] },
  { name: 'small-sessions-active', store: 'small', config: 'none', args: ['sessions', '--active', '60'] },
  { name: 'small-sessions-json', store: 'small', config: 'none', args: ['sessions', '--json'] },
  { name: 'incident-cleanup-dry-run', store: 'incident', config: 'enforce', args: ['sessions', 'cleanup', '--dry-run'] },
  { name: 'incident-cleanup-dry-run-json', store: 'incident', config: 'enforce', args: ['sessions', 'cleanup', '--dry-run', '--json'] },
  { name: 'incident-cleanup-dry-run-defaults', store: 'incident', config: 'none', args: ['sessions', 'cleanup', '--dry-run'] },
  { name: 'incident-cleanup-apply', store: 'incident', config: 'enforce', args: ['sessions', 'cleanup'], keepStore: true },
];
