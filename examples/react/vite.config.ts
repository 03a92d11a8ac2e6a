import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run backend` serves the companion on 8787; the dev server and `vite preview` pass
// /cert-api to it, so the page and its token endpoint share an origin. `changeOrigin: false`
// keeps the page's Host: the companion answers with an apiBase on the page's origin and
// accepts the page's Origin as its own.
const companion = { target: process.env['CERT_API_TARGET'] ?? 'http://127.0.0.1:8787', changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/cert-api': companion } },
  preview: { proxy: { '/cert-api': companion } },
});
