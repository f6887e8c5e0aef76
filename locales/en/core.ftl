# Laissez messages: the verification core (credential-core).
#
# Errors: one message per error code (credential-core/src/error.rs); the id is the code.
# $detail is technical detail (a member name, a JSON pointer, a parser position) in English.
# Check messages: what a verification report says of each check (credential-core/src/verify).
# Values such as identifiers, dates and URLs are arguments and are shown as they are.

## Errors

input_too_large = input is { $size } bytes; the limit is { $max } bytes
invalid_utf8 = input is not valid UTF-8
json_too_deep = JSON is nested deeper than { $max } levels
too_many_objects = JSON has more than { $max } objects
too_many_values = JSON has more than { $max } values
array_too_long = a JSON array has more than { $max } elements
malformed_json = input is not valid JSON: { $detail }
duplicate_member = a JSON object repeats a member name, { $detail } (I-JSON forbids it: readers could disagree on its value)
malformed_document = malformed document: { $detail }
invalid_context = invalid @context: { $detail }
unknown_context = unknown JSON-LD context { $url }: it is not in the offline context store (contexts are never fetched)
invalid_type = invalid type: { $detail }
invalid_issuer = invalid issuer: { $detail }
invalid_credential_subject = invalid credentialSubject: { $detail }
invalid_date = { $property } is not a valid dateTimeStamp (date, time and time zone required): "{ $value }"
invalid_url = { $property } is not a URL: "{ $value }"
invalid_property = invalid { $property }: { $detail }
schema_invalid = does not conform to the profile schema: { $detail }
unknown_profile = unknown profile { $profile }
unknown_preset = unknown disclosure preset { $preset }
preset_not_applicable = the credential has none of the claims the { $preset } preset shows
claim_not_disclosable = the claim { $pointer } cannot be selectively disclosed in this credential
unsupported_version = unsupported data model version: { $detail }
jsonld_error = JSON-LD processing failed: { $detail }
data_loss_detected = data loss detected: { $detail }, so it would not be signed
canonicalization_limit = RDF canonicalization refused: { $detail }
invalid_key = invalid key: { $detail }
weak_key = weak key refused: { $detail }
key_type_mismatch = key type mismatch: { $detail }
invalid_multibase = invalid multibase value: { $detail }
invalid_jwk = invalid JWK: { $detail }
invalid_pem = invalid PEM/PKCS#8: { $detail }
invalid_did = invalid DID: { $detail }
unresolvable_did = cannot resolve { $did } offline: only did:key and did:jwk resolve inline; other methods need a resolver (trust bundle)
verification_method_not_found = verification method not found: { $detail }
proof_missing = the document has no proof
malformed_proof = malformed proof: { $detail }
base_proof_not_verifiable = this is a { $suite } base proof, which only its holder may use: a verifier accepts only a proof the holder derived from it, disclosing what is asked
unsupported_cryptosuite = unsupported cryptosuite "{ $suite }"
invalid_signature = the signature does not verify
invalid_proof_chain = invalid proof chain: { $detail }
signing_failed = signing failed: { $detail }
envelope_wrong_prefix = not a Laissez envelope: the text must start with LZ1: (another QR format?)
envelope_invalid_base45 = the envelope is not valid Base45: { $detail }
envelope_truncated = the envelope is truncated
envelope_unknown_encoding = unknown envelope encoding { $encoding } (a newer format?)
envelope_corrupt = the envelope is damaged: { $detail }
envelope_too_large = the envelope decompresses to more than { $max } bytes
envelope_too_deep = the envelope's CBOR is nested deeper than { $max } levels
envelope_invalid_cbor = the envelope's CBOR is invalid: { $detail }
qr_not_found = no readable QR code: { $detail }
unsupported_format = unsupported input format: { $detail }
cborld_invalid = invalid CBOR-LD: { $detail }
cborld_unknown_registry_entry = CBOR-LD registry entry { $entry } is not known to this verifier (a newer format?)
cborld_cannot_encode = CBOR-LD cannot encode this document: { $detail }
bundle_unsigned = the trust bundle is not signed
bundle_unknown_anchor = the trust bundle is signed by { $anchor }, which is not a configured trust anchor
bundle_malformed = malformed trust bundle: { $detail }
bundle_rollback = trust bundle version { $offered } is older than version { $loaded } already loaded (rollback refused)
sd_jwt_malformed = malformed SD-JWT: { $detail }
sd_jwt_unsupported_algorithm = unsupported SD-JWT algorithm "{ $alg }" (ES256, ES384 and EdDSA signatures, sha-256, sha-384 and sha-512 digests are supported)
disclosure_invalid = a disclosure is not acceptable: { $detail }
disclosure_not_referenced = a disclosure (digest { $digest }) is not referenced by the credential: it belongs to another credential or was altered
disclosure_digest_duplicate = the digest { $digest } appears more than once in the SD-JWT
key_binding_missing = the presentation has no key binding JWT, and one is required
key_binding_invalid = invalid key binding JWT: { $detail }
key_binding_mismatch = the key binding JWT was made for another { $claim }: expected "{ $expected }", found "{ $found }"
key_binding_stale = the key binding JWT was made { $age } seconds ago; at most { $max } seconds are accepted
sd_jwt_expired = the SD-JWT expired at { $date }
sd_jwt_not_yet_valid = the SD-JWT is not valid before { $date }
status_list_invalid = invalid status list token: { $detail }
vc_jwt_malformed = malformed vc+jwt credential: { $detail }
unsupported_key_algorithm = { $algorithm } signatures cannot be checked here: this verifier build leaves them to the platform's crypto (WebCrypto, through verifyAsync), which is missing or was not used
format_invalid_base45 = the QR text is not valid Base45: { $detail }
format_decompress_failed = the compressed payload cannot be decompressed: { $detail }
format_too_large = the credential is larger than { $max } bytes (text or decompressed)
cose_malformed = not a well-formed COSE message: { $detail }
cose_unsupported_algorithm = signature algorithm { $algorithm } is not supported for this format
claim169_missing = the CWT has no identity claim (169)
claim169_encrypted = the identity QR code is encrypted and this verifier has no key to decrypt it
dcc_unsupported_prefix = health certificate context { $prefix } is not supported (only HC1:)
dcc_malformed = malformed health certificate payload: { $detail }
dcc_signer_not_permitted = the document signer may not sign this certificate: { $detail }
shc_malformed = malformed SMART Health Card: { $detail }

