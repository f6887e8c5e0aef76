//! Selective disclosure through the CLI: `laissez issue --securing` with every mechanism,
//! `laissez present` of every preset of every profile with `ecdsa-sd-2023` and SD-JWT VC, and
//! `laissez verify` of what the holder shows. The values each check looks for are read from the
//! issued credential (for an SD-JWT VC, through its disclosures), never written here; a
//! presentation must carry every disclosed value and none of the hidden ones, and the verify
//! report must list exactly the disclosed claims. Then revocation of an SD-JWT VC through the
//! Token Status List, and the refusals.

use credential_core::codec::Base64;
use credential_core::profiles::Profiles;
use credential_core::sd_jwt::credential::to_credential;
use credential_core::sd_jwt::SdJwt;
use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;
use common::laissez;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/profiles")
        .join(name)
}

/// An issuer home with a P-256 key `p256`, and a holder key pair exported as JWK files.
struct Setup {
    dir: tempfile::TempDir,
    home: PathBuf,
    holder_secret: PathBuf,
    holder_public: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    laissez(&home).arg("init").assert().success();
    for name in ["p256", "holder"] {
        laissez(&home)
            .args(["key", "generate", "--alg", "p256", "--name", name])
            .assert()
            .success();
    }
    let holder_secret = dir.path().join("holder.jwk");
    let holder_public = dir.path().join("holder.pub.jwk");
    laissez(&home)
        .args(["key", "export", "holder", "--secret", "--out"])
        .arg(&holder_secret)
        .assert()
        .success();
    laissez(&home)
        .args(["key", "export", "holder", "--out"])
        .arg(&holder_public)
        .assert()
        .success();
    Setup {
        dir,
        home,
        holder_secret,
        holder_public,
    }
}

impl Setup {
    /// Issues `subject` of `profile` with `securing` (key `p256`); returns the file.
    fn issue(&self, profile: &str, subject: &Path, securing: &str, name: &str) -> PathBuf {
        let ext = match securing {
            "sd-jwt" => "sd-jwt",
            "vc+jwt" => "jwt",
            _ => "json",
        };
        let out = self.dir.path().join(format!("{name}.{ext}"));
        let mut c = laissez(&self.home);
        c.args(["issue", "--profile", profile, "--securing", securing])
            .args(["--key", "p256", "--record-id", name, "--subject"])
            .arg(subject)
            .arg("--out")
            .arg(&out);
        if securing == "sd-jwt" {
            c.arg("--holder-key").arg(&self.holder_public);
        }
        c.assert().success();
        out
    }
}

/// The credential with every claim the holder could show: the base-proof credential itself, or
/// the SD-JWT VC's claims with every disclosure applied, as a credential view.
fn full_view(issued: &str) -> Value {
    if issued.trim_start().starts_with('{') {
        serde_json::from_str(issued).unwrap()
    } else {
        to_credential(
            SdJwt::parse(issued.trim()).unwrap().claims(),
            &Profiles::bundled(),
        )
    }
}

