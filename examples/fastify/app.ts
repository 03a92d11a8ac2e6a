/**
 * A Fastify 5 shop with the companion registered under /cert-api as a plugin: inside it
 * Fastify's body parsers are off, so token requests and multipart uploads reach the companion
 * untouched, while the shop's own routes keep theirs.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { fastifyCertServer, type CertServer } from 'cert-elements/server';
import { shopPage } from '../shared/shop-page.ts';

const cdn = dirname(createRequire(import.meta.url).resolve('cert-elements/cert-elements.min.js'));

export async function shopApp(certServer: CertServer): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyCertServer(certServer), { prefix: '/cert-api' }); // basePath: '/cert-api'
  await app.register(fastifyStatic, { root: cdn, prefix: '/cdn/' });
  app.get('/', async (_request, reply) => reply.type('text/html').send(shopPage('Fastify 5 shop')));
  app.post('/api/echo', async (request) => request.body); // the shop's own JSON route
  return app;
}
