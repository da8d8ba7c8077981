/** Jest runs TypeScript through SWC; `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  // temporal-polyfill, jose and strip-bom (nested under @microsoft/app-manifest) ship ESM only;
  // Node 20.19+ can require() them, jest's module system cannot, so SWC compiles them.
  transformIgnorePatterns: ['/node_modules/(?!(?:.*/node_modules/)?(?:temporal-polyfill|temporal-utils|temporal-spec|jose|strip-bom)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  testTimeout: 20000,
};
