// `npm start`: the shop on http://127.0.0.1:3000 with the local sandbox as AvaTax.
import { demoCompanion } from '../shared/demo-companion.ts';
import { shopApp } from './app.ts';

const { certServer } = await demoCompanion({ logger: console });
const app = await shopApp(certServer);
console.log(`shop on ${await app.listen({ port: 3000, host: '127.0.0.1' })}`);
