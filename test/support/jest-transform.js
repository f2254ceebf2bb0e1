// Nest 12 and some of its dependencies ship ES modules only, which Jest on Node 20 cannot
// require. Our TypeScript and any ESM file under node_modules go through SWC (→ CommonJS);
// plain CommonJS packages are passed through untouched, as Node would load them.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({ swcrc: true });
const looksLikeEsm = (src) => /^\s*(import\s*[\w{*'"]|export\s)/m.test(src);

module.exports = {
  ...swc,
  process(src, filename, options) {
    if (filename.includes('/node_modules/') && !looksLikeEsm(src)) return { code: src };
    return swc.process(src, filename, options);
  },
  getCacheKey(src, filename, options) {
    return `${swc.getCacheKey(src, filename, options)}:esm-v1`;
  },
};
