import { defineConfig } from 'vite';

/**
 * Browser builds (Vite 8, Oxc reads the legacy decorators of tsconfig.json):
 * - default mode: the npm ES modules, one file per source module, Lit external:
 *   dist/index.js, dist/cert-status.js, dist/certexpress-link.js, dist/client/index.js, dist/elements/…
 * - `--mode bundle`: dist/cert-elements.min.js, one minified ES module with Lit inside, for a CDN
 *   `<script type="module">`.
 */
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  return {
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: !bundle,
      minify: bundle,
      copyPublicDir: false,
      lib: bundle
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'cert-elements.min.js' }
        : {
            entry: {
              index: 'src/index.ts',
              'cert-status': 'src/elements/define-cert-status.ts',
              'certexpress-link': 'src/elements/define-certexpress-link.ts',
              'client/index': 'src/client/index.ts',
            },
            formats: ['es'],
          },
      rolldownOptions: bundle
        ? // Vite keeps whitespace in library ES output; the CDN file is meant to be fully minified.
          { output: { minify: true } }
        : {
            external: [/^lit($|\/)/, /^@lit\//],
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
    },
  };
});
