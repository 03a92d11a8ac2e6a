// Spanish texts of <cert-status> and <certexpress-link> (loaded on first use, like every language).
import type { Strings } from '../i18n.js';

const es: Strings = {
  loading: 'Comprobando certificado…',
  exempt: 'Certificado registrado',
  expiring: 'El certificado vence pronto',
  pending: 'Certificado en revisión',
  expired: 'Certificado vencido',
  invalid: 'Certificado no válido',
  missing: 'Ningún certificado registrado',
  list: 'Certificados registrados',
  reason: 'Motivo',
  expires: 'Vence',
  noEnd: 'Sin vencimiento',
  'signed-out': 'Inicie sesión',
  'not-allowed': 'No permitido',
  error: 'No disponible',
  config: 'Error de configuración',
  offline: 'Servicio inaccesible.',
  retry: 'Reintentar',
  request: 'Solicitar certificado',
  preparing: 'Preparando formulario…',
  slow: 'Tarda más de lo habitual.',
  ready: 'Formulario listo',
  open: 'Abrir formulario de certificado',
  newTab: '(pestaña nueva)',
  sent: 'Solicitud enviada',
  choose: 'Elija un cliente',
  view: 'Ver certificado',
};
export default es;
