# Laissez messages: the `laissez` command line (issuer-cli).
# Paths, identifiers, commands and option names are arguments or literal text: never translate
# `laissez ...` commands or `--options`.

## Start-up

unknown_language = unknown --lang; available: { $available }

## File and registry errors ($error is the operating system's or SQLite's own text)

io_read = cannot read { $path }: { $error }
io_write = cannot write { $path }: { $error }
io_create = cannot create { $path }: { $error }
io_list = cannot list { $path }: { $error }
io_permissions = cannot set permissions on { $path }: { $error }
io_temporary = cannot create a temporary file in { $path }: { $error }
hint_check_path = check the path
hint_check_permissions = check permissions, or choose another location
hint_already_exists = remove it or choose another path
registry_error = registry error: { $detail }
hint_registry_busy = another laissez process holds the registry; wait for it or stop it
database_unsupported = unsupported registry database "{ $scheme }": give a SQLite path, sqlite://PATH or a postgres:// URL
database_bad_url = bad PostgreSQL connection URL: { $detail }
hint_registry_unreachable = check that PostgreSQL runs and accepts connections at the --database URL (or LAISSEZ_DATABASE)
hint_registry_corrupt = the registry file is corrupt; restore it from a backup
hint_registry_readonly = check that the issuer home is writable

## laissez verify: the text report

report_credential = credential  { $id }
report_issuer = issuer      { $issuer }
report_issuer_named = issuer      { $name } ({ $issuer })
report_type = type        { $types }
report_valid_from = valid from  { $time }
report_valid_until = valid until { $time }
report_trust_bundle = trust       bundle { $id }, version { $version }, issued { $issued } ({ $age } days old)
report_no_trust_bundle = trust       none given (--bundle): the issuer was not checked
report_checks = checks:
# The outcome column of each check (short; upper case marks a failure).
report_pass = pass
report_fail = FAIL
report_warn = warn
report_skip = skip
report_disclosed = disclosed claims ({ $count }); every other claim was withheld by the holder:
report_format = format: { $format }

## Input files and options (shared)

file_error = { $path }: { $error }
file_not_utf8 = { $path } is not UTF-8
file_too_large = { $path } is larger than { $max } bytes; refusing to read it
option_error = { $option }: { $error }
time_invalid = { $option } "{ $value }" is not an RFC 3339 date-time with time zone (e.g. 2030-01-01T00:00:00Z)
passphrase_empty = { $path } holds an empty passphrase
serialise_file = cannot serialise { $path }: { $detail }
serialise_config = cannot serialize configuration: { $detail }
serialise_credential = cannot serialize credential: { $detail }
serialise_key_file = cannot serialise key file { $path }: { $detail }
serialise_registry_entry = cannot serialise the registry entry of { $id }: { $detail }
serialise_report = cannot serialise the report: { $detail }
serialise_decoded_credential = cannot serialise the decoded credential: { $detail }
internal_not_object = internal: document is not an object
internal_raster_size = internal: raster size mismatch

## laissez init and the issuer home

init_done = created issuer home { $path }
init_bad_status_url = --status-base-url "{ $url }" is not a URL
home_not_found = no issuer home at { $path }
hint_home_init = run `laissez init { $path }` first, or pass --home
home_invalid_config = { $path } is not a valid configuration: { $detail }
home_exists = { $path } already holds an issuer home; refusing to overwrite it
hint_choose_another_directory = choose another directory

## laissez key

key_list_default = (default)
key_list_encrypted = encrypted
key_show_name = name        { $value }
key_show_algorithm = algorithm   { $value }
key_show_multikey = multikey    { $value }
key_show_jwk = jwk         { $value }
key_show_did_key = did:key     { $value }
key_show_did_jwk = did:jwk     { $value }
key_invalid_name = invalid key name "{ $name }": use 1 to 64 letters, digits, '-' or '_'
key_exists = a key named { $name } already exists; choose another --name
key_not_found = no key named { $name }
hint_see_key_list = see `laissez key list`
key_file_invalid = { $path } is not a laissez key file: { $detail }
key_encrypted_no_passphrase = key { $name } is encrypted: set LAISSEZ_PASSPHRASE or pass --passphrase-file
key_wrong_passphrase = wrong passphrase for key { $name }
key_kdf_parameters = bad key file KDF parameters: { $detail }
key_derivation_failed = key derivation failed: { $detail }
key_encryption_failed = encryption failed
key_file_corrupt = corrupt key file
key_file_corrupt_salt = corrupt key file salt
key_file_corrupt_nonce = corrupt key file nonce
key_file_unsupported_encryption = unsupported key file encryption parameters
key_file_no_secret = key file { $name } has no secret
key_file_inconsistent = key file { $name } is inconsistent: its secret does not match its public key
key_jwk_no_secret = the JWK has no private member d: import needs a secret key
key_unknown_format = { $path }: expected a PKCS#8 PEM, a JWK or a Multikey secret
key_export_refuse_terminal = refusing to print a secret key to a terminal: use --out FILE

