// French texts of <cert-status> and <certexpress-link>, in the order of KEYS in ../i18n.ts.
const fr: readonly string[] = [
  'Vérification du certificat…', 'Certificat enregistré', 'Le certificat expire bientôt', 'Certificat en vérification',
  'Certificat expiré', 'Certificat non valide', 'Aucun certificat enregistré', 'Certificats enregistrés', 'Motif',
  'Expire le', "Sans date d'expiration", 'Connectez-vous', 'Non autorisé', 'Indisponible', 'Erreur de configuration',
  'Service injoignable.', 'Réessayer', 'Demander un certificat', 'Préparation du formulaire…', "Plus long que d'habitude.",
  'Formulaire prêt', 'Ouvrir le formulaire de certificat', '(nouvel onglet)', 'Demande envoyée', 'Choisissez un client',
  'Voir le certificat',
];
export default fr;
