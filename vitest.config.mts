import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Bundles the worker thread entries, so that tests can run jobs on real threads.
    globalSetup: ['tests/support/buildWorkers.ts'],
    environment: 'node',
    testTimeout: 30000,
    pool: 'forks'
  }
})