/// What a reader of the presentation sees: the text, and each base64url part of an SD-JWT
/// decoded (so a disclosed value is found, and a hidden one would be).
fn readable(presented: &str) -> String {
    let mut out = presented.to_owned();
    if !presented.trim_start().starts_with('{') {
        for part in presented.trim().split(['~', '.']) {
            if let Some(bytes) = Base64::UrlSafeNoPad.decode(part) {
                out.push('\n');
                out.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
    }
    out
}

/// Leaves of a credential: (JSON pointer, value).
type Leaves = Vec<(String, Value)>;

/// Every leaf (pointer, value) under `pointer`.
fn leaves(v: &Value, pointer: &str, out: &mut Leaves) {
    match v {
        Value::Object(o) if !o.is_empty() => {
            for (k, v) in o {
                leaves(v, &format!("{pointer}/{k}"), out);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for (i, v) in a.iter().enumerate() {
                leaves(v, &format!("{pointer}/{i}"), out);
            }
        }
        _ => out.push((pointer.to_owned(), v.clone())),
    }
}

/// The selective claims' leaves of `view`, split into those `chosen` pointers show and the rest.
fn split(view: &Value, profile: &str, chosen: &[String]) -> (Leaves, Leaves) {
    let rules = Profiles::bundled()
        .get(profile)
        .unwrap()
        .disclosure()
        .unwrap();
    let mut all = Vec::new();
    for s in rules.selective.iter().flat_map(|s| s.resolve(view)) {
        leaves(view.pointer(&s).unwrap(), &s, &mut all);
    }
    all.into_iter().partition(|(p, _)| {
        chosen
            .iter()
            .any(|c| p == c || p.starts_with(&format!("{c}/")))
    })
}

/// How a value appears in a presentation's JSON (a string quoted, so that `"SEN"` is not found
/// inside a base64url digest).
fn as_found(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

/// Verifies `file` with `extra` options; returns the exit code and the JSON report.
fn verify_json(home: &Path, file: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let out = laissez(home)
        .arg("verify")
        .arg(file)
        .arg("--json")
        .args(extra)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code(), report)
}

/// (profile, example subject, preset): one example per profile to which its preset applies.
const PRESETS: [(&str, &str, &str); 5] = [
    (
        "legal-identity",
        "legal-identity/examples/valid/arabic-stateless.json",
        "proof-of-registration",
    ),
    (
        "legal-identity",
        "legal-identity/examples/valid/arabic-stateless.json",
        "age-over-18",
    ),
    (
        "health-vaccination",
        "health-vaccination/examples/valid/yellow-fever-ihr.json",
        "yellow-fever",
    ),
    (
        "health-assessment",
        "health-assessment/examples/valid/geez-fit-to-travel.json",
        "fit-to-travel",
    ),
    (
        "travel-eligibility",
        "travel-eligibility/examples/valid/e-visa-linked-identity.json",
        "authorised-to-travel",
    ),
];

#[test]
fn every_preset_of_every_profile_with_both_mechanisms_shows_exactly_what_it_names() {
    let s = setup();
    for (profile, subject, preset) in PRESETS {
        // Every preset of the profile is covered by this table.
        let rules = Profiles::bundled()
            .get(profile)
            .unwrap()
            .disclosure()
            .unwrap();
        assert!(
            rules
                .presets
                .iter()
                .all(|p| PRESETS.iter().any(|(_, _, n)| *n == p.name)),
            "{profile} has a preset this test does not present"
        );
        for securing in ["ecdsa-sd-2023", "sd-jwt"] {
            let case = format!("{profile}-{preset}-{securing}");
            let issued_path = s.issue(profile, &example(subject), securing, &case);
            let issued = std::fs::read_to_string(&issued_path).unwrap();
            let view = full_view(&issued);
            let chosen = rules.preset_pointers(preset, &view).unwrap();
            let (shown, hidden) = split(&view, profile, &chosen);
            assert!(!shown.is_empty() && !hidden.is_empty(), "{case}");

            let presented_path = s.dir.path().join(format!("{case}.presentation"));
            let mut present = laissez(&s.home);
            present
                .arg("present")
                .arg(&issued_path)
                .args(["--preset", preset, "--out"])
                .arg(&presented_path);
            let mut verify_extra = vec![];
            if securing == "sd-jwt" {
                present.arg("--holder-key").arg(&s.holder_secret).args([
                    "--aud",
                    "kiosk.example",
                    "--nonce",
                    "n-4711",
                ]);
                verify_extra = vec!["--aud", "kiosk.example", "--nonce", "n-4711"];
            }
            let out = present.output().unwrap();
            assert!(
                out.status.success(),
                "{case}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let summary = String::from_utf8(out.stdout).unwrap();
            assert!(
                summary.contains(&format!("shown ({})", shown.len())),
                "{case}: {summary}"
            );
            assert!(
                summary.contains(&format!("hidden ({})", hidden.len())),
                "{case}: {summary}"
            );

            let presented = std::fs::read_to_string(&presented_path).unwrap();
            let seen = readable(&presented);
            for (p, v) in &shown {
                assert!(
                    seen.contains(&as_found(v)),
                    "{case}: {p} = {v} not in the presentation"
                );
            }
            // Every other string of the credential may legitimately appear; a hidden value equal
            // to one of them proves nothing either way.
            let mut everything = Vec::new();
            leaves(&view, "", &mut everything);
            let visible: Vec<&Value> = everything
                .iter()
                .filter(|(p, _)| !hidden.iter().any(|(h, _)| h == p))
                .map(|(_, v)| v)
                .collect();
            let mut checked = 0;
            for (p, v) in &hidden {
                if v.is_string() && !visible.contains(&v) {
                    assert!(
                        !seen.contains(&as_found(v)),
                        "{case}: hidden {p} = {v} leaks"
                    );
                    checked += 1;
                }
            }
            assert!(checked > 0, "{case}: no hidden value could be checked");

            let (code, report) = verify_json(&s.home, &presented_path, &verify_extra);
            assert_eq!(code, Some(3), "{case}: {report:#}");
            assert_eq!(report["verdict"], "issuer_not_checked", "{case}");
            let mut disclosed: Vec<String> = report["credential"]["disclosed"]
                .as_array()
                .unwrap_or_else(|| panic!("{case}: no disclosed list: {report:#}"))
                .iter()
                .map(|p| p.as_str().unwrap().to_owned())
                .collect();
            disclosed.sort();
            let mut expected: Vec<String> = shown.iter().map(|(p, _)| p.clone()).collect();
            expected.sort();
            assert_eq!(disclosed, expected, "{case}");
            let text_report = String::from_utf8(
                laissez(&s.home)
                    .arg("verify")
                    .arg(&presented_path)
                    .args(&verify_extra)
                    .output()
                    .unwrap()
                    .stdout,
            )
            .unwrap();
            assert!(
                text_report.contains(&format!("disclosed claims ({})", shown.len())),
                "{case}: {text_report}"
            );
            for (p, _) in &hidden {
                assert!(
                    !text_report.contains(&format!("({p})")),
                    "{case}: {p} reported"
                );
            }
        }
    }
}

#[test]
fn disclose_pointers_and_a_bound_ecdsa_sd_presentation() {
    let s = setup();
    let (profile, subject, _) = PRESETS[0];
    let issued = s.issue(profile, &example(subject), "ecdsa-sd-2023", "id");
    let vp = s.dir.path().join("vp.json");
    laissez(&s.home)
        .arg("present")
        .arg(&issued)
        .args(["--disclose", "/credentialSubject/givenNameLatin"])
        .arg("--holder-key")
        .arg(&s.holder_secret)
        .args(["--challenge", "c-1", "--domain", "border.example", "--out"])
        .arg(&vp)
        .assert()
        .success();
    let (code, report) = verify_json(
        &s.home,
        &vp,
        &["--challenge", "c-1", "--domain", "border.example"],
    );
    assert_eq!(code, Some(3), "{report:#}");
    assert_eq!(report["kind"], "presentation");
    assert_eq!(
        report["embedded"][0]["credential"]["disclosed"],
        serde_json::json!(["/credentialSubject/givenNameLatin"])
    );
    let (code, _) = verify_json(
        &s.home,
        &vp,
        &["--challenge", "c-2", "--domain", "border.example"],
    );
    assert_eq!(code, Some(1), "another challenge must fail");
}

#[test]
fn vc_jwt_and_data_integrity_through_securing() {
    let s = setup();
    let (profile, subject, _) = PRESETS[0];
    for (securing, suite) in [
        ("vc+jwt", None),
        ("ecdsa-rdfc-2019", Some("ecdsa-rdfc-2019")),
    ] {
        let issued = s.issue(
            profile,
            &example(subject),
            securing,
            &format!("c-{}", securing.replace('+', "-")),
        );
        let (code, report) = verify_json(&s.home, &issued, &[]);
        assert_eq!(code, Some(3), "{securing}: {report:#}");
        assert_eq!(report["credential"]["profile"], profile);
        if let Some(suite) = suite {
            assert_eq!(report["credential"]["cryptosuites"][0], suite);
        } else {
            assert!(std::fs::read_to_string(&issued).unwrap().starts_with("eyJ"));
        }
    }
    let out = laissez(&s.home)
        .args([
            "issue",
            "--profile",
            profile,
            "--suite",
            "eddsa-rdfc-2022",
            "--securing",
            "sd-jwt",
            "--subject",
        ])
        .arg(example(subject))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "--suite and --securing exclude each other"
    );
}

#[test]
fn revocation_works_for_every_mechanism_and_sd_jwt_uses_the_token_status_list() {
    let s = setup();
    let anchor = s.dir.path().join("anchor");
    laissez(&anchor).arg("init").assert().success();
    let shown = String::from_utf8(
        laissez(&anchor)
            .args(["key", "show", "ed25519-1"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let anchor_did = shown
        .lines()
        .find(|l| l.starts_with("did:key"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .to_owned();
    let (profile, subject, preset) = PRESETS[0];
    // (what a verifier is shown, the credential id to revoke)
    let mut shown_to_verifier: Vec<(PathBuf, String)> = Vec::new();
    let issued = s.issue(profile, &example(subject), "sd-jwt", "revocable-sd-jwt");
    let text = std::fs::read_to_string(&issued).unwrap();
    let claims = SdJwt::parse(text.trim()).unwrap().claims().clone();
    shown_to_verifier.push((issued, claims["jti"].as_str().unwrap().to_owned()));
    for securing in ["vc+jwt", "ecdsa-sd-2023"] {
        let name = format!("revocable-{}", securing.replace('+', "-"));
        let issued = s.issue(profile, &example(subject), securing, &name);
        let (file, id) = if securing == "ecdsa-sd-2023" {
            let derived = s.dir.path().join(format!("{name}.derived.json"));
            laissez(&s.home)
                .arg("present")
                .arg(&issued)
                .args(["--preset", preset, "--out"])
                .arg(&derived)
                .assert()
                .success();
            let base = full_view(&std::fs::read_to_string(&issued).unwrap());
            (derived, base["id"].as_str().unwrap().to_owned())
        } else {
            // The vc+jwt payload is the credential.
            let token = std::fs::read_to_string(&issued).unwrap();
            let payload = Base64::UrlSafeNoPad
                .decode(token.split('.').nth(1).unwrap())
                .unwrap();
            let cred: Value = serde_json::from_slice(&payload).unwrap();
            (issued, cred["id"].as_str().unwrap().to_owned())
        };
        shown_to_verifier.push((file, id));
    }
    let bundle = |version: u32| {
        let out = laissez(&s.home)
            .args(["status", "publish"])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("/p256/token/0"));
        let b = s.dir.path().join(format!("bundle-{version}.json"));
        laissez(&anchor)
            .args([
                "bundle",
                "create",
                "--version",
                &version.to_string(),
                "--out",
            ])
            .arg(&b)
            .assert()
            .success();
        laissez(&anchor)
            .args(["bundle", "add-issuer"])
            .arg(&b)
            .arg("--from-home")
            .arg(&s.home)
            .assert()
            .success();
        laissez(&anchor)
            .args(["bundle", "sign", "--anchor-key", "ed25519-1"])
            .arg(&b)
            .assert()
            .success();
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&b).unwrap()).unwrap();
        assert_eq!(json["statusListTokens"].as_array().map(Vec::len), Some(1));
        b
    };
    let verdict = |b: &Path, file: &Path| {
        let (code, report) = verify_json(
            &s.home,
            file,
            &["--bundle", b.to_str().unwrap(), "--anchor", &anchor_did],
        );
        (
            code,
            report["verdict"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let b1 = bundle(1);
    for (file, _) in &shown_to_verifier {
        assert_eq!(verdict(&b1, file), (Some(0), "valid".into()), "{file:?}");
    }
    for (_, id) in &shown_to_verifier {
        laissez(&s.home).args(["revoke", id]).assert().success();
    }
    let b2 = bundle(2);
    for (file, _) in &shown_to_verifier {
        assert_eq!(verdict(&b2, file), (Some(1), "revoked".into()), "{file:?}");
    }
    // The registry exports the JWT forms as strings.
    let out = laissez(&s.home)
        .args(["registry", "export"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (securing, is_text) in [("sd-jwt", true), ("vc+jwt", true), ("ecdsa-sd-2023", false)] {
        let row = rows.iter().find(|r| r["suite"] == securing).unwrap();
        assert_eq!(row["credential"].is_string(), is_text, "{securing}");
    }
}

/// Runs `laissez ARGS` expecting exit code 2 and one error line; returns it.
fn refused(home: &Path, args: &[&str]) -> String {
    let out = laissez(home).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.starts_with("laissez: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    err
}

#[test]
fn refusals_are_clear() {
    let s = setup();
    let (profile, subject, _) = PRESETS[0];
    let sd = s.issue(profile, &example(subject), "sd-jwt", "sd");
    let base = s.issue(profile, &example(subject), "ecdsa-sd-2023", "base");
    let out = s.dir.path().join("p");
    let out = out.to_str().unwrap();
    for cred in [&sd, &base] {
        let cred = cred.to_str().unwrap();
        let err = refused(
            &s.home,
            &["present", cred, "--preset", "nope", "--out", out],
        );
        assert!(
            err.contains("[unknown_preset]")
                && err.contains("proof-of-registration (Proof of registration)"),
            "{err}"
        );
        let err = refused(
            &s.home,
            &["present", cred, "--disclose", "/issuer/name", "--out", out],
        );
        assert!(err.contains("not a selectively disclosable claim"), "{err}");
        let err = refused(
            &s.home,
            &[
                "present",
                cred,
                "--disclose",
                "/credentialSubject/nope",
                "--out",
                out,
            ],
        );
        assert!(err.contains("not a selectively disclosable claim"), "{err}");
    }
    let holder = s.holder_secret.to_str().unwrap();
    let err = refused(
        &s.home,
        &[
            "present",
            sd.to_str().unwrap(),
            "--preset",
            "proof-of-registration",
            "--holder-key",
            holder,
            "--aud",
            "a",
            "--out",
            out,
        ],
    );
    assert!(err.contains("missing: --challenge (--nonce)"), "{err}");
    let err = refused(
        &s.home,
        &[
            "present",
            base.to_str().unwrap(),
            "--preset",
            "proof-of-registration",
            "--challenge",
            "c",
            "--out",
            out,
        ],
    );
    assert!(
        err.contains("missing: --holder-key, --domain (--aud)"),
        "{err}"
    );
    let other = s.dir.path().join("other.jwk");
    laissez(&s.home)
        .args(["key", "export", "p256", "--secret", "--out"])
        .arg(&other)
        .assert()
        .success();
    let err = refused(
        &s.home,
        &[
            "present",
            sd.to_str().unwrap(),
            "--preset",
            "proof-of-registration",
            "--holder-key",
            other.to_str().unwrap(),
            "--aud",
            "a",
            "--nonce",
            "n",
            "--out",
            out,
        ],
    );
    assert!(
        err.contains("not the holder key this SD-JWT VC is bound to"),
        "{err}"
    );
    assert!(!Path::new(out).exists(), "nothing written on a refusal");

    let err = refused(
        &s.home,
        &[
            "issue",
            "--profile",
            profile,
            "--securing",
            "ecdsa-sd-2023",
            "--key",
            "ed25519-1",
            "--subject",
            example(subject).to_str().unwrap(),
        ],
    );
    assert!(err.contains("ecdsa-sd-2023 needs a P-256 key"), "{err}");
    let err = refused(
        &s.home,
        &[
            "issue",
            "--profile",
            profile,
            "--securing",
            "sd-jwt",
            "--key",
            "p256",
            "--subject",
            example(subject).to_str().unwrap(),
        ],
    );
    assert!(err.contains("not a did:key or did:jwk"), "{err}");
    let err = refused(
        &s.home,
        &[
            "issue",
            "--securing",
            "bbs-2023",
            "--subject",
            example(subject).to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("unknown securing mechanism") && err.contains("sd-jwt"),
        "{err}"
    );
    let plain = s.issue(profile, &example(subject), "ecdsa-jcs-2019", "plain");
    let err = refused(
        &s.home,
        &[
            "present",
            plain.to_str().unwrap(),
            "--preset",
            "proof-of-registration",
            "--out",
            out,
        ],
    );
    assert!(
        err.contains("neither an ecdsa-sd-2023 base-proof credential nor an SD-JWT VC"),
        "{err}"
    );
}

#[test]
fn presets_are_listed_in_the_readers_language() {
    let s = setup();
    let (profile, subject, _) = PRESETS[0];
    let sd = s.issue(profile, &example(subject), "sd-jwt", "sd");
    let out = laissez(&s.home)
        .args(["--lang", "fr", "present"])
        .arg(&sd)
        .arg("--list-presets")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("proof-of-registration") && text.contains("Preuve d'enregistrement"),
        "{text}"
    );
}
