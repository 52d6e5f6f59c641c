import { createRealClock } from '../clock/real-clock.ts';
import { installGateway } from '../sut/install.ts';
import { parseGatewaySpec } from '../sut/versions.ts';

export type GatewayInstallOptions = { force?: boolean; cacheDir?: string };

/**
 * `quotastorm gateway install openclaw@<version>`: the pinned install into the
 * git-ignored cache (src/sut/install.ts). Unknown versions list the supported ones.
 */
export async function runGatewayInstall(spec: string, options: GatewayInstallOptions): Promise<number> {
  const version = parseGatewaySpec(spec);
  const clock = createRealClock();
  const started = clock.now();
  const { installed, reused } = await installGateway(version, {
    clock,
    force: options.force ?? false,
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  const seconds = ((clock.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    reused
      ? `openclaw@${version.version} already installed in ${installed.dir} (${installed.reportedVersion}); --force reinstalls\n`
      : `installed openclaw@${version.version} in ${installed.dir} (${installed.reportedVersion}) in ${seconds} s\n`,
  );
  return 0;
}
