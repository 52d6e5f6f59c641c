/**
 * Where OpenClaw looks for its config when no `--config` is given, as
 * openclaw@2026.2.26 resolves it (dist/paths-*.js `resolveCanonicalConfigPath`
 * and `resolveStateDir`): `$OPENCLAW_CONFIG_PATH`, else
 * `$OPENCLAW_STATE_DIR/openclaw.json`, else `~/.openclaw/openclaw.json`; a
 * leading `~` is the home folder. The legacy `CLAWDBOT_*` names and legacy
 * state folders OpenClaw also tries are not followed.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** `$OPENCLAW_CONFIG_PATH` when set and not blank: the config the user pointed OpenClaw at. */
export function configPathFromEnv(env: Env = process.env): string | undefined {
  const override = env['OPENCLAW_CONFIG_PATH']?.trim();
  return override ? userPath(override) : undefined;
}

/** The config OpenClaw would read: `$OPENCLAW_CONFIG_PATH`, else the state folder's openclaw.json. */
export function openclawConfigPath(env: Env = process.env): string {
  const stateDir = env['OPENCLAW_STATE_DIR']?.trim();
  return configPathFromEnv(env) ?? join(stateDir ? userPath(stateDir) : join(homedir(), '.openclaw'), 'openclaw.json');
}

function userPath(path: string): string {
  return path.startsWith('~') ? join(homedir(), path.slice(1)) : resolve(path);
}
