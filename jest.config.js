// Unit tests (test/unit, pure) and e2e tests (test/e2e, real app on a fresh database).
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj|cj)s$': '<rootDir>/test/support/jest-transform.js' },
  transformIgnorePatterns: [],
  testRegex: '(test|workflows|src|templates)/.*\\.(spec|e2e-spec)\\.ts$',
  testTimeout: 60_000,
};
