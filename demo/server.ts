/**
 * The storefront demo: Vite serves the pages in demo/ (and the elements straight from src/),
 * with the demo backend mounted in front of it in the same process.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createServer, type ViteDevServer } from 'vite';
import { createDemoBackend, type DemoBackend, type DemoBackendOptions } from './backend.js';

const demoRoot = dirname(fileURLToPath(import.meta.url));
const BACKEND_PREFIXES = ['/cert-api', '/demo-api'];

export interface DemoOptions extends DemoBackendOptions {
  port?: number;
  host?: string;
  /** Live reload on source edits (default true); tests turn it off so an edit cannot reload a page mid-test. */
  hmr?: boolean;
}

export interface Demo {
  url: string;
  backend: DemoBackend;
  vite: ViteDevServer;
  close(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const backend = await createDemoBackend(options);
  const listener = getRequestListener(async (request) => (await backend.handle(request)) ?? new Response('Not found', { status: 404 }));
  const vite = await createServer({
    configFile: false,
    root: demoRoot,
    logLevel: 'warn',
    server: {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 5173,
      strictPort: options.port !== undefined,
      fs: { allow: [resolve(demoRoot, '..')] },
      hmr: options.hmr ?? true,
      ...(options.hmr === false && { watch: null }),
    },
    appType: 'mpa',
    plugins: [
      {
        name: 'cert-elements-demo-backend',
        configureServer(server) {
          server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
            const path = (req.url ?? '/').split('?')[0] ?? '/';
            if (BACKEND_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) void listener(req, res);
            else next();
          });
        },
      },
    ],
  });
  try {
    await vite.listen();
  } catch (error) {
    await backend.close();
    throw error;
  }
  const url = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? `http://${options.host ?? '127.0.0.1'}:${options.port ?? 5173}`;
  return {
    url,
    backend,
    vite,
    close: async () => {
      await vite.close();
      await backend.close();
    },
  };
}
