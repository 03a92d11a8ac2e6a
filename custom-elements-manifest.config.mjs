// `npm run analyze` → custom-elements.json at the repo root, from the JSDoc of the element classes.
// Module paths name the files the package ships (dist/…), not the TypeScript sources, and each
// define module declares the tag it registers (`custom-element-definition`).

/** Where the build puts the module compiled from `src/elements/<file>.ts` (see vite.config.ts). */
function shippedPath(path) {
  const define = path.match(/^src\/elements\/define-(cert-status|certexpress-link|customer-lookup|cert-upload)\.ts$/);
  if (define) return `dist/${define[1]}.js`;
  return path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** The tags the define modules register, and the class each registers. */
const DEFINITIONS = {
  'src/elements/define-cert-status.ts': ['cert-status', 'CertStatusElement', 'src/elements/cert-status/cert-status.ts'],
  'src/elements/define-certexpress-link.ts': ['certexpress-link', 'CertExpressLinkElement', 'src/elements/certexpress-link/certexpress-link.ts'],
  'src/elements/define-customer-lookup.ts': ['customer-lookup', 'CustomerLookupElement', 'src/elements/customer-lookup/customer-lookup.ts'],
  'src/elements/define-cert-upload.ts': ['cert-upload', 'CertUploadElement', 'src/elements/cert-upload/cert-upload.ts'],
};

/** Modules that hold only types compile to no JavaScript: the manifest names their declarations. */
const typesOnly = (mod) => !mod.declarations?.length;

function shippedFilesPlugin() {
  return {
    name: 'cert-elements-shipped-files',
    packageLinkPhase({ customElementsManifest }) {
      // The storefront define module exists only inside the CDN bundle.
      customElementsManifest.modules = customElementsManifest.modules.filter((m) => m.path !== 'src/elements/define-storefront.ts');
      for (const mod of customElementsManifest.modules) {
        const definition = DEFINITIONS[mod.path];
        if (definition) {
          const [tag, name, module] = definition;
          mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name, module: shippedPath(module) } }];
        }
        const empty = typesOnly(mod) && !(mod.exports ?? []).some((e) => e.kind === 'custom-element-definition' || e.declaration?.module);
        mod.path = empty ? mod.path.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts') : shippedPath(mod.path);
        for (const item of [...(mod.exports ?? []), ...(mod.declarations ?? [])]) {
          for (const ref of [item.declaration, item.superclass, ...(item.members ?? []).map((m) => m.inheritedFrom), ...(item.attributes ?? []).map((a) => a.inheritedFrom), ...(item.events ?? []).map((e) => e.inheritedFrom)]) {
            if (ref?.module?.startsWith('src/')) ref.module = shippedPath(ref.module);
          }
        }
      }
      // The globbed files come in the file system's order, which differs between clones: sorted,
      // the manifest is the same wherever it is generated (CI compares it with the committed one).
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  // The barrel re-exports only; the build folds it into dist/index.js.
  exclude: ['src/**/*.test.ts', 'src/elements/index.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [shippedFilesPlugin()],
};
