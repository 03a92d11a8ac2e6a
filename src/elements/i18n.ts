// UI strings in English, Spanish and French, chosen by the nearest `lang`. Each table lists the
// texts in the order of KEYS (arrays keep the bundle small: the keys are not repeated per language).
const KEYS = [
  'loading', 'exempt', 'expiring', 'pending', 'expired', 'invalid', 'missing', 'list', 'reason', 'expires',
  'noEnd', 'signed-out', 'not-allowed', 'error', 'config', 'offline', 'retry', 'request', 'preparing', 'slow',
  'ready', 'open', 'newTab', 'sent',
] as const;

/** The strings of one language. */
export type Strings = Record<(typeof KEYS)[number], string>;

const TABLES: Record<string, string[]> = {
  en: [
    'Checking certificate…', 'Certificate on file', 'Certificate expires soon', 'Certificate under review',
    'Certificate expired', 'Certificate not valid', 'No certificate on file', 'Certificates on file', 'Reason',
    'Expires', 'No end date', 'Please sign in', 'Not allowed', 'Unavailable',
    'Configuration error', 'Service unreachable.', 'Try again', 'Request certificate',
    'Preparing form…', 'Taking longer than usual.', 'Form ready', 'Open certificate form', '(new tab)',
    'Request sent',
  ],
  es: [
    'Comprobando certificado…', 'Certificado registrado', 'El certificado vence pronto', 'Certificado en revisión',
    'Certificado vencido', 'Certificado no válido', 'Ningún certificado registrado', 'Certificados registrados',
    'Motivo', 'Vence', 'Sin vencimiento', 'Inicie sesión', 'No permitido', 'No disponible', 'Error de configuración', 'Servicio inaccesible.', 'Reintentar',
    'Solicitar certificado', 'Preparando formulario…', 'Tarda más de lo habitual.', 'Formulario listo',
    'Abrir formulario de certificado', '(pestaña nueva)', 'Solicitud enviada',
  ],
  fr: [
    'Vérification du certificat…', 'Certificat enregistré', 'Le certificat expire bientôt', 'Certificat en vérification',
    'Certificat expiré', 'Certificat non valide', 'Aucun certificat enregistré', 'Certificats enregistrés',
    'Motif', 'Expire le', "Sans date d'expiration", 'Connectez-vous', 'Non autorisé', 'Indisponible', 'Erreur de configuration', 'Service injoignable.', 'Réessayer',
    'Demander un certificat', 'Préparation du formulaire…', "Plus long que d'habitude.", 'Formulaire prêt',
    'Ouvrir le formulaire de certificat', '(nouvel onglet)', 'Demande envoyée',
  ],
};

const built: Record<string, Strings> = {};

/** The nearest `lang` of `el`, looking up through shadow roots to the document. */
export function langOf(el: Element): string {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = (node as Element).getAttribute?.('lang');
    if (lang) return lang;
  }
  return globalThis.navigator?.language ?? 'en';
}

/** Strings for a BCP 47 tag (by its primary language); English when not translated. */
export function stringsFor(lang: string): Strings {
  const code = lang.slice(0, 2).toLowerCase();
  const key = TABLES[code] ? code : 'en';
  return (built[key] ??= Object.fromEntries(TABLES[key]!.map((text, i) => [KEYS[i], text])) as Strings);
}