## laissez issue

issue_done = issued { $id } ({ $profile }, { $suite }) -> { $path }
issue_unknown_profile = unknown profile "{ $profile }" (available: { $available })
issue_unknown_suite = unknown suite "{ $suite }"
issue_suite_hint = use { $suites }
issue_key_suite_mismatch = key { $key } is { $algorithm } but { $suite } needs { $needed }; choose another --key or --suite
issue_valid_until_past = --valid-until is in the past
issue_already_issued = record { $record } was already issued as { $id }
hint_issue_already_issued = see `laissez registry show { $id }`; pass another --record-id to issue again
issue_no_output_dir = output directory { $path } does not exist
issue_unknown_securing = unknown securing mechanism "{ $securing }"
issue_securing_hint = use { $names }
issue_selective_needs_profile = { $securing } needs a profile (--profile): its disclosure rules say which claims are mandatory and which selective
issue_ecdsa_sd_needs_p256 = key { $key } is { $algorithm } but ecdsa-sd-2023 needs a P-256 key
hint_issue_p256_key = create one with `laissez key generate --alg p256` and pass it with --key
issue_holder_key_conflict = record { $record }: --holder-key is not the key of the subject's id
issue_holder_key_missing = record { $record }: an SD-JWT VC is bound to its holder's key, and the subject's id is not a did:key or did:jwk
hint_issue_holder_key = give the subject a did:key or did:jwk id, or give `laissez issue` the holder's public key with --holder-key (PEM, JWK, Multikey, did:key or did:jwk)
record_not_object = a subject record must be a JSON object
record_id_not_string = recordId must be a non-empty string
record_id_missing = missing recordId
record_id_too_long = recordId is longer than { $max } characters
record_no_claims = the subject has no claims

## laissez issue-batch

batch_jobs_zero = --jobs must be at least 1
batch_too_large = { $path } is larger than { $max } bytes; split the batch
batch_bad_extension = { $path }: use a .csv (with a record_id column) or .jsonl file
batch_bad_csv_header = { $path }: bad CSV header: { $detail }
batch_no_record_id_column = { $path }: the CSV header needs a record_id column
batch_malformed_csv_row = malformed CSV row: { $detail }
batch_empty_record_id = empty record_id
batch_duplicate_record = duplicate record id { $id }
batch_thread_panicked = signing thread panicked
# The progress bar: "<bar> 12/100 credentials  35/s  ETA 3s".
batch_progress_bar_unit = credentials
batch_progress_bar_eta = ETA
batch_progress = progress: { $done }/{ $total } { $total ->
        [one] row
       *[other] rows
    } ({ $rate }/s)
batch_summary = { $total ->
        [one] { $total } row
       *[other] { $total } rows
    }: { $issued } issued, { $skipped } skipped (already issued), { $failed } failed  [{ $seconds } s, { $rate } credentials/s]
batch_failed_row = row { $row }: { $reason }
batch_more_failed = … and { $count } more failed { $count ->
        [one] row
       *[other] rows
    }

## laissez revoke, suspend, reinstate and status publish

status_already_revoked = { $id }: already revoked; run `laissez status publish` and distribute a new trust bundle
status_revoked = { $id }: revoked (permanent); run `laissez status publish` and distribute a new trust bundle
status_suspended = { $id }: suspended; run `laissez status publish` and distribute a new trust bundle
status_not_suspended = { $id }: not suspended; nothing to reinstate; run `laissez status publish` and distribute a new trust bundle
status_reinstated = { $id }: reinstated; run `laissez status publish` and distribute a new trust bundle
status_suspend_revoked = { $id } is revoked; suspending it changes nothing
status_reinstate_revoked = { $id } is revoked; revocation is permanent
status_no_suspension_entry = { $id } (record { $record }): suspension refused; as issued it carries no suspension status entry, so no verifier would ever read a suspension; nothing was changed
status_no_revocation_entry = { $id } (record { $record }): revocation refused; as issued it carries no revocation status entry of this issuer, so no verifier would ever read a revocation; nothing was changed
status_purposes_unknown = { $id } (record { $record }): refused; the registry does not know which status entries it carries (a row from before laissez recorded them, whose stored credential could not be read); nothing was changed
hint_status_revoke_instead = it can be revoked for good with `laissez revoke { $id }`; only a credential issued with a suspension entry (not --compact) can be suspended
hint_status_no_entry = it stays valid until it expires; a credential that brought its own credentialStatus changes status on the lists that entry names
hint_status_purposes_unknown = read it with `laissez registry show { $id }`; if it carries the entry, record that in the registry's status_purposes column (README: revocation and suspension)
status_nothing_to_publish = nothing issued yet: no status list to publish
status_published = { $url }  { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }, { $set } set  -> { $path }
status_published_token = { $uri }  { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }, { $set } not valid  -> { $path }

