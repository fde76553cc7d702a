/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(ts|js|mjs)$": "<rootDir>/scripts/jest-transform.cjs" },
  transformIgnorePatterns: ["/node_modules/(?!(date-fns|@date-fns)/)"],
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
};
