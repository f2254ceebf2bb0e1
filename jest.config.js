// Unit tests (test/unit, pure), e2e tests (test/e2e, real app on a fresh database), the crash
// test (test/chaos) and PostgreSQL-only tests (test/pg, run by `npm run test:pg`).
const postgres = process.env.SANDIAO_TEST_DB === 'postgres';

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj|cj)s$': '<rootDir>/test/support/jest-transform.js' },
  transformIgnorePatterns: [],
  testRegex: '(test|workflows|src|templates)/.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', ...(postgres ? [] : ['/test/pg/'])],
  testTimeout: 60_000,
};
