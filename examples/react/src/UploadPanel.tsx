import { useState } from 'react';
import { CertUpload } from 'cert-elements/react';
import { fetchToken } from './fetch-token.ts';

/** A lazily loaded part: its element module arrives after the page's first render. */
export default function UploadPanel() {
  const [uploaded, setUploaded] = useState('');
  return (
    <section>
      <CertUpload fetchToken={fetchToken} customerCode="C-1005" region="NV" onCertUploaded={(e) => setUploaded(e.detail.status)} />
      <p id="uploaded">{uploaded}</p>
    </section>
  );
}
