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
kiosk_request = Ask a wallet
kiosk_request_title = Ask a wallet for a credential
kiosk_request_what = What to ask for
kiosk_request_show = Show the request
kiosk_request_help = Let the wallet scan this code, then scan its answer. The request works once and expires in { $minutes } minutes.
kiosk_scan_answer = Scan the answer
kiosk_request_expired = The request has expired: show a new one
kiosk_request_not_bound = The answer is not bound to this kiosk's request
kiosk_preset_proof_of_registration = Proof of registration
kiosk_preset_age_over_18 = Age over 18
kiosk_preset_yellow_fever = Yellow fever vaccination
kiosk_preset_fit_to_travel = Fit to travel
kiosk_preset_authorised_to_travel = Authorised to travel
kiosk_format_eu_dcc = EU Digital COVID Certificate
kiosk_format_shc = SMART Health Card
kiosk_format_claim169 = Identity (MOSIP Claim 169)
