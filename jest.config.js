/** Jest runs TypeScript through SWC; `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  // temporal-polyfill and jose ship ESM only; Node 20.19+ can require() it, jest's module system cannot.
  transformIgnorePatterns: ['/node_modules/(?!(temporal-polyfill|temporal-utils|temporal-spec|jose)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  testTimeout: 20000,
};
