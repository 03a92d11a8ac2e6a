// English texts of <cert-status> and <certexpress-link> (loaded on first use, like every language).
import type { Strings } from '../i18n.js';

const en: Strings = {
  loading: 'Checking certificate…',
  exempt: 'Certificate on file',
  expiring: 'Certificate expires soon',
  pending: 'Certificate under review',
  expired: 'Certificate expired',
  invalid: 'Certificate not valid',
  missing: 'No certificate on file',
  list: 'Certificates on file',
  reason: 'Reason',
  expires: 'Expires',
  noEnd: 'No end date',
  'signed-out': 'Please sign in',
  'not-allowed': 'Not allowed',
  error: 'Unavailable',
  config: 'Configuration error',
  offline: 'Service unreachable.',
  retry: 'Try again',
  request: 'Request certificate',
  preparing: 'Preparing form…',
  slow: 'Taking longer than usual.',
  ready: 'Form ready',
  open: 'Open certificate form',
  newTab: '(new tab)',
  sent: 'Request sent',
  choose: 'Choose a customer',
  view: 'View certificate',
};
export default en;