## laissez registry

registry_missing = no registry at { $path }
hint_run_init = run `laissez init`
registry_no_credential = no credential { $id } in the registry
hint_see_registry_list = see `laissez registry list`
registry_schema_newer = the registry has schema version { $found }, newer than this laissez ({ $supported }); upgrade laissez
registry_row_no_text = the registry row of { $id } holds no credential text
hint_registry_row_corrupt = the registry is corrupt; restore it from a backup
registry_row_not_json = the registry row of { $id } holds a credential that is not JSON: { $detail }
hint_restore_registry = restore the registry from a backup
# Column names of `laissez registry list` (a tab-separated table).
registry_column_id = credential id
registry_column_profile = profile
registry_column_suite = suite
registry_column_issued_at = issued at
registry_column_status_index = status index
registry_column_digest = digest (sha256)
registry_column_status_purposes = status purposes

## laissez bundle

bundle_created = created unsigned bundle { $path } (add issuers, then sign)
bundle_not_object = the bundle is not a JSON object
bundle_not_array = { $member } is not an array
bundle_wrong_type = { $path } is not a trust bundle (type { $bundle_type })
bundle_signature_removed = note: the bundle was signed; the signature is removed (sign it again)
bundle_bad_name = --name "{ $value }": use LANG=TEXT, e.g. fr="État civil"
bundle_bad_valid_until = --valid-until "{ $value }" is not an RFC 3339 date-time
bundle_did_needs_key = --did needs at least one --key (Multikey public key)
bundle_no_issuer_source = give --from-home HOME, or --did DID with --key KEY
bundle_bad_context = --context "{ $value }": use URL=FILE
bundle_status_list_no_id = { $path }: a status list credential needs a string id (its URL)
bundle_did_document_no_id = { $path }: a DID document needs a DID id
bundle_bad_anchor = --anchor { $anchor }: { $error }
hint_anchor = give a Multikey or did:key
bundle_added_issuer = issuer { $did }
bundle_added_status_list = status list { $id }
bundle_added_status_token = token status list { $uri }
bundle_status_token_unverified = { $path }: not a status list token signed by a key of this home, or expired
bundle_added_context = context { $url } (sha256 { $sha256 })
bundle_added_did_document = DID document { $id }
bundle_added_dcc_signers = { $count ->
    [one] added one EU DCC document signer
   *[other] added { $count } EU DCC document signers
}
bundle_added_shc_issuer = added SMART Health Card issuer { $iss }
bundle_added_claim169_keys = { $count ->
    [one] added one Claim 169 key for { $iss }
   *[other] added { $count } Claim 169 keys for { $iss }
}
bundle_signed = signed { $path } with anchor { $anchor } ({ $suite })
bundle_signature_valid = signature: valid (anchor { $anchor })
bundle_signature_not_checked = signature: not checked (pass --anchor to check it)
bundle_inspect_version = version     { $value }
bundle_inspect_issued = issued      { $value }
bundle_inspect_next_update = nextUpdate  { $value }
bundle_inspect_issuer = issuer      { $id }  { $name }  types: { $types }
bundle_inspect_status_list = status list { $id }  ({ $purpose })

## laissez verify

verify_bundle_error = trust bundle { $path }: { $error } [{ $code }]

## laissez qr

qr_unknown_encoding = unknown encoding "{ $encoding }"
qr_encoding_hint = use generic, generic-dict, cborld, cborld-zlib or smallest
qr_print_mm_positive = --print-mm must be positive
qr_summary = payload { $bytes } bytes ({ $characters } characters, { $encoding }), QR version { $version }, ECC { $ecc }, { $width }×{ $width } modules
qr_summary_print = payload { $bytes } bytes ({ $characters } characters, { $encoding }), QR version { $version }, ECC { $ecc }, { $width }×{ $width } modules, { $mm } mm at { $dpi } dpi = { $px } px/module
qr_decode_unrecognised = { $input }: neither a QR image (PNG, JPEG) nor envelope text starting with { $prefix }
qr_png_encode = cannot encode PNG: { $detail }
qr_image_unreadable = cannot read the image: { $detail }

