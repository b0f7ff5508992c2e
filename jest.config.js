// Projects: fast unit tests (logic in node, components in jsdom), end-to-end tests in real Chromium, and the benchmark.
const transform = {
  '^.+\\.m?[jt]sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic', importSource: 'preact' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
// oauth4webapi and preact's testing helpers ship ES modules only; let swc turn them into CommonJS.
const transformIgnorePatterns = ['/node_modules/(?!(oauth4webapi|preact|@testing-library/preact)/)'];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'],
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/retry-once.ts'],
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      slowTestThreshold: 60,
    },
    {
      // `npm run bench` only: `npm test` selects the unit and e2e projects by name.
      displayName: 'bench',
      testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
    },
  ],
};
