/**
 * Config verification, the stress suite's first check: every setting behind
 * the incident's causes is in its fixed state (src/config/root-causes.ts),
 * read statically from the config as the profile would run it (the run
 * record keeps the findings).
 *
 * Precondition: the audit found at least one root-cause setting to judge;
 * "0/0 fixed" would be a pass about nothing, so it is an error.
 */
import { z } from 'zod';
import type { Check } from './context.ts';
import { nothingTested } from './context.ts';

const ParamsSchema = z.strictObject({}).describe('every setting behind the incident\'s root causes is in its fixed state, read from the config (no parameters)');

export const configVerification: Check<Record<string, never>> = {
  layer: 'gateway',
  title: () => 'Config verification: every root-cause setting fixed',
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context) {
    const findings = context.record.rootCauses.filter((finding) => finding.status !== 'note');
    if (findings.length === 0) return nothingTested('the audit found no root-cause setting to judge in this config');
    const risks = findings.filter((finding) => finding.status === 'risk');
    return {
      status: risks.length === 0 ? 'pass' : 'fail',
      summary: `${findings.length - risks.length}/${findings.length} root-cause settings fixed${risks.length ? `; still present: ${risks.map((r) => r.id).join(', ')}` : ''}`,
      evidence: findings.map((finding) => `${finding.status === 'ok' ? 'ok' : 'RISK'} ${finding.setting} = ${finding.value}${finding.source === 'default' ? ' (default)' : ''}: ${finding.why}`),
      figures: { fixed: findings.length - risks.length, risks: risks.length },
    };
  },
};