## laissez demo

demo_step_home = 1. Creating an issuer home in { $path }
demo_step_issue = 2. Issuing one credential per profile, and the legal identity with every suite
demo_issued = { $id } ({ $bytes } bytes JSON, { $qr })
demo_qr_summary = QR v{ $version } with { $characters } characters
demo_step_verify = 3. Verifying (offline, bundled contexts only; no trust bundle yet, so at best the signature is valid and the issuer not checked)
demo_step_tamper = 4. Tampering with one credential (nationality changed) and verifying again
demo_tampered = tampered
demo_step_trust = 5. Offline trust: status lists, a trust bundle signed by an anchor, revocation
# Labels of the trust demo's lines (padded to 12 characters).
demo_trusted = trusted
demo_untrusted = untrusted
demo_revoked = revoked
demo_unrecognised_issuer = { $profile } (unrecognised issuer)
demo_step_disclosure = 6. Minimal disclosure: the holder shows only what a purpose needs (ecdsa-sd-2023 and SD-JWT VC with key binding)
demo_disclosure_shown = shown:  { $fields }
demo_disclosure_hidden = hidden: { $fields }
demo_disclosure_checked = { $bytes } bytes; the report lists exactly the claims shown; { $count ->
        [one] { $count } hidden value
       *[other] { $count } hidden values
    } checked absent from the presentation
demo_disclosure_report_differs = the verification report does not list exactly the claims shown
demo_disclosure_leak = { $securing }: the presentation shows the hidden claim { $pointer }
demo_step_files = 7. Files
demo_file_home = issuer home   { $path }
demo_file_credentials = credentials   { $path }
demo_file_registry = registry      { $path }
demo_file_bundle = trust bundle  { $path }
demo_try = try: laissez verify { $path }
demo_complete = demo complete: { $count ->
        [one] { $count } credential
       *[other] { $count } credentials
    } valid, the tampered one rejected; trusted, untrusted and revoked shown
demo_unexpected = demo: an outcome was not as expected
demo_bad_sample = built-in sample: { $detail }
demo_internal = internal error: { $detail }

## laissez present

