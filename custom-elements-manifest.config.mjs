// `npm run analyze` → custom-elements.json at the repo root, from the JSDoc of the element classes.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
