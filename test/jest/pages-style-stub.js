// CSS imports resolve to nothing in page tests.
module.exports = {}
