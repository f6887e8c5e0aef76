"""Interop harness for SD-JWT: the OpenWallet Foundation's reference implementation, `sd-jwt`
on PyPI (pinned in requirements.txt), driven by credential-core/tests/sd_jwt_py_interop.rs.

Reads one JSON request on stdin and writes one JSON answer on stdout. Offline: keys are made
here or given by the caller; nothing is fetched.

  {"op": "issue", "alg": "ES256"|"EdDSA", "holder_alg": "ES256"|"EdDSA", "now": n,
   "aud", "nonce", "kb_iat": n, "decoys": bool, "format": "compact"|"json"}
    -> {"issuer_jwk", "holder_jwk", "credential", "presentation", "other"}: an SD-JWT VC with
       object members, a recursively disclosable object and array elements selectively
       disclosable; a presentation of some of them with a Key Binding JWT (iat = kb_iat); and
       "other", a second credential of the same issuer with other values.
  {"op": "present", "credential", "holder_jwk" (private), "holder_alg", "disclose", "aud",
   "nonce", "kb_iat", "format"}
    -> {"presentation"}: their holder code presenting a credential (ours), with key binding.
  {"op": "verify", "issuer_jwk", "input", "aud", "nonce" (both null: no key binding),
   "format"}
    -> {"ok": true, "claims"} or {"ok": false, "error"}.
"""

import json
import sys

import sd_jwt.holder
from jwcrypto.jwk import JWK
from sd_jwt.common import SDObj
from sd_jwt.holder import SDJWTHolder
from sd_jwt.issuer import SDJWTIssuer
from sd_jwt.verifier import SDJWTVerifier

VC_TYP = "dc+sd-jwt"


def new_key(alg):
    if alg == "ES256":
        return JWK.generate(kty="EC", crv="P-256")
    if alg == "EdDSA":
        return JWK.generate(kty="OKP", crv="Ed25519")
    raise ValueError(f"unknown alg {alg}")


def at_time(iat):
    """Their holder stamps the KB-JWT with the wall clock; the caller's clock instead, so the
    test does not depend on when it runs."""
    sd_jwt.holder.time = lambda: iat


def claims(now, holder, given_name):
    return {
        "iss": "https://issuer.example/py",
        "iat": now,
        "exp": now + 86400,
        "vct": "urn:laissez:interop",
        SDObj("given_name"): given_name,
        SDObj("family_name"): "Yusuf",
        # Recursive: the address is disclosable, and so are two of its members.
        SDObj("address"): {
            SDObj("locality"): "Kano",
            "country": "NG",
            SDObj("street_address"): "4 Zoo Road",
        },
        # Array elements, one always visible.
        "nationalities": [SDObj("NG"), SDObj("NE"), "TD"],
        SDObj("is_over_18"): True,
    }


def issue(r):
    issuer = new_key(r["alg"])
    holder = new_key(r["holder_alg"])
    made = {}
    for name, given_name in [("credential", "Amina"), ("other", "Mallory")]:
        made[name] = SDJWTIssuer(
            claims(r["now"], holder, given_name),
            issuer,
            holder_key=holder,
            sign_alg=r["alg"],
            add_decoy_claims=r["decoys"],
            serialization_format=r["format"],
            extra_header_parameters={"typ": VC_TYP},
        ).sd_jwt_issuance
    at_time(r["kb_iat"])
    h = SDJWTHolder(made["credential"], serialization_format=r["format"])
    h.create_presentation(
        {"given_name": True, "address": {"locality": True}, "nationalities": [None, True]},
        nonce=r["nonce"],
        aud=r["aud"],
        holder_key=holder,
        sign_alg=r["holder_alg"],
    )
    return {
        "issuer_jwk": issuer.export_public(as_dict=True),
        "holder_jwk": holder.export_public(as_dict=True),
        "credential": made["credential"],
        "presentation": h.sd_jwt_presentation,
        "other": made["other"],
    }


def present(r):
    at_time(r["kb_iat"])
    h = SDJWTHolder(r["credential"], serialization_format=r["format"])
    h.create_presentation(
        r["disclose"],
        nonce=r["nonce"],
        aud=r["aud"],
        holder_key=JWK(**r["holder_jwk"]),
        sign_alg=r["holder_alg"],
    )
    return {"presentation": h.sd_jwt_presentation}


def verify(r):
    issuer = JWK(**r["issuer_jwk"])
    try:
        v = SDJWTVerifier(
            r["input"],
            lambda _iss, _header: issuer,
            expected_aud=r["aud"],
            expected_nonce=r["nonce"],
            serialization_format=r["format"],
        )
        return {"ok": True, "claims": v.get_verified_payload()}
    except Exception as e:  # any refusal is an answer, with its reason
        return {"ok": False, "error": f"{type(e).__name__}: {e}"}


def main():
    request = json.load(sys.stdin)
    ops = {"issue": issue, "present": present, "verify": verify}
    if request.get("op") not in ops:
        raise SystemExit(f"unknown op {request.get('op')!r}")
    json.dump(ops[request["op"]](request), sys.stdout)


if __name__ == "__main__":
    main()
