// Spanish texts of <cert-status> and <certexpress-link>, in the order of KEYS in ../i18n.ts.
const es: readonly string[] = [
  'Comprobando certificado…', 'Certificado registrado', 'El certificado vence pronto', 'Certificado en revisión',
  'Certificado vencido', 'Certificado no válido', 'Ningún certificado registrado', 'Certificados registrados',
  'Motivo', 'Vence', 'Sin vencimiento', 'Inicie sesión', 'No permitido', 'No disponible', 'Error de configuración',
  'Servicio inaccesible.', 'Reintentar', 'Solicitar certificado', 'Preparando formulario…', 'Tarda más de lo habitual.',
  'Formulario listo', 'Abrir formulario de certificado', '(pestaña nueva)', 'Solicitud enviada', 'Elija un cliente',
  'Ver certificado',
];
export default es;
