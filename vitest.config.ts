import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources: each package's exports map has a
// "lockstep-source" condition pointing at src/index.ts, so no build is needed first.
export default defineConfig({
  resolve: { conditions: ['lockstep-source'] },
  ssr: { resolve: { conditions: ['lockstep-source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'conformance/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'bench/src/**/*.test.ts'],
    testTimeout: 60_000,
    // Test files share one module graph per worker: importing mathjs once instead of once per
    // file saves about a minute. No test relies on fresh module state.
    isolate: false,
  },
});
