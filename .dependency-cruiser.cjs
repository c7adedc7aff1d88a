// The layers of src/ and the one rule between them: a file imports its own part or parts BELOW it,
// never above, and nothing imports in a circle (type-only imports count). docs/architecture.md
// explains each layer; `npm run lint:deps` checks this file (and `npm test` runs it first).
//
//   entry     cli/, main.ts
//   edges     http/, channels/            (peers: they do not import each other)
//   chat      commands/
//   features  alerts/, digest/, ingest/, demo/   (peers: they do not import each other)
//   delivery  outbox/
//   contracts core/
//   domain    org/, dossiers/, rates/
//   config    config.ts
//   calendar  calendar/
//   base      db/, log.ts, i18n/, util/, types/

/** Each layer as a path pattern, bottom first. */
const LAYERS = [
  ['base', '^src/(db|i18n|util|types)/|^src/log\\.ts$'],
  ['calendar', '^src/calendar/'],
  ['config', '^src/config\\.ts$'],
  ['domain', '^src/(org|dossiers|rates)/'],
  ['contracts', '^src/core/'],
  ['delivery', '^src/outbox/'],
  ['features', '^src/(alerts|digest|ingest|demo)/'],
  ['chat', '^src/commands/'],
  ['edges', '^src/(http|channels)/'],
  ['entry', '^src/cli/|^src/main\\.ts$'],
];

/** Everything above layer i, as one pattern. */
const above = (i) => LAYERS.slice(i + 1).map(([, path]) => `(${path})`).join('|');

/** One rule per layer boundary: "<layer>-must-not-import-upward". */
const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-must-not-import-upward`,
  comment: `${name} (${path}) may import only itself and the layers below it (docs/architecture.md).`,
  severity: 'error',
  from: { path },
  to: { path: above(i) },
}));

/** Parts of one layer that must stay independent of each other ($1: the importing part). */
const peers = (layer, parts) => ({
  name: `${layer}-are-peers`,
  comment: `${parts.join(', ')} do not import each other: what they share lives in a lower layer.`,
  severity: 'error',
  from: { path: `^src/(${parts.join('|')})/` },
  to: { path: `^src/(${parts.join('|')})/`, pathNot: '^src/$1/' },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    peers('features', ['alerts', 'digest', 'ingest', 'demo']),
    peers('edges', ['http', 'channels']),
    {
      name: 'main-must-not-import-cli',
      comment: 'main.ts assembles the service; the CLI starts it (cli/commands/serve.ts), not the other way round.',
      severity: 'error',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'generated-client-only-in-db',
      comment: 'The generated Prisma clients are used through src/db/client.ts (Db, Tx, Prisma) only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: '^src/db/generated/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports are dependencies too (a cycle through types is still a cycle).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: ['node_modules', '^src/db/generated/'] },
    exclude: { path: '\\.d\\.ts$' },
    // Packages' "exports" maps (grammy/types, csv-parse/sync) resolve as Node resolves them.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
