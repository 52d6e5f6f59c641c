/**
 * The reports in reports/examples/ are regenerated here and must match byte
 * for byte: they show what quotastorm writes, they prove runs are
 * deterministic, and they can never go stale. UPDATE_EXAMPLES=1 rewrites them.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderComparison } from '../src/report/compare.ts';
import { PROSE_WIDTH } from '../src/report/markdown-text.ts';
import { renderIncidentReport, type IncidentRuns } from '../src/report/incident.ts';
import { renderRunReport } from '../src/report/markdown.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { runScenario } from '../src/scenario/runner.ts';
import type { RunResult } from '../src/scenario/result.ts';

const DIR = join('reports', 'examples');
const AFTER = 'scenarios/configs/feb27-after.json5';
const BEFORE = 'scenarios/configs/feb27-before.json5';

async function result(scenario: string, config: string, variant?: string): Promise<RunResult> {
  const loaded = await loadScenario(scenario);
  return (await runScenario({ loaded, configFile: config, version: 'example', ...(variant === undefined ? {} : { variant }) })).result;
}

const INCIDENT = 'scenarios/incident-2026-02-27.json5';
let incident: Promise<IncidentRuns> | undefined;

/** The four incident days, run once for both examples that show them. */
function incidentRuns(): Promise<IncidentRuns> {
  incident ??= (async () => ({
    before: { quotas: await result(INCIDENT, BEFORE, 'quotas'), finishReason: await result(INCIDENT, BEFORE, 'finish-reason') },
    after: { quotas: await result(INCIDENT, AFTER, 'quotas'), finishReason: await result(INCIDENT, AFTER, 'finish-reason') },
  }))();
  return incident;
}

async function matches(name: string, content: string): Promise<void> {
  const file = join(DIR, name);
  if (process.env['UPDATE_EXAMPLES'] === '1') await writeFile(file, content);
  expect(content, `${file} is stale: run UPDATE_EXAMPLES=1 npm test -- test/examples.test.ts`).toBe(await readFile(file, 'utf8'));
}

describe('reports/examples', () => {
  it('stress-suite-after.md: the stress suite on the fixed config', async () => {
    await matches('stress-suite-after.md', renderRunReport(await result('scenarios/stress-suite.json5', AFTER)));
  });

  it('stress-suite-before.md: the stress suite on the incident’s config', async () => {
    await matches('stress-suite-before.md', renderRunReport(await result('scenarios/stress-suite.json5', BEFORE)));
  });

  it('compare-incident-quotas.md: what `compare` writes for the incident day (quotas variant) on both configs', async () => {
    const { before, after } = await incidentRuns();
    await matches('compare-incident-quotas.md', renderComparison([{ label: 'feb27-before.json5', result: before.quotas }, { label: 'feb27-after.json5', result: after.quotas }]));
  }, 360_000);

  it('incident.md: what `incident` (and `npm start`) writes, both configs in both variants', async () => {
    await matches('incident.md', renderIncidentReport(await incidentRuns()));
  }, 360_000);

  it(`wraps every line outside tables and fenced blocks at ${PROSE_WIDTH} characters`, async () => {
    for (const name of (await readdir(DIR)).filter((file) => file.endsWith('.md'))) {
      const long = proseLines(await readFile(join(DIR, name), 'utf8')).filter((line) => [...line].length > PROSE_WIDTH);
      expect(long, `${name}: prose lines over ${PROSE_WIDTH} characters`).toEqual([]);
    }
  });
});

/** Lines a reader reads as prose: not inside a fenced block, not a table row. */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').filter((line) => {
    const mark = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (mark !== undefined && mark.startsWith(fence) && line.trim() === mark) fence = undefined;
      return false;
    }
    if (mark !== undefined) {
      fence = mark;
      return false;
    }
    return !line.startsWith('|');
  });
}
