// npm test runs layers 1-3 (DESIGN.md §5); the browser layer has its own runner (npm run test:e2e).
module.exports = {
  projects: ['<rootDir>/test/jest/cloud.config.js', '<rootDir>/test/jest/pages.config.js', '<rootDir>/test/jest/weapp.config.js'],
}
