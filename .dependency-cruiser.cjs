// Import rules for src/ and mocks/ (`npm run deps`, run by .ci/run after the typecheck).
//
// Layers, highest first; a module may import its own layer's modules and any below, never above
// (a few rules below narrow this further):
//   cli.ts → commands/ → report/ → scenario/ → sut/, load/, openclaw-store/ → gateway/, mocks/
//   → leaves: config/, clock/, io/, errors.ts, version.ts
// report/ sits above scenario/ because it renders the run record scenario/ produces.
// The gateway and the mocks are the two sides of every exchange: neither may know the other,
// so a model of OpenClaw cannot lean on how the mocks answer, nor the mocks on the model.

/** A leaf: any layer may import it, and it imports only other leaves. */
const LEAF = '^src/(config|clock|io)/|^src/(errors|version)[.]ts$';
/** What a module of src/ or mocks/ resolves to: everything else is a package or a Node builtin. */
const OURS = '^(src|mocks)/';

module.exports = {
  forbidden: [
    {
      name: 'gateway-not-to-mocks',
      comment: 'The embedded gateway reaches the mocks only through the fetch it is given; importing them would let it see their state.',
      severity: 'error',
      from: { path: '^src/gateway/' },
      to: { path: '^mocks/' },
    },
    {
      name: 'mocks-not-to-gateway',
      comment: "The mocks answer as the real providers and Telegram do, whatever gateway calls them; they may not use the gateway's model.",
      severity: 'error',
      from: { path: '^mocks/' },
      to: { path: '^src/gateway/' },
    },
    {
      name: 'gateway-only-leaves',
      comment: 'The gateway imports only itself and the leaves (config, clock, io, errors), so it can be read, tested and versioned on its own.',
      severity: 'error',
      from: { path: '^src/gateway/' },
      to: { path: OURS, pathNot: ['^src/gateway/', LEAF] },
    },
    {
      name: 'mocks-only-leaves',
      comment: 'The mocks import only themselves and the leaves: they are served to other processes (mocks/server.ts) and must not drag the harness along.',
      severity: 'error',
      from: { path: '^mocks/' },
      to: { path: OURS, pathNot: ['^mocks/', LEAF] },
    },
    {
      name: 'leaves-only-leaves',
      comment: 'A leaf that imported a layer would make every layer depend on that layer.',
      severity: 'error',
      from: { path: LEAF },
      to: { path: OURS, pathNot: LEAF },
    },
    {
      name: 'not-to-cli',
      comment: 'cli.ts is the entry point: nothing imports it.',
      severity: 'error',
      from: {},
      to: { path: '^src/cli[.]ts$' },
    },
    {
      name: 'not-to-commands',
      comment: 'A command wires modules for one CLI command; only cli.ts and other commands may call one.',
      severity: 'error',
      from: { pathNot: ['^src/cli[.]ts$', '^src/commands/', '^test/'] },
      to: { path: '^src/commands/' },
    },
    {
      name: 'not-to-report',
      comment: 'Data flows one way, run → result → report: nothing that produces the run record may depend on how it is rendered.',
      severity: 'error',
      from: { pathNot: ['^src/cli[.]ts$', '^src/commands/', '^src/report/', '^test/'] },
      to: { path: '^src/report/' },
    },
    {
      name: 'not-to-scenario',
      comment: 'The scenario runner drives the gateway and the mocks; nothing below it may reach back up into it.',
      severity: 'error',
      from: { pathNot: ['^src/cli[.]ts$', '^src/commands/', '^src/report/', '^src/scenario/', '^test/'] },
      to: { path: '^src/scenario/' },
    },
    {
      name: 'middle-layer-not-from-below',
      comment: 'sut/, load/ and openclaw-store/ wire or read the lower layers; the gateway, the mocks and the leaves never import them.',
      severity: 'error',
      from: { path: ['^src/gateway/', '^mocks/', LEAF] },
      to: { path: '^src/(sut|load|openclaw-store)/' },
    },
    {
      name: 'openclaw-store-only-for-commands',
      comment: '`quotastorm sessions` is its only user; the run itself writes stores through the gateway, never through these views.',
      severity: 'error',
      from: { pathNot: ['^src/openclaw-store/', '^src/commands/', '^test/'] },
      to: { path: '^src/openclaw-store/' },
    },
    {
      name: 'openclaw-store-gateway-sessions-only',
      comment: "The views share the gateway's session entry, keys and maintenance planner (src/openclaw-store/README.md), and nothing else of it.",
      severity: 'error',
      from: { path: '^src/openclaw-store/' },
      to: { path: '^src/gateway/', pathNot: '^src/gateway/sessions/' },
    },
    {
      name: 'not-to-test',
      comment: 'Shipped code never imports test code.',
      severity: 'error',
      from: { path: OURS },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'No cycles between files, type-only imports included: a cycle means two files are one concept, or a type lives in the wrong one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // swc parses the .ts sources as written, so `import type` and `export type … from` count as
    // the dependencies they are (marked "type-only"). The tsc parser (and tsPreCompilationDeps,
    // which asks for it) needs the compiler API, which typescript 7.0 does not ship.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^test/golden/' },
    // As Node resolves packages' `exports` (msw/node), plus `types` for type-only entry points (grammy/types).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
