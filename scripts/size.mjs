// `npm run size`: min+gzip of the two CDN bundles (Lit included) and of each element's own code
// (element + shared base + client, Lit excluded, lazily loaded parts included). Fails when the
// storefront bundle (`<cert-status>` + `<certexpress-link>`) exceeds 12 KB or the ERP bundle
// (every element) its budget. The bundles' lazily loaded chunks are not counted against them:
// a page loads those only when it uses what they hold. Needs `npm run build` first; writes nothing.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUNDLES = [
  { file: 'dist/cert-elements.min.js', label: 'cert-elements.min.js (storefront, Lit included)', budget: 12 * 1024 },
  { file: 'dist/cert-elements-erp.min.js', label: 'cert-elements-erp.min.js (all, Lit included)', budget: 22 * 1024 },
];
const ELEMENTS = [
  ['<cert-status> own code', 'src/elements/define-cert-status.ts'],
  ['<certexpress-link> own code', 'src/elements/define-certexpress-link.ts'],
  ['<customer-lookup> own code', 'src/elements/define-customer-lookup.ts'],
  ['<cert-upload> own code', 'src/elements/define-cert-upload.ts'],
  ['client only', 'src/client/index.ts'],
];
const gz = (code) => gzipSync(code, { level: 9 }).length;
const br = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`.padStart(9);

/** Minified ES bundle of one entry with Lit external, built in memory. */
async function ownCode(entry) {
  const [output] = [await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => 'x.js' },
      rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//], output: { minify: true } },
    },
  })].flat();
  return output.output.map((chunk) => chunk.code ?? '').join('');
}

const rows = [];
const overs = [];
for (const { file, label, budget } of BUNDLES) {
  let code;
  try {
    code = readFileSync(file);
  } catch {
    console.error(`size: ${file} not found; run npm run build first`);
    process.exit(1);
  }
  rows.push([label, code.length, gz(code), br(code)]);
  if (gz(code) > budget) overs.push(`${file} is ${gz(code)} B min+gzip, over its ${budget} B budget`);
  else rows.push([`  budget ${budget} B: ${budget - gz(code)} B left`]);
}
for (const [name, entry] of ELEMENTS) {
  const code = await ownCode(entry);
  rows.push([name, Buffer.byteLength(code), gz(code), br(code)]);
}

console.log(`${'file'.padEnd(48)}      min  min+gzip min+brotli`);
for (const [name, min, zipped, brotli] of rows) console.log(min === undefined ? name : `${name.padEnd(48)}${kb(min)}${kb(zipped)}${kb(brotli).padStart(11)}`);
for (const line of overs) console.error(`size: ${line}`);
process.exit(overs.length ? 1 : 0);
