//! Hostile SD-JWT and `ecdsa-sd-2023` inputs (`common/hostile_inputs.rs`): each is refused with
//! its own code, never a panic. How long each refusal takes is measured by the `hostile` bench
//! (`cargo bench -p credential-core --bench hostile`), not asserted here.

#![cfg(feature = "ecdsa-sd")]

#[path = "common/hostile_inputs.rs"]
mod hostile_inputs;

use hostile_inputs::{ecdsa_sd_cases, sd_jwt_cases, Case, Target};

fn check(cases: Vec<Case>) {
    let target = Target::new();
    let mut wrong = Vec::new();
    for case in &cases {
        let found = target.run(&case.input);
        if found != case.code {
            wrong.push(format!(
                "{}: expected {}, got {found}",
                case.name, case.code
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn hostile_sd_jwts_are_refused_with_their_codes() {
    check(sd_jwt_cases());
}

#[test]
fn hostile_ecdsa_sd_proofs_are_refused_with_their_codes() {
    check(ecdsa_sd_cases());
}