present_not_selective_credential = { $path } is neither an ecdsa-sd-2023 base-proof credential nor an SD-JWT VC
hint_present_issue_selective = issue it with `laissez issue --securing ecdsa-sd-2023` or `--securing sd-jwt`
present_no_profile = the credential is of no Laissez profile, so it has no disclosure rules
present_list_heading = presets of { $profile }:
present_unknown_preset = unknown preset "{ $preset }" for { $profile } [{ $code }]; presets: { $presets }
present_nothing_chosen = choose what to show with --preset NAME or --disclose POINTER
hint_present_presets = presets: { $presets }
present_pointer_not_selective = { $pointer } is not a selectively disclosable claim of this credential
hint_present_selective = selective claims: { $pointers }
present_binding_partial = binding a presentation needs --holder-key, --challenge (--nonce) and --domain (--aud) together; missing: { $missing }
present_no_holder_binding = this SD-JWT VC names no holder key (cnf), so it cannot be key-bound
present_holder_key_mismatch = --holder-key is not the holder key this SD-JWT VC is bound to
hint_present_holder_key = use the key whose public part the issuer bound (the subject's did:key or the --holder-key given to `laissez issue`)
present_no_out = --out is required
present_preset = preset { $name }: { $label }
present_shown = shown ({ $count }):
present_hidden = hidden ({ $count }):
present_bound = bound to { $domain } with challenge { $challenge }
present_written = presentation written to { $path } ({ $bytes } bytes)
present_qr_written = QR code written to { $path } (v{ $version }, { $characters } characters)

## laissez serve
serve_bad_config = { $path }: rate_per_second, registry_connections, token_lifetime_seconds and status_index_block (at most 1000000) must be above zero
serve_key_added = API key { $id } created; its token, shown only now:
serve_key_none = no API keys
serve_key_revoked_state = revoked
serve_key_active_state = active
serve_key_line = { $id }  { $scopes }  { $state }  { $created }  { $label }
serve_key_unknown = no API key { $id } (see `laissez serve key list`)
serve_key_revoked = API key { $id } revoked
serve_tls_error = the TLS configuration failed: { $detail }
serve_tls_pem = { $path }: not a usable PEM file: { $detail }
serve_rate_limited = too many requests from this client; retry later
serve_timeout = the request took longer than { $seconds } s
serve_body_too_large = the request body is larger than { $max } bytes
serve_internal_error = internal server error (see the server log)
serve_member_not_object = "{ $member }" must be a JSON object
serve_option_not_string = option "{ $option }" has the wrong type
serve_unknown_cryptosuite = unknown cryptosuite "{ $suite }"
serve_unknown_issuer = no issuer key named "{ $key }"
serve_key_suite_mismatch = key { $key } cannot sign with { $suite }
serve_no_key_for_suite = no key of this server can sign with { $suite }
serve_issuer_mismatch = the credential's issuer must be { $issuer } (this endpoint's key) or absent
serve_missing_member = the request has no "{ $member }"
serve_unsupported_proof_type = unsupported proof type "{ $proof_type }"; this server makes DataIntegrityProof
serve_id_too_long = a credential id or record id is longer than { $max } bytes
serve_already_issued = a credential with this id, or for this record, was already issued
serve_status_set = the issuer's { $purpose } list has this credential's bit set
serve_unsupported_status_type = only a BitstringStatusListEntry status can be set
serve_unknown_status_purpose = statusPurpose must be revocation or suspension
serve_status_not_boolean = "status" must be true or false
serve_unknown_status_list = no such status list
serve_unauthenticated = a valid API key is needed (Authorization: Bearer <token>)
serve_forbidden = this API key does not have the { $scope } scope
serve_token_expired = the access token has expired; get a new one at /oauth/token
serve_client_added = OAuth2 client { $id } created (its client_id); its secret, shown only now:
serve_client_none = no OAuth2 clients
serve_client_unknown = no OAuth2 client { $id } (see `laissez serve client list`)
serve_client_revoked = OAuth2 client { $id } revoked; its access tokens are refused from now on
serve_oauth_invalid_request = the token request needs grant_type=client_credentials, each parameter once, and the client's credentials in one place (RFC 6749 § 4.4)
serve_oauth_unsupported_grant = only grant_type=client_credentials is supported
serve_oauth_invalid_client = unknown or revoked client, or wrong secret
serve_oauth_invalid_scope = this client may not have the scope "{ $scope }"
serve_body_not_object = the request body must be a JSON object
serve_not_found = no such endpoint
serve_start_failed = the server could not start: { $detail }
serve_bind_failed = cannot listen on { $address }: { $detail }
serve_listening = listening on { $url }
serve_stopped = stopped
serve_vc_1_1_not_issued = VC 1.1 credentials are verified but never issued; use the VC 2.0 context
serve_already_secured = the credential to issue already has a proof
serve_invalid_shape = "{ $property }" does not have the form the VC Data Model 2.0 requires

## laissez print: printable cards

print_bad_layout = unknown layout { $layout }; use id1, a6 or a4
print_bad_output = { $path }: the card is written as .pdf or .svg
print_bad_lang = --labels { $lang }: one or two of { $available }, separated by a comma
print_not_valid = not printed: the credential is { $verdict }
print_font_missing = font { $font } not found under /usr/share/fonts (or $LAISSEZ_FONT_DIR)
print_no_font_for = no installed font has every character of “{ $text }”
hint_print_fonts = install the Debian packages fonts-noto-core (and fonts-noto-cjk for Han names), or set LAISSEZ_FONT_DIR
print_qr_too_dense = a QR code of version { $version } would have { $module } mm modules on this layout, under the 0.4 mm a phone reads from a photocopy
hint_print_compact = issue the credential with --compact, or choose a larger --layout
print_pdf_failed = cannot write the PDF: { $detail }
print_written = card written to { $path } (QR v{ $version }, { $characters } characters, { $module } mm modules)
print_title_generic = Credential
print_issuer = Issuer
print_valid_from = Valid from
print_valid_until = Valid until
print_yes = yes
print_no = no

# laissez issue --portrait, laissez verify --photo-out (decision 0023)
portrait_not_an_image = the portrait { $path } is not a JPEG or PNG image
portrait_too_large = the portrait { $path } is { $width } × { $height } pixels; at most { $max } on a side
portrait_undecodable = the portrait { $path } cannot be decoded: { $detail }
verify_photo = Portrait (signed): { $media }, { $width } × { $height } pixels, { $bytes } bytes
verify_photo_unsized = Portrait (signed): { $media }, { $bytes } bytes
verify_no_photo = no portrait written: the credential carries no verified portrait
verify_photo_written = portrait written to { $path }
