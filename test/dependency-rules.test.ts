import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

// The rules `npm run deps` checks in CI (.dependency-cruiser.cjs), applied to small trees written
// here: each forbidden import must be reported under its rule's name, and a tree that keeps the
// layering must pass, so a rule that matched nothing, or everything, would show.

/** A few files laid out like the project: path → source. */
type Tree = Readonly<Record<string, string>>;

const LAYERED: Tree = {
  'src/clock/clock.ts': 'export type Clock = { now(): number };\n',
  'src/config/schema.ts': "import type { Clock } from '../clock/clock.ts';\nexport type Config = { clock?: Clock };\n",
  'src/io/write-file-atomic.ts': 'export async function writeFileAtomic(): Promise<void> {}\n',
  'src/gateway/gateway.ts': "import type { Config } from '../config/schema.ts';\nimport { writeFileAtomic } from '../io/write-file-atomic.ts';\nexport const gateway = (config: Config) => [config, writeFileAtomic];\n",
  'mocks/world.ts': "import type { Clock } from '../src/clock/clock.ts';\nexport const world = (clock: Clock) => clock;\n",
  'src/scenario/runner.ts': "import { gateway } from '../gateway/gateway.ts';\nimport { world } from '../../mocks/world.ts';\nexport const run = () => [gateway, world];\n",
  'src/report/markdown.ts': "import type { run } from '../scenario/runner.ts';\nexport type Report = typeof run;\n",
  'src/commands/run.ts': "import { run } from '../scenario/runner.ts';\nimport type { Report } from '../report/markdown.ts';\nexport const command = (report?: Report) => [run, report];\n",
  'src/cli.ts': "import { command } from './commands/run.ts';\ncommand();\n",
};

async function violations(tree: Tree): Promise<string[]> {
  const root = await mkdtemp(join(tmpdir(), 'quotastorm-deps-'));
  for (const [path, source] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), source);
  }
  try {
    const options = await extractDepcruiseOptions(resolve('.dependency-cruiser.cjs'));
    const result = await cruise(['src', 'mocks'], { ...options, baseDir: root, validate: true });
    if (typeof result.output === 'string') throw new Error('expected a cruise result, got formatted text');
    return result.output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('pass a tree that keeps the layering', async () => {
    expect(await violations(LAYERED)).toEqual([]);
  });

  it('fail the gateway importing the mocks', async () => {
    const tree = { ...LAYERED, 'src/gateway/router.ts': "import { world } from '../../mocks/world.ts';\nexport const router = world;\n" };
    expect(await violations(tree)).toEqual(
      expect.arrayContaining(['gateway-not-to-mocks: src/gateway/router.ts → mocks/world.ts', 'gateway-only-leaves: src/gateway/router.ts → mocks/world.ts']),
    );
  });

  it('fail the gateway importing only a type from the mocks', async () => {
    const tree = { ...LAYERED, 'src/gateway/router.ts': "import type { world } from '../../mocks/world.ts';\nexport type Router = typeof world;\n" };
    expect(await violations(tree)).toContain('gateway-not-to-mocks: src/gateway/router.ts → mocks/world.ts');
  });

  it('fail the mocks importing the gateway', async () => {
    const tree = { ...LAYERED, 'mocks/routes.ts': "import { gateway } from '../src/gateway/gateway.ts';\nexport const routes = gateway;\n" };
    expect(await violations(tree)).toContain('mocks-not-to-gateway: mocks/routes.ts → src/gateway/gateway.ts');
  });

  it('fail the gateway importing the report stage', async () => {
    const tree = { ...LAYERED, 'src/gateway/log.ts': "import type { Report } from '../report/markdown.ts';\nexport type Log = Report;\n" };
    expect(await violations(tree)).toEqual(
      expect.arrayContaining(['gateway-only-leaves: src/gateway/log.ts → src/report/markdown.ts', 'not-to-report: src/gateway/log.ts → src/report/markdown.ts']),
    );
  });

  it('fail the scenario runner importing the report stage', async () => {
    const tree = { ...LAYERED, 'src/scenario/run-dir.ts': "import type { Report } from '../report/markdown.ts';\nexport type RunDir = Report;\n" };
    expect(await violations(tree)).toEqual(['not-to-report: src/scenario/run-dir.ts → src/report/markdown.ts']);
  });

  it('fail a leaf importing a layer', async () => {
    const tree = { ...LAYERED, 'src/io/run-folder.ts': "import { gateway } from '../gateway/gateway.ts';\nexport const folder = gateway;\n" };
    expect(await violations(tree)).toEqual(['leaves-only-leaves: src/io/run-folder.ts → src/gateway/gateway.ts']);
  });

  it('fail a cycle made of a type-only import', async () => {
    const tree = {
      ...LAYERED,
      'src/gateway/lanes.ts': "import { queue } from './queue.ts';\nexport const lanes = queue;\n",
      'src/gateway/queue.ts': "import type { lanes } from './lanes.ts';\nexport const queue: typeof lanes | undefined = undefined;\n",
    };
    // Reported once, from whichever file the cruise reached first.
    expect(await violations(tree)).toEqual([expect.stringMatching(/^no-circular: src\/gateway\/(lanes|queue)\.ts → src\/gateway\/(queue|lanes)\.ts$/)]);
  });
});
