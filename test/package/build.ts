/**
 * `npm run build`: the installable package, staged in build/package/ with the
 * repository's own layout — src/**\/*.js and mocks/**\/*.js emitted by tsc
 * (tsconfig.build.json), every other file of src/ and mocks/ (the provider
 * catalogs, the pinned OpenClaw manifests and lockfiles, stubs), scenarios/,
 * README.md, the scenario guide it links (docs/scenarios.md, which the schema's
 * descriptions cite too) and a generated package.json — so every path a module computes
 * from import.meta.url (../package.json, ../../scenarios, pins/, preload/)
 * points at the same file as in a clone. `npm run pack` packs that folder.
 *
 * Node refuses to strip types under node_modules, so the package carries
 * JavaScript only; test/ is not shipped.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE_DIR = join(ROOT, 'build', 'package');
/** Folders whose non-TypeScript files ship as they are, beside the emitted JavaScript. */
const CODE_DIRS = ['src', 'mocks'];
const COPIED = ['scenarios', 'README.md', 'docs/scenarios.md'];
/** The package's command: cli.ts keeps its `#!/usr/bin/env node` line through tsc. */
const BIN = 'src/cli.js';

type RootManifest = {
  name: string;
  version: string;
  description?: string;
  private?: boolean;
  license?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
};

/**
 * Stages the package in `dir` (emptied first). Keep it inside the repository:
 * the emitted code then resolves its dependencies from the repository's
 * node_modules, so it runs in place without an install.
 */
export function buildPackage(dir = PACKAGE_DIR): { dir: string; dependencies: string[] } {
  rmSync(dir, { recursive: true, force: true });
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dir], { stdio: 'inherit' });
  // Read before the data files are copied in: the stubs' JavaScript belongs to the pinned OpenClaw installs.
  const imported = importedPackages(dir);
  for (const code of CODE_DIRS) copyDataFiles(join(ROOT, code), join(dir, code));
  for (const path of COPIED) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  const manifest = packageManifest(readJson(join(ROOT, 'package.json')) as RootManifest, imported);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  chmodSync(join(dir, BIN), 0o755);
  return { dir, dependencies: Object.keys(manifest.dependencies) };
}

/**
 * The shipped manifest: the command, ESM, Node ≥ 24 and only the dependencies
 * the shipped code imports (the root's `dependencies` also serve the tests:
 * nock, autocannon). A package imported but not declared fails the build.
 */
function packageManifest(root: RootManifest, imported: ReadonlySet<string>) {
  const declared = root.dependencies ?? {};
  const undeclared = [...imported].filter((name) => declared[name] === undefined);
  if (undeclared.length > 0) throw new Error(`shipped code imports ${undeclared.join(', ')}, missing from package.json "dependencies"`);
  return {
    name: root.name,
    version: root.version,
    ...(root.description === undefined ? {} : { description: root.description }),
    ...(root.private === undefined ? {} : { private: root.private }),
    ...(root.license === undefined ? {} : { license: root.license }),
    type: 'module',
    bin: { [root.name]: BIN },
    engines: root.engines ?? { node: '>=24' },
    dependencies: Object.fromEntries(Object.entries(declared).filter(([name]) => imported.has(name))),
  };
}

/**
 * Package names the emitted JavaScript imports: `import … from '…'`, `export … from '…'`, `import '…'`
 * at the start of a line, and `import('…')` anywhere.
 */
const IMPORT_SPECIFIERS = [/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];

function importedPackages(dir: string): Set<string> {
  const builtins = new Set(builtinModules);
  const names = new Set<string>();
  for (const file of filesUnder(dir).filter((file) => file.endsWith('.js'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of IMPORT_SPECIFIERS.flatMap((pattern) => [...text.matchAll(pattern)])) {
      if (specifier === undefined || specifier.startsWith('.') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return names;
}

function copyDataFiles(from: string, to: string): void {
  for (const file of filesUnder(from)) {
    if (extname(file) === '.ts') continue;
    cpSync(file, join(to, relative(from, file)));
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

if (import.meta.main) {
  const { dir, dependencies } = buildPackage();
  process.stdout.write(`built ${relative(process.cwd(), dir) || dir} (dependencies: ${dependencies.join(', ')})\n`);
}
