import { defineConfig } from 'vite';

/**
 * Browser builds (Vite 8, Oxc reads the legacy decorators of tsconfig.json):
 * - default mode: the npm ES modules, one file per source module, Lit external:
 *   dist/index.js, dist/cert-status.js, dist/certexpress-link.js, dist/customer-lookup.js,
 *   dist/cert-upload.js, dist/client/index.js, dist/react/index.js (React wrappers), dist/elements/…
 * - `--mode bundle`: dist/cert-elements.min.js, the storefront bundle (`<cert-status>` and
 *   `<certexpress-link>`), one minified ES module with Lit inside for a CDN `<script type="module">`.
 * - `--mode bundle-erp`: dist/cert-elements-erp.min.js, every element, the same way.
 * Both bundles load what a page may not need (other languages' strings, the request flow, list
 * mode, the staff delivery form, document viewing, customer-source) on first use from
 * dist/chunks/, next to them; both register the same element classes.
 */
const BUNDLES: Record<string, { entry: string; file: string }> = {
  bundle: { entry: 'src/storefront.ts', file: 'cert-elements.min.js' },
  'bundle-erp': { entry: 'src/index.ts', file: 'cert-elements-erp.min.js' },
};

export default defineConfig(({ mode }) => {
  const bundle = BUNDLES[mode];
  return {
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: !bundle,
      minify: !!bundle,
      copyPublicDir: false,
      lib: bundle
        ? { entry: bundle.entry, formats: ['es'], fileName: () => bundle.file }
        : {
            entry: {
              index: 'src/index.ts',
              'cert-status': 'src/elements/define-cert-status.ts',
              'certexpress-link': 'src/elements/define-certexpress-link.ts',
              'customer-lookup': 'src/elements/define-customer-lookup.ts',
              'cert-upload': 'src/elements/define-cert-upload.ts',
              'client/index': 'src/client/index.ts',
              'react/index': 'src/react/index.ts',
            },
            formats: ['es'],
          },
      rolldownOptions: bundle
        ? // Vite keeps whitespace in library ES output; the CDN files are meant to be fully minified.
          {
            // Modules a lazily loaded part shares with the bundle stay in the bundle (the page has
            // them already) instead of moving to a common chunk every page would then load.
            preserveEntrySignatures: 'allow-extension',
            // Six characters of hash (the shortest Rolldown allows): each chunk's name is a string in
            // the bundle, and the storefront's budget counts every byte.
            output: { minify: true, chunkFileNames: 'chunks/[name]-[hash:6].js' },
          }
        : {
            external: [/^lit($|\/)/, /^@lit\//, /^react($|\/)/],
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
    },
  };
});
