import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The bench's Eleventy baseline has its own node_modules and nothing to test.
    exclude: ['**/node_modules/**', 'scripts/bench/eleventy/**'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Builds are CPU-bound and the CI machine has two cores.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
