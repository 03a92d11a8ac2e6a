// `npm start`: the shop on http://127.0.0.1:3000 with the local sandbox as AvaTax.
import { demoCompanion } from '../shared/demo-companion.ts';
import { shopApp } from './app.ts';

const { certServer } = await demoCompanion({ logger: console });
shopApp(certServer).listen(3000, '127.0.0.1', () => console.log('shop on http://127.0.0.1:3000'));
