# Messages de Laissez : la borne de vérification hors ligne (verifier-wasm/kiosk).

kiosk_title = Contrôle de justificatif
kiosk_scan = Scanner le QR code
kiosk_stop = Arrêter la caméra
kiosk_paste = Coller le texte du justificatif
kiosk_verify_text = Vérifier le texte
kiosk_open_image = Ouvrir une image
kiosk_again = Vérifier un autre
kiosk_scanning = Dirigez la caméra vers le QR code…
kiosk_no_camera = Aucune caméra disponible
kiosk_no_qr = Aucun QR code dans cette image
kiosk_issuer = Émetteur
kiosk_type = Justificatif
kiosk_yes = Oui
kiosk_no = Non
kiosk_checked = Vérifications
kiosk_trust_age = Âge de la liste de confiance
kiosk_days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
kiosk_no_trust = Aucune liste de confiance chargée
kiosk_trust = Liste de confiance
kiosk_load_trust = Charger la liste
kiosk_anchor = Ancre de confiance (did:key)
kiosk_trust_loaded = Liste de confiance version { $version } chargée, { $issuers ->
    [one] { $issuers } émetteur
   *[other] { $issuers } émetteurs
}, { $days ->
    [one] datant de { $days } jour
   *[other] datant de { $days } jours
}
kiosk_forget = Oublier
kiosk_error = { $message } [{ $code }]
kiosk_request = Demander à un portefeuille
kiosk_request_title = Demander une attestation à un portefeuille
kiosk_request_what = Que demander
kiosk_request_show = Afficher la demande
kiosk_request_help = Laissez le portefeuille scanner ce code, puis scannez sa réponse. La demande ne sert qu’une fois et expire dans { $minutes } minutes.
kiosk_scan_answer = Scanner la réponse
kiosk_request_expired = La demande a expiré : affichez-en une nouvelle
kiosk_request_not_bound = La réponse n’est pas liée à la demande de cette borne
kiosk_preset_proof_of_registration = Preuve d’enregistrement
kiosk_preset_age_over_18 = Plus de 18 ans
kiosk_preset_yellow_fever = Vaccination contre la fièvre jaune
kiosk_preset_fit_to_travel = Apte à voyager
kiosk_preset_authorised_to_travel = Autorisé à voyager
kiosk_format_eu_dcc = Certificat COVID numérique de l’UE
kiosk_format_shc = SMART Health Card
kiosk_format_claim169 = Identité (MOSIP Claim 169)
