// The arrows of docs/ARCHITECTURE.md, checked by dependency-cruiser (npm run arrows, a step of test:all).
// It sees imports, not calls: "only src/services talks to the backend" is also an ESLint rule
// (no-restricted-properties / no-restricted-globals in eslint.config.mjs).
// test/tooling/arrows.test.ts proves that a deliberate break of each rule fails.

/** Path prefixes that are ours (everything else is a package or node itself). */
const OURS = '^(src|cloud|test|scripts|config|types)/'
/** Page files: tab pages and every subpackage's pages, with their page-local components. */
const PAGES = '^src/(pages|packages/[^/]+/pages)/'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contracts-import-nothing-ours',
      comment: 'src/contracts is shared with cloud/: it may import packages (zod) and itself, nothing else of ours.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: OURS, pathNot: '^src/contracts/' },
    },
    {
      name: 'src-never-imports-cloud',
      comment: 'The mini-program talks to the cloud only through src/services and the contract, never by importing cloud/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^cloud/' },
    },
    {
      name: 'cloud-reaches-src-only-at-contracts',
      comment: 'cloud/ may import src/contracts (the shared API contract) and nothing else under src/.',
      severity: 'error',
      from: { path: '^cloud/' },
      to: { path: '^src/', pathNot: '^src/contracts/' },
    },
    {
      name: 'deployed-code-never-imports-emulator',
      comment: 'cloud/functions, cloud/domain and cloud/lib are deployed to CloudBase; the emulator is local only.',
      severity: 'error',
      from: { path: '^cloud/(functions|domain|lib)/' },
      to: { path: '^cloud/emulator/' },
    },
    {
      name: 'cloud-arrows-run-one-way',
      comment: 'cloud/functions -> cloud/domain -> cloud/lib: lib never imports domain or functions, domain never imports functions.',
      severity: 'error',
      from: { path: '^cloud/(lib|domain)/' },
      to: { path: '^cloud/functions/' },
    },
    {
      name: 'cloud-lib-never-imports-domain',
      comment: 'cloud/lib is shared by every domain, so it knows none of them.',
      severity: 'error',
      from: { path: '^cloud/lib/' },
      to: { path: '^cloud/domain/' },
    },
    {
      name: 'pages-do-not-import-services',
      comment: 'pages -> hooks/stores -> services: a page (or a page section) gets its data from a hook, never from a service.',
      severity: 'error',
      from: { path: PAGES },
      to: { path: '^src/services/' },
    },
    {
      name: 'services-import-only-contracts',
      comment: 'services are the transport: they import the contract and each other, never UI (pages, components, hooks, stores, ui, forms, format).',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/', pathNot: '^src/(services|contracts)/' },
    },
    {
      name: 'shared-code-never-imports-pages',
      comment: 'Pages are leaves: nothing outside a page folder imports a page (app.config lists page paths as strings).',
      severity: 'error',
      from: { path: '^src/', pathNot: PAGES },
      to: { path: PAGES },
    },
    {
      name: 'domains-stay-apart',
      comment:
        'A subpackage never imports another subpackage (WeChat cannot load code across subpackages, and each domain stays replaceable): move what two domains share to src/components, src/hooks, src/ui or src/format.',
      severity: 'error',
      from: { path: '^src/packages/([^/]+)/' },
      to: { path: '^src/packages/', pathNot: '^src/packages/$1/' },
    },
    {
      name: 'shared-code-never-imports-a-domain',
      comment: 'Code outside src/packages (shared UI, hooks, stores, the tab pages) never imports a domain subpackage.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/packages/' },
      to: { path: '^src/packages/' },
    },
    {
      name: 'product-never-imports-tests',
      comment: 'src/, cloud/ and scripts/ never import test code (move what both need into a non-test module).',
      severity: 'error',
      from: { path: '^(src|cloud|scripts|config)/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a typo in a path alias would otherwise hide a broken arrow).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.data|node_modules|coverage|test-results)/' },
    // Type-only imports are arrows too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
}
