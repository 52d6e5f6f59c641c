import { formatConfigValue, getConfigPath, loadConfig, redact } from '../config/index.ts';
import { PROFILES, type ProfileName } from '../gateway/profiles/index.ts';
import { configFile } from './bundled-files.ts';

/**
 * `quotastorm config get <path>`: what `openclaw config get <path>` prints.
 * A missing path is OpenClaw's exit 1 with `Config path not found: <path>`.
 */
export async function runConfigGet(path: string, file: string): Promise<number> {
  const loaded = await loadConfig(configFile(file));
  printWarnings(loaded.warnings);
  const result = getConfigPath(redact(loaded.config), path);
  if (!result.found) {
    process.stderr.write(`${result.message}\n`);
    return 1;
  }
  process.stdout.write(`${formatConfigValue(result.value)}\n`);
  return 0;
}

/**
 * `quotastorm config validate`: `Config valid: <file>`, warnings on stderr; a config the version
 * refuses to start with (keys of an older layout, keys or values its schema does not accept) is
 * bad input, as for a run.
 */
export async function runConfigValidate(file: string, name: ProfileName, doctorFix = false): Promise<number> {
  const loaded = await loadConfig(configFile(file), { openclaw: PROFILES[name], doctorFix });
  printWarnings(loaded.warnings);
  printNotes(loaded.notes);
  process.stdout.write(`Config valid: ${file}\n`);
  return 0;
}

/** `quotastorm config report`: the root-cause settings of each config, printed as Markdown. */
export async function runConfigReport(files: string[], name: ProfileName, doctorFix = false): Promise<number> {
  const { renderConfigReport, loadConfigReports } = await import('../report/config-report.ts');
  const profile = PROFILES[name];
  const reports = await loadConfigReports(files.map(configFile), profile, { doctorFix });
  for (const report of reports) printWarnings(report.warnings);
  process.stdout.write(renderConfigReport(reports, profile));
  return 0;
}

function printWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
}

function printNotes(notes: readonly string[]): void {
  for (const note of notes) process.stderr.write(`note: ${note}\n`);
}
