import { defineConfig } from 'vitest/config';

export default defineConfig({
  worker: { format: 'es' },
  // Pre-bundled when the dev server starts, not when the page first asks for them: a dependency found
  // late makes Vite reload the page, which would restart a run (and upset the end-to-end tests).
  optimizeDeps: {
    include: ['@noble/hashes/sha256', '@noble/hashes/utils', '@sinclair/typebox', 'ajv', 'canonicalize', 'comlink', 'd3', 'd3-sankey', 'mathjs', 'rfc6902', 'topojson-client', '@stdlib/stats-base-dists-beta-quantile', '@stdlib/math-base-special-exp', '@stdlib/math-base-special-ln', '@stdlib/math-base-special-pow'],
  },
  build: {
    // The validator (Ajv, mathjs) and the engine make one large chunk; that is expected, not a warning.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/expression-parser.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
