import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The companion (`npm run backend`, port 8787) behind the dev and preview servers' /cert-api,
// keeping the page's Host so that token answers point the elements at the page's origin.
const companion = { target: process.env['CERT_API_TARGET'] ?? 'http://127.0.0.1:8787', changeOrigin: false };
const CERT_TAGS = new Set(['cert-status', 'certexpress-link', 'customer-lookup', 'cert-upload']);

export default defineConfig({
  plugins: [
    vue({
      // The four tags are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => CERT_TAGS.has(tag) } },
    }),
  ],
  server: { proxy: { '/cert-api': companion } },
  preview: { proxy: { '/cert-api': companion } },
});