## Check messages

input_well_formed = the input is bounded, well-formed JSON
conforms_to_data_model = conforms to the { $model }
conforms_to_profile = conforms to the { $profile } profile schema
conforms_to_presentation_model = conforms to the VC data model (presentation)
holder_signed = the holder signed the presentation
holder_not_signer = no proof is made by a key of the holder { $holder }
no_holder = the presentation names no holder
enveloping_proof = secured by an enveloping signature ({ $format })
key_binding_verified = the holder's key signed this presentation for { $aud } with the expected nonce
key_binding_unchecked = the presentation has a key binding, but no audience and nonce were given to check it against
key_binding_absent = no key binding: whoever holds this presentation can show it
token_status_other = the status list gives the value { $status }, which this verifier does not interpret
no_trust_bundle = no trust bundle loaded: the issuer was not checked against a list of recognised authorities
no_usable_proof = no usable proof
proof_count = { $count ->
    [one] one proof
   *[other] { $count } proofs
}
proofs_verify = every proof verifies ({ $suites })
proof_chain_verified = every previousProof is present and verified
no_readable_issuer = no readable issuer
proof_did_not_verify = a proof did not verify
issuer_key_signed = the issuer's own key signed the credential
signed_by_another_key = the issuer is { $issuer } but the credential was signed by { $signer }
issuer_not_did = the issuer { $issuer } is not a DID; without a trust bundle its key cannot be confirmed
not_valid_before = the credential is not valid before { $time }
valid_since = valid since { $time }
no_valid_from = no start of validity
expired_at = the credential expired at { $time }
valid_until_time = valid until { $time }
no_valid_until = no end of validity
issuer_not_in_bundle = { $issuer } is not in the trust bundle
issuer_authorised_for_nothing = { $issuer } is not recognised, so it is authorised for no credential type
issuer_outside_validity = { $name } is recognised only from { $from } until { $until }
no_proof_verified = no proof verified
issuer_key_not_listed = { $name } is recognised, but the signing key is not one of its listed keys
issuer_recognised = { $name } is a recognised issuer
issuer_recognised_in = { $name } is a recognised issuer ({ $jurisdiction })
issuer_authorised_for = authorised for { $types }
issuer_not_authorised_for = { $name } is not authorised to issue { $types }
trust_bundle_stale = the trust bundle (version { $version }) is { $age } days old and { $late } days past its next update ({ $next }): load a newer one
trust_bundle_fresh = trust bundle version { $version } issued { $age } days ago; next update { $next }
status_not_checked = { $purpose ->
    [suspension] suspension
   *[revocation] revocation
} status not checked: no trust bundle with status lists is configured
status_list_missing = { $purpose ->
    [suspension] suspension
   *[revocation] revocation
} status unknown: the trust bundle has no copy of { $list }
status_list_unusable = { $purpose ->
    [suspension] suspension
   *[revocation] revocation
} status unknown: the cached list { $list } is not usable ({ $error })
status_list_not_issuers = { $purpose ->
    [suspension] suspension
   *[revocation] revocation
} status unknown: the list { $list } is not the issuer's { $purpose } list
status_set = { $purpose ->
    [suspension] the issuer has suspended this credential
   *[revocation] the issuer has revoked this credential
} (list issued { $days } days ago)
status_set_undated = { $purpose ->
    [suspension] the issuer has suspended this credential
   *[revocation] the issuer has revoked this credential
} (list date unknown)
status_clear = { $purpose ->
    [suspension] not suspended
   *[revocation] not revoked
} (list issued { $days } days ago)
status_clear_undated = { $purpose ->
    [suspension] not suspended
   *[revocation] not revoked
} (list date unknown)
# Other formats (EU DCC, SMART Health Cards, Claim 169): checks and display labels.
format_decoded = decoded as { $format }
payload_conforms = the { $format } payload has the fields its specification requires
signing_key_not_in_bundle = the signing key { $kid } is not in the trust bundle, so the signature cannot be checked
rid_revoked = the issuer revoked this card (revocation id { $rid })
rid_not_revoked = the issuer's revocation list does not list this card (revocation id { $rid })
unknown_fields = fields this verifier does not know are present and kept: { $fields }
field_name = Name
field_secondary_name = Name (second language)
field_birth_date = Date of birth
field_id = Identity number
field_nationality = Nationality
field_legal_status = Legal status
field_issuing_country = Issuing country
field_vaccination = Vaccination
field_test = Test
field_recovery = Recovery
field_immunization = Immunization

## Verdicts (the report's verdict codes)

verdict_valid = Valid
verdict_issuer_not_checked = Signature valid — issuer not checked
verdict_invalid = Not valid
verdict_expired = Expired
verdict_not_yet_valid = Not yet valid
verdict_untrusted = Issuer not recognised
verdict_revoked = Revoked
verdict_suspended = Suspended

## Check names (the report's check codes)

check_well_formed = Readable credential
check_data_model = Credential format
check_schema_valid = Required fields
check_proof_present = Signature present
check_signature_valid = Signature
check_issuer_key_binding = Signed by the issuer
check_proof_chain = Signature chain
check_holder_binding = Holder
check_valid_from = Valid from
check_valid_until = Valid until
check_issuer_trusted = Recognised issuer
check_issuer_authorised_for_type = Issuer allowed for this credential
check_trust_data_fresh = Trust list up to date
check_trust_not_evaluated = Issuer recognition
check_revocation_status = Not revoked
check_suspension_status = Not suspended
check_status_unknown = Revocation status
check_credential_status = Status

## Check outcomes

outcome_pass = passed
outcome_fail = failed
outcome_warning = warning
outcome_skipped = not checked
