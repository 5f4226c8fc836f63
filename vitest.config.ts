import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// wxt 0.21 + vitest 4 leave import.meta.env.BROWSER & co. undefined in tests: declare them here.
// They are strings: compare `import.meta.env.BROWSER === 'firefox'`.
const env = {
  'import.meta.env.BROWSER': JSON.stringify('chrome'),
  'import.meta.env.MANIFEST_VERSION': JSON.stringify(3),
  'import.meta.env.CHROME': JSON.stringify(true),
  'import.meta.env.FIREFOX': JSON.stringify(false),
};

export default defineConfig({
  test: {
    reporters: ['default', './tests/reporters/summary-line.ts'],
    projects: [
      {
        plugins: [WxtVitest()],
        define: env,
        test: {
          name: 'unit',
          include: ['{utils,components,entrypoints,scripts}/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          testTimeout: 30_000,
          // The components import their stylesheets as strings (`?inline`): keep them in tests.
          css: { include: [/\.css(\?|$)/] },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
