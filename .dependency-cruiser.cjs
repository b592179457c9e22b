/**
 * The layers of ARCHITECTURE.md, enforced: renderer → (types only) → db/contract ← electron → db.
 * A wrong import fails `npm test`.
 */
module.exports = {
  forbidden: [
    {
      name: 'db-is-runtime-neutral',
      comment: 'db/ runs under plain Node and in tests: it never imports Electron, React or the other layers.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: ['^electron/', '^renderer/', 'node_modules/(electron|react|react-dom)/'] },
    },
    {
      name: 'renderer-uses-db-types-only',
      comment: 'The renderer may import only types from db/contract and db/errors, never db runtime code.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { path: '^db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-types-from-contract-only',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { path: '^db/', pathNot: '^db/((contract|errors)\\.ts|channels/)' },
    },
    {
      name: 'renderer-no-node-or-electron',
      comment: 'The renderer is sandboxed web content.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { path: ['^electron/', 'node_modules/electron/'] },
    },
    {
      name: 'electron-not-into-renderer',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|release|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
