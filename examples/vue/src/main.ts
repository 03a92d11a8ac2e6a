import { createApp } from 'vue';
// Registers the tags before Vue mounts, so Vue sets their properties (not attributes).
import 'cert-elements';
import App from './App.vue';

createApp(App).mount('#app');
