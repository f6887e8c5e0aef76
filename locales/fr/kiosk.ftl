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
