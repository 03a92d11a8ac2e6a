import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers the tags before the first render: React 19 sets properties only on defined elements.
import 'cert-elements';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
