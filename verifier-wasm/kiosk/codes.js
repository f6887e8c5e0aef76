// Generated from credential-core's Verdict and CheckCode enums by verifier-wasm/tests/codes.rs
// (LAISSEZ_WRITE_CODES=1 cargo test -p verifier-wasm --test codes): do not edit.
export const VERDICTS = [
  'valid',
  'issuer_not_checked',
  'invalid',
  'expired',
  'not_yet_valid',
  'untrusted',
  'revoked',
  'suspended',
];

export const CHECK_CODES = [
  'well_formed',
  'data_model',
  'schema_valid',
  'proof_present',
  'signature_valid',
  'issuer_key_binding',
  'proof_chain',
  'holder_binding',
  'valid_from',
  'valid_until',
  'issuer_trusted',
  'issuer_authorised_for_type',
  'trust_data_fresh',
  'trust_not_evaluated',
  'revocation_status',
  'suspension_status',
  'status_unknown',
  'credential_status',
];
