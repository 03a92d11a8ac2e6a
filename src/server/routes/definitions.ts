import { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';

/** `GET /v1/cover-letters`, `GET /v1/exposure-zones` and `GET /v1/exemption-reasons`: any valid token; cached for an hour. */
export function definitionRoutes(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { definitions } = services;
  const cacheControl = 'private, max-age=3600';

  app.get('/cover-letters', async (c) => {
    c.header('Cache-Control', cacheControl);
    return c.json({ coverLetters: await definitions.coverLetters() });
  });

  app.get('/exposure-zones', async (c) => {
    c.header('Cache-Control', cacheControl);
    return c.json({ exposureZones: await definitions.exposureZones() });
  });

  app.get('/exemption-reasons', async (c) => {
    c.header('Cache-Control', cacheControl);
    return c.json({ exemptionReasons: await definitions.exemptionReasons() });
  });

  return app;
}
