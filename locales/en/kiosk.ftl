# Laissez messages: the offline verifier kiosk (verifier-wasm/kiosk).

kiosk_title = Credential check
kiosk_scan = Scan QR code
kiosk_stop = Stop camera
kiosk_paste = Paste credential text
kiosk_verify_text = Check text
kiosk_open_image = Open image
kiosk_again = Check another
kiosk_scanning = Point the camera at the QR code…
kiosk_no_camera = No camera available
kiosk_no_qr = No QR code found in this image
kiosk_issuer = Issuer
kiosk_type = Credential
kiosk_yes = Yes
kiosk_no = No
kiosk_checked = What was checked
kiosk_trust_age = Trust data age
kiosk_days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
kiosk_no_trust = No trust list loaded
kiosk_trust = Trust list
kiosk_load_trust = Load trust list
kiosk_anchor = Trust anchor (did:key)
kiosk_trust_loaded = Trust list version { $version } loaded, { $issuers ->
    [one] one issuer
   *[other] { $issuers } issuers
}, { $days ->
    [one] { $days } day old
   *[other] { $days } days old
}
kiosk_forget = Forget
kiosk_error = { $message } [{ $code }]
