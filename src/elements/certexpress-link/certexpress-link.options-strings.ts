// Strings of the staff delivery form of `<certexpress-link options>` in en, es, fr. Loaded with
// the form only, so the storefront bundle does not carry them. A host may add or change them
// (`defineStrings(lang, {options: …})`).
import { hostTable } from '../shared/host-table.js';

/** The form's texts in one language. */
export interface OptionsStrings {
  sendBy: string;
  Email: string;
  Fax: string;
  Download: string;
  emailAddress: string;
  faxNumber: string;
  coverLetter: string;
  send: string;
  getLink: string;
  badEmail: string;
  badFax: string;
  sentTo: string;
  copy: string;
  copied: string;
  /** The button on a sent request that opens the form again to remind the customer. */
  remind: string;
  /** The form's button in a reminder. */
  sendReminder: string;
  reminderSentTo: string;
}

const STRINGS: Record<string, OptionsStrings> = {
  en: {
    sendBy: 'Send the request by', Email: 'Email', Fax: 'Fax', Download: 'Link', emailAddress: 'Email address',
    faxNumber: 'Fax number', coverLetter: 'Cover letter', send: 'Send request', getLink: 'Get link',
    badEmail: 'Enter a valid email address.', badFax: 'Enter a fax number (at least 7 digits).',
    sentTo: 'Request sent to', copy: 'Copy link', copied: 'Link copied',
    remind: 'Send a reminder', sendReminder: 'Send reminder', reminderSentTo: 'Reminder sent to',
  },
  es: {
    sendBy: 'Enviar la solicitud por', Email: 'Correo electrónico', Fax: 'Fax', Download: 'Enlace',
    emailAddress: 'Dirección de correo', faxNumber: 'Número de fax', coverLetter: 'Carta de presentación',
    send: 'Enviar solicitud', getLink: 'Obtener enlace', badEmail: 'Introduzca una dirección de correo válida.',
    badFax: 'Introduzca un número de fax (al menos 7 dígitos).', sentTo: 'Solicitud enviada a', copy: 'Copiar enlace',
    copied: 'Enlace copiado', remind: 'Enviar un recordatorio', sendReminder: 'Enviar recordatorio',
    reminderSentTo: 'Recordatorio enviado a',
  },
  fr: {
    sendBy: 'Envoyer la demande par', Email: 'E-mail', Fax: 'Télécopie', Download: 'Lien', emailAddress: 'Adresse e-mail',
    faxNumber: 'Numéro de télécopie', coverLetter: "Lettre d'accompagnement", send: 'Envoyer la demande',
    getLink: 'Obtenir le lien', badEmail: 'Saisissez une adresse e-mail valide.',
    badFax: 'Saisissez un numéro de télécopie (au moins 7 chiffres).', sentTo: 'Demande envoyée à', copy: 'Copier le lien',
    copied: 'Lien copié', remind: 'Envoyer un rappel', sendReminder: 'Envoyer le rappel', reminderSentTo: 'Rappel envoyé à',
  },
};

/** The form's strings for a BCP 47 tag (by its primary language; English when not translated), the host's over them. */
export const optionsStrings = (lang: string): OptionsStrings => hostTable(lang, 'options', STRINGS);
