// Kiosk strings in English, French, Spanish and Arabic (right-to-left). Credential field labels
// and titles come from the verifier itself (the profiles' labels), in the same language.
export const LANGUAGES = {en: 'English', fr: 'Français', es: 'Español', ar: 'العربية'};

// The banner colour of each verdict. A good signature from an issuer no trust list vouches for is
// amber, never green: anyone can make such a credential.
export const COLOURS = {
  valid: 'green', issuer_not_checked: 'amber', expired: 'amber', not_yet_valid: 'amber', untrusted: 'amber',
  suspended: 'amber', invalid: 'red', revoked: 'red',
};

export const STRINGS = {
  en: {
    title: 'Credential check', scan: 'Scan QR code', stop: 'Stop camera', paste: 'Paste credential text',
    verifyText: 'Check text', openImage: 'Open image', again: 'Check another',
    scanning: 'Point the camera at the QR code…', noCamera: 'No camera available',
    noQr: 'No QR code found in this image',
    valid: 'Valid', issuer_not_checked: 'Signature valid — issuer not checked', invalid: 'Not valid', expired: 'Expired', not_yet_valid: 'Not yet valid',
    untrusted: 'Issuer not recognised', revoked: 'Revoked', suspended: 'Suspended',
    issuer: 'Issuer', type: 'Credential', checked: 'What was checked', reason: 'Reason',
    trustAge: 'Trust data age', days: 'days', noTrust: 'No trust list loaded',
    trust: 'Trust list', loadTrust: 'Load trust list', anchor: 'Trust anchor (did:key)',
    trustLoaded: 'Trust list version {v} loaded, {n} issuers, {d} days old', forget: 'Forget',
    pass: 'passed', fail: 'failed', warning: 'warning', skipped: 'not checked',
    checks: {
      well_formed: 'Readable credential', data_model: 'Credential format', schema_valid: 'Required fields',
      proof_present: 'Signature present', signature_valid: 'Signature', issuer_key_binding: 'Signed by the issuer',
      proof_chain: 'Signature chain', holder_binding: 'Holder', valid_from: 'Valid from', valid_until: 'Valid until',
      issuer_trusted: 'Recognised issuer', issuer_authorised_for_type: 'Issuer allowed for this credential',
      trust_data_fresh: 'Trust list up to date', trust_not_evaluated: 'Issuer recognition',
      revocation_status: 'Not revoked', suspension_status: 'Not suspended', status_unknown: 'Revocation status',
      credential_status: 'Status',
    },
  },
  fr: {
    title: 'Contrôle de justificatif', scan: 'Scanner le QR code', stop: 'Arrêter la caméra', paste: 'Coller le texte du justificatif',
    verifyText: 'Vérifier le texte', openImage: 'Ouvrir une image', again: 'Vérifier un autre',
    scanning: 'Dirigez la caméra vers le QR code…', noCamera: 'Aucune caméra disponible',
    noQr: 'Aucun QR code dans cette image',
    valid: 'Valide', issuer_not_checked: 'Signature valide — émetteur non vérifié', invalid: 'Non valide', expired: 'Expiré', not_yet_valid: 'Pas encore valide',
    untrusted: 'Émetteur non reconnu', revoked: 'Révoqué', suspended: 'Suspendu',
    issuer: 'Émetteur', type: 'Justificatif', checked: 'Vérifications', reason: 'Motif',
    trustAge: 'Âge de la liste de confiance', days: 'jours', noTrust: 'Aucune liste de confiance chargée',
    trust: 'Liste de confiance', loadTrust: 'Charger la liste', anchor: 'Ancre de confiance (did:key)',
    trustLoaded: 'Liste de confiance version {v} chargée, {n} émetteurs, {d} jours', forget: 'Oublier',
    pass: 'réussi', fail: 'échoué', warning: 'avertissement', skipped: 'non vérifié',
    checks: {
      well_formed: 'Justificatif lisible', data_model: 'Format', schema_valid: 'Champs obligatoires',
      proof_present: 'Signature présente', signature_valid: 'Signature', issuer_key_binding: "Signé par l'émetteur",
      proof_chain: 'Chaîne de signatures', holder_binding: 'Titulaire', valid_from: 'Valide à partir du', valid_until: "Valide jusqu'au",
      issuer_trusted: 'Émetteur reconnu', issuer_authorised_for_type: 'Émetteur autorisé pour ce justificatif',
      trust_data_fresh: 'Liste de confiance à jour', trust_not_evaluated: "Reconnaissance de l'émetteur",
      revocation_status: 'Non révoqué', suspension_status: 'Non suspendu', status_unknown: 'Statut de révocation',
      credential_status: 'Statut',
    },
  },
  es: {
    title: 'Verificación de credencial', scan: 'Escanear código QR', stop: 'Detener cámara', paste: 'Pegar texto de la credencial',
    verifyText: 'Verificar texto', openImage: 'Abrir imagen', again: 'Verificar otra',
    scanning: 'Apunte la cámara al código QR…', noCamera: 'No hay cámara disponible',
    noQr: 'No se encontró ningún código QR en la imagen',
    valid: 'Válida', issuer_not_checked: 'Firma válida — emisor no comprobado', invalid: 'No válida', expired: 'Caducada', not_yet_valid: 'Aún no válida',
    untrusted: 'Emisor no reconocido', revoked: 'Revocada', suspended: 'Suspendida',
    issuer: 'Emisor', type: 'Credencial', checked: 'Qué se comprobó', reason: 'Motivo',
    trustAge: 'Antigüedad de la lista de confianza', days: 'días', noTrust: 'No hay lista de confianza cargada',
    trust: 'Lista de confianza', loadTrust: 'Cargar lista', anchor: 'Ancla de confianza (did:key)',
    trustLoaded: 'Lista de confianza versión {v} cargada, {n} emisores, {d} días', forget: 'Olvidar',
    pass: 'correcto', fail: 'fallido', warning: 'aviso', skipped: 'no comprobado',
    checks: {
      well_formed: 'Credencial legible', data_model: 'Formato', schema_valid: 'Campos obligatorios',
      proof_present: 'Firma presente', signature_valid: 'Firma', issuer_key_binding: 'Firmada por el emisor',
      proof_chain: 'Cadena de firmas', holder_binding: 'Titular', valid_from: 'Válida desde', valid_until: 'Válida hasta',
      issuer_trusted: 'Emisor reconocido', issuer_authorised_for_type: 'Emisor autorizado para esta credencial',
      trust_data_fresh: 'Lista de confianza actualizada', trust_not_evaluated: 'Reconocimiento del emisor',
      revocation_status: 'No revocada', suspension_status: 'No suspendida', status_unknown: 'Estado de revocación',
      credential_status: 'Estado',
    },
  },
  ar: {
    title: 'التحقق من الوثيقة', scan: 'مسح رمز QR', stop: 'إيقاف الكاميرا', paste: 'ألصق نص الوثيقة',
    verifyText: 'تحقق من النص', openImage: 'فتح صورة', again: 'تحقق من وثيقة أخرى',
    scanning: 'وجّه الكاميرا نحو رمز QR…', noCamera: 'لا توجد كاميرا',
    noQr: 'لم يُعثر على رمز QR في هذه الصورة',
    valid: 'صالحة', issuer_not_checked: 'التوقيع صالح — لم يُتحقق من جهة الإصدار', invalid: 'غير صالحة', expired: 'منتهية الصلاحية', not_yet_valid: 'لم تصبح صالحة بعد',
    untrusted: 'جهة إصدار غير معروفة', revoked: 'ملغاة', suspended: 'موقوفة',
    issuer: 'جهة الإصدار', type: 'الوثيقة', checked: 'ما تم التحقق منه', reason: 'السبب',
    trustAge: 'عمر بيانات الثقة', days: 'أيام', noTrust: 'لم يتم تحميل قائمة ثقة',
    trust: 'قائمة الثقة', loadTrust: 'تحميل القائمة', anchor: 'مرساة الثقة (did:key)',
    trustLoaded: 'تم تحميل قائمة الثقة الإصدار {v}، {n} جهات إصدار، عمرها {d} أيام', forget: 'حذف',
    pass: 'ناجح', fail: 'فاشل', warning: 'تنبيه', skipped: 'لم يُفحص',
    checks: {
      well_formed: 'وثيقة مقروءة', data_model: 'الصيغة', schema_valid: 'الحقول المطلوبة',
      proof_present: 'التوقيع موجود', signature_valid: 'التوقيع', issuer_key_binding: 'موقّعة من جهة الإصدار',
      proof_chain: 'سلسلة التوقيعات', holder_binding: 'الحامل', valid_from: 'صالحة من', valid_until: 'صالحة حتى',
      issuer_trusted: 'جهة إصدار معروفة', issuer_authorised_for_type: 'جهة الإصدار مخوّلة لهذه الوثيقة',
      trust_data_fresh: 'قائمة الثقة محدّثة', trust_not_evaluated: 'التعرّف على جهة الإصدار',
      revocation_status: 'غير ملغاة', suspension_status: 'غير موقوفة', status_unknown: 'حالة الإلغاء',
      credential_status: 'الحالة',
    },
  },
};

/** `key` in `lang` (falling back to English), with `{name}` placeholders filled from `vars`. */
export function t(lang, key, vars = {}) {
  const s = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

/** Name of a check code in `lang`. */
export function checkName(lang, code) {
  return STRINGS[lang]?.checks[code] ?? STRINGS.en.checks[code] ?? code;
}
