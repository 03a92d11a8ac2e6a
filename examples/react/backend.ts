// The companion for `npm run dev`: sandbox + cert API on http://127.0.0.1:8787/cert-api.
import { listen } from 'cert-elements/server';
import { demoCompanion } from '../shared/demo-companion.ts';

const { certServer } = await demoCompanion({ logger: console });
const { url } = await listen(certServer, { port: 8787 });
console.log(`companion on ${url}/cert-api`);
