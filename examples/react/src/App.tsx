import { lazy, Suspense, useRef, useState } from 'react';
import type { CertStatusElement } from 'cert-elements';
import { CertExpressLink, CertStatus } from 'cert-elements/react';
import { fetchToken } from './fetch-token.ts';

// Loaded after the first render, as a code-split route would be.
const UploadPanel = lazy(() => import('./UploadPanel.tsx'));

export function App() {
  const status = useRef<CertStatusElement>(null);
  const [wrapped, setWrapped] = useState<string[]>([]);
  const [bare, setBare] = useState('…');
  const [link, setLink] = useState('');
  const [showUpload, setShowUpload] = useState(false);
  return (
    <main>
      <h1>Your tax exemption</h1>
      {/* The wrappers: camelCase props (functions too), onCamelCase events, refs. */}
      <CertStatus id="account-status" ref={status} fetchToken={fetchToken} customerCode="C-1005" region="WA" onCertStatusChange={(e) => setWrapped((all) => [...all, e.detail.status])}>
        <CertExpressLink slot="missing" fetchToken={fetchToken} customerCode="C-1005" region="WA" onCertexpressLinkReady={(e) => setLink(e.detail.url)} />
      </CertStatus>
      <p id="wrapped">{wrapped.join(', ')}</p>
      <p id="link">{link}</p>
      <button id="check" onClick={() => status.current?.refresh()}>Check again</button>

      {/* The bare tag with React 19: kebab attributes, `oncert-…` events (typed by cert-elements/react). */}
      <cert-status token-endpoint="/cert-api/token" customer-code="C-1003" region="WA" compact oncert-status-change={(e) => setBare(e.detail.status)} />
      <p id="bare">{bare}</p>

      <button id="show-upload" onClick={() => setShowUpload(true)}>Upload a certificate</button>
      {showUpload && (
        <Suspense fallback={<p>Loading…</p>}>
          <UploadPanel />
        </Suspense>
      )}
    </main>
  );
}
