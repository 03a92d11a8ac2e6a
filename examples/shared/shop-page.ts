/**
 * The account page the server examples (Express, Fastify, workerd) serve: the CDN bundle from
 * `/cdn/`, a status whose customer is named on the page, and a missing zone with its
 * CertExpress link. The shop's default customer is C-1001 (exempt in WA): a token request whose
 * body got lost on the way would show C-1001's status instead of C-1002's `expired`.
 */
export const shopPage = (title: string): string => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <script type="module" src="/cdn/cert-elements.min.js"></script>
</head>
<body>
  <h1>${title}</h1>
  <cert-status id="status" token-endpoint="/cert-api/token" customer-code="C-1002" region="WA"></cert-status>
  <cert-status id="missing" token-endpoint="/cert-api/token" customer-code="C-1005" region="WA">
    <certexpress-link slot="missing" token-endpoint="/cert-api/token" customer-code="C-1005" region="WA"></certexpress-link>
  </cert-status>
</body>
</html>
`;
