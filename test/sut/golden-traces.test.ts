/**
 * The committed golden traces (test/golden/openclaw-<version>/<case>.json):
 * every one valid, every case recorded on every supported version (or
 * skipped there with a reason in the case file), and each one carrying the
 * provenance a hand-written file would not have.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoldenTraceSchema } from '../../src/sut/trace.ts';
import { isCaseFileName, loadTraceCase, TRACE_CASES_DIR } from '../../src/sut/trace-case.ts';
import { SUPPORTED_VERSIONS } from '../../src/sut/versions.ts';

const GOLDEN = 'test/golden';
const caseNames = readdirSync(TRACE_CASES_DIR).filter(isCaseFileName).map((file) => file.replace(/\.json5$/, '')).sort();
const traceFiles = existsSync(GOLDEN)
  ? readdirSync(GOLDEN, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) => readdirSync(join(GOLDEN, dir.name)).filter((file) => file.endsWith('.json')).map((file) => join(GOLDEN, dir.name, file)))
  : [];

describe('committed golden traces', () => {
  it.each(traceFiles)('%s matches the trace schema and names its case and version', (file) => {
    const trace = GoldenTraceSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(file).toBe(join(GOLDEN, `openclaw-${trace.gateway.version}`, `${trace.case}.json`));
    expect(caseNames).toContain(trace.case);
    expect(trace.gateway.reportedVersion).toContain(trace.gateway.version);
  });

  it.each(traceFiles)('%s carries its provenance: the mock journal agrees with the turns', (file) => {
    const trace = GoldenTraceSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const turnRequests = trace.turns.reduce((sum, turn) => sum + turn.requests.length, 0) + trace.startup.requests.length;
    expect(trace.journal.providers).toHaveLength(turnRequests);
    expect(trace.journal.telegramPolls).toBeGreaterThan(0);
    const sent = trace.journal.telegram.filter((entry) => entry.method === 'sendMessage' && entry.status === 200).length;
    expect(sent).toBe(trace.turns.reduce((sum, turn) => sum + turn.telegram.filter((call) => call.method === 'sendMessage').length, 0));
    expect(trace.startup.logLines.length + trace.turns.reduce((sum, turn) => sum + turn.logLines.length, 0)).toBeGreaterThan(0);
  });

  it.each(SUPPORTED_VERSIONS.flatMap((version) => caseNames.map((name) => [version, name] as const)))(
    'openclaw@%s has a trace for %s, or the case says why not',
    async (version, name) => {
      const file = join(GOLDEN, `openclaw-${version}`, `${name}.json`);
      const traceCase = await loadTraceCase(name);
      const skip = traceCase.versions[version]?.skip;
      if (skip) expect(existsSync(file), `${file} exists although the case skips ${version}: ${skip}`).toBe(false);
      else expect(existsSync(file), `missing ${file}: record it with node src/cli.ts record ${name} --gateway openclaw@${version}`).toBe(true);
    },
  );
});
