// Debug: node test/conformance/print-results.ts [case] — runs every golden trace against the embedded gateway and prints the differences.
import { readdirSync, readFileSync } from 'node:fs';
import { checkConformance } from '../../src/sut/conformance/golden-run.ts';
import { formatDifferences } from '../../src/sut/compare.ts';
import { GoldenTraceSchema } from '../../src/sut/trace.ts';
import { loadTraceCase } from '../../src/sut/trace-case.ts';

const only = process.argv[2];
for (const dir of readdirSync('test/golden').filter((name) => name.startsWith('openclaw-')).sort()) {
  for (const file of readdirSync(`test/golden/${dir}`).sort()) {
    const name = file.replace(/\.json$/, '');
    if (only && name !== only) continue;
    const golden = GoldenTraceSchema.parse(JSON.parse(readFileSync(`test/golden/${dir}/${file}`, 'utf8')));
    const started = performance.now();
    const { run, comparison } = await checkConformance(golden, await loadTraceCase(name));
    console.log(`== ${dir}/${name}: ${comparison.ok ? 'MATCH' : 'DIFF'} (${Math.round(performance.now() - started)} ms)`);
    if (!comparison.ok) console.log(formatDifferences(comparison));
    if (process.env['VERBOSE']) {
      for (const turn of run.trace.turns) {
        console.log(turn.requests.map((r) => `${r.offsetMs} ${r.provider}/${r.model} ${r.status} ${r.outcome} ${r.clientRetryCount}`).join('\n'));
        console.log(JSON.stringify(turn.userTexts), turn.firstReplyOffsetMs, turn.settled);
        for (const line of turn.logLines) console.log('   ', line.offsetMs, line.level, line.line.slice(0, 300));
      }
      console.log('menu', run.trace.startup.commandMenu?.count, 'golden', golden.startup.commandMenu?.count, 'sessions', run.trace.sessions.before.length, run.trace.sessions.after.length, 'golden', golden.sessions.before.length, golden.sessions.after.length);
    }
  }
}
