// French texts of <cert-status> and <certexpress-link> (loaded on first use, like every language).
import type { Strings } from '../i18n.js';

const fr: Strings = {
  loading: 'Vérification du certificat…',
  exempt: 'Certificat enregistré',
  expiring: 'Le certificat expire bientôt',
  pending: 'Certificat en vérification',
  expired: 'Certificat expiré',
  invalid: 'Certificat non valide',
  missing: 'Aucun certificat enregistré',
  list: 'Certificats enregistrés',
  reason: 'Motif',
  expires: 'Expire le',
  noEnd: 'Sans date d\'expiration',
  'signed-out': 'Connectez-vous',
  'not-allowed': 'Non autorisé',
  error: 'Indisponible',
  config: 'Erreur de configuration',
  offline: 'Service injoignable.',
  retry: 'Réessayer',
  request: 'Demander un certificat',
  preparing: 'Préparation du formulaire…',
  slow: 'Plus long que d\'habitude.',
  ready: 'Formulaire prêt',
  open: 'Ouvrir le formulaire de certificat',
  newTab: '(nouvel onglet)',
  sent: 'Demande envoyée',
  choose: 'Choisissez un client',
  view: 'Voir le certificat',
};
export default fr;
