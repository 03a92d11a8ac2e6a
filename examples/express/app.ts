/**
 * An Express 5 shop with the companion mounted under /cert-api, after the shop's own JSON
 * parser: `toNodeHandler` takes the full path from `req.originalUrl` and uses the body
 * `express.json()` already parsed.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express from 'express';
import { toNodeHandler, type CertServer } from 'cert-elements/server';
import { shopPage } from '../shared/shop-page.ts';

// The one-file browser bundle shipped in the package, served as the shop's own asset.
const cdn = dirname(createRequire(import.meta.url).resolve('cert-elements/cert-elements.min.js'));

export function shopApp(certServer: CertServer): express.Express {
  const app = express();
  app.use(express.json()); // the shop's own API parsers come first
  app.use('/cert-api', toNodeHandler(certServer)); // createCertServer({ basePath: '/cert-api', … })
  app.use('/cdn', express.static(cdn));
  app.get('/', (_req, res) => void res.type('html').send(shopPage('Express 5 shop')));
  return app;
}
