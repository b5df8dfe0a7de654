import { defineConfig } from 'vitest/config';

// Unit tests (pure functions, no database) and integration tests (`*.int.test.ts`, against a
// real Neo4j started once by the global setup). `npm test` runs both, after type-checking.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print the plain "N passed, N failed" line CI reads.
    // The retry reporter names every test that passed only on its retry (tests/support/retry-reporter.ts).
    reporters: ['default', 'json', './tests/support/retry-reporter.ts'],
    outputFile: { json: '.data/test-results.json' },
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            'graph/src/**/*.test.ts',
            'neo4j-embedded/src/**/*.test.ts',
            'api/src/**/*.test.ts',
            'web/src/**/*.test.ts',
            'tests/unit/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/**/*.int.test.ts', 'graph/src/**/*.int.test.ts', 'neo4j-embedded/src/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // Two cores: the Neo4j JVM needs one of them.
          maxWorkers: 2,
          // One retry: on a shared two-core machine a browser test can lose to a renderer crash or
          // a stalled connection. Every test that needed it is named at the end of the run.
          retry: 1,
        },
      },
    ],
  },
});
