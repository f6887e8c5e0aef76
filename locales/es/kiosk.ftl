# Mensajes de Laissez: el quiosco de verificación sin conexión (verifier-wasm/kiosk).

kiosk_title = Verificación de credencial
kiosk_scan = Escanear código QR
kiosk_stop = Detener cámara
kiosk_paste = Pegar texto de la credencial
kiosk_verify_text = Verificar texto
kiosk_open_image = Abrir imagen
kiosk_again = Verificar otra
kiosk_scanning = Apunte la cámara al código QR…
kiosk_no_camera = No hay cámara disponible
kiosk_no_qr = No se encontró ningún código QR en la imagen
kiosk_issuer = Emisor
kiosk_type = Credencial
kiosk_yes = Sí
kiosk_no = No
kiosk_checked = Qué se comprobó
kiosk_trust_age = Antigüedad de la lista de confianza
kiosk_days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
kiosk_no_trust = No hay lista de confianza cargada
kiosk_trust = Lista de confianza
kiosk_load_trust = Cargar lista de confianza
kiosk_anchor = Ancla de confianza (did:key)
kiosk_trust_loaded = Lista de confianza versión { $version } cargada, { $issuers ->
    [one] un emisor
   *[other] { $issuers } emisores
}, { $days ->
    [one] { $days } día de antigüedad
   *[other] { $days } días de antigüedad
}
kiosk_forget = Olvidar
kiosk_error = { $message } [{ $code }]
kiosk_request = Pedir a una cartera
kiosk_request_title = Pedir una credencial a una cartera
kiosk_request_what = Qué pedir
kiosk_request_show = Mostrar la solicitud
kiosk_request_help = Deje que la cartera escanee este código y luego escanee su respuesta. La solicitud sirve una sola vez y caduca en { $minutes } minutos.
kiosk_scan_answer = Escanear la respuesta
kiosk_request_expired = La solicitud ha caducado: muestre una nueva
kiosk_request_not_bound = La respuesta no está vinculada a la solicitud de este quiosco
kiosk_preset_proof_of_registration = Prueba de registro
kiosk_preset_age_over_18 = Mayor de 18 años
kiosk_preset_yellow_fever = Vacunación contra la fiebre amarilla
kiosk_preset_fit_to_travel = Apto para viajar
kiosk_preset_authorised_to_travel = Autorizado a viajar
kiosk_format_eu_dcc = Certificado COVID digital de la UE
kiosk_format_shc = SMART Health Card
kiosk_format_claim169 = Identidad (MOSIP Claim 169)
