import { loadConfig } from '../config/load.ts';
import { PROFILES, type ProfileName } from '../gateway/profiles/index.ts';
import { LAYER_MEANING, LAYERS } from '../scenario/layers.ts';
import { lintConfig, lintNotes } from '../scenario/lint.ts';
import { configFile } from './bundled-files.ts';

/** `quotastorm lint --config f` (a path, or a bundled config's name): one finding a paragraph, path and fix; exit 1 when there is any. */
export async function runLint(file: string, profile: ProfileName, doctorFix = false): Promise<number> {
  // A config the version refuses to start with has no run to lint: bad input, as for run and suite.
  const loaded = await loadConfig(configFile(file), { openclaw: PROFILES[profile], doctorFix });
  for (const note of loaded.notes) process.stderr.write(`note: ${note}\n`);
  const findings = lintConfig(loaded, PROFILES[profile]);
  for (const note of lintNotes(loaded, PROFILES[profile])) process.stderr.write(`note: ${note}\n`);
  for (const finding of findings) {
    process.stdout.write(`${file}: ${finding.path} [${finding.rule}] (${finding.layer})\n  ${finding.message}\n  fix: ${finding.fix}\n`);
  }
  // Where each finding would show: what users saw, what the gateway absorbed, what the providers saw.
  for (const layer of LAYERS.filter((name) => findings.some((finding) => finding.layer === name))) process.stdout.write(`(${layer}) ${LAYER_MEANING[layer]}\n`);
  process.stdout.write(findings.length === 0 ? `${file}: no findings (profile ${profile})\n` : `${findings.length} finding(s) (profile ${profile})\n`);
  return findings.length === 0 ? 0 : 1;
}
