/**
 * `cert-elements/server`: the companion that holds the AvaTax credentials and serves the
 * token route and the cert API to the elements.
 *
 * ```ts
 * const server = createCertServer({ avatax: {...}, secret, authorize, basePath: '/cert-api' });
 * await listen(server, { port: 8080 });                                    // standalone Node http
 * expressApp.use('/cert-api', toNodeHandler(server));                      // Express
 * await fastifyApp.register(fastifyCertServer(server), { prefix: '/cert-api' }); // Fastify
 * export const POST = (request: Request) => server.fetch(request);         // Web-standard handlers
 * ```
 */
export { createCertServer, type CertServer } from './server.js';
export { listen, toNodeHandler, type Listening } from './node.js';
export { fastifyCertServer, type FastifyLike } from './adapters/fastify.js';
export { consoleJsonLogger, type HostLogger, type Logger } from './logging.js';
export {
  CertServerConfigError,
  type Authorize,
  type AuthorizeResult,
  type CertServerConfig,
  type CustomerProfile,
} from './config.js';
export { CertRefusal } from './errors.js';
export { memoryStore } from './store/memory.js';
export { StoreUnavailableError, type CertStore, type Taken } from './store/store.js';
export {
  issueToken,
  verifyToken,
  TOKEN_AUDIENCE,
  MAX_TOKEN_TTL_SECONDS,
  type TokenClaims,
  type TokenClaimsInput,
} from './auth/token.js';
export type * from '../client/contract.js';
