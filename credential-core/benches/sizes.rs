//! Size table: every profile × suite, JSON bytes, envelope characters per encoding, the smallest
//! envelope's payload bytes and its QR version at ECC M; then every legal-identity example with
//! `eddsa-rdfc-2022`. `cargo bench -p credential-core --bench sizes`

#[path = "../tests/common/samples.rs"]
mod samples;

use credential_core::envelope::{self, Encoding};
use credential_core::jsonld::ContextStore;
use credential_core::keys::SecretKey;
use credential_core::qr::{Ecc, QrMatrix};
use credential_core::suites::Cryptosuite;
use credential_core::verify::Verifier;
use rand_chacha::rand_core::SeedableRng;
use serde_json::Value;

fn row(name: &str, cred: &Value, store: &ContextStore) {
    let json = serde_json::to_string(cred).unwrap_or_default().len();
    let sizes: Vec<String> = Encoding::ALL
        .iter()
        .map(|e| {
            envelope::encode(cred, *e, store)
                .map(|t| t.len().to_string())
                .unwrap_or_else(|err| err.code().into())
        })
        .collect();
    let (smallest, used) = envelope::encode_smallest(cred, store).expect("encodable");
    // Payload bytes: Base45 carries 2 bytes in 3 characters.
    let body = smallest.len() - envelope::PREFIX.len();
    let payload = body / 3 * 2 + usize::from(body % 3 == 2);
    let version = QrMatrix::new(&smallest, Ecc::M)
        .map(|m| format!("v{}", m.version))
        .unwrap_or_else(|_| "too big".into());
    println!(
        "{name:<42} {json:>5} {:>8} {:>8} {:>7} {:>8} {payload:>8} {:>12} {version:>7}",
        sizes[0],
        sizes[1],
        sizes[2],
        sizes[3],
        used.name()
    );
}

fn header(title: &str) {
    println!(
        "\n{title:<42} {:>5} {:>8} {:>8} {:>7} {:>8} {:>8} {:>12} {:>7}",
        "JSON", "generic", "gen-dict", "cborld", "cbor-z", "payload", "smallest", "QR (M)"
    );
}

fn main() {
    let verifier = Verifier::new(ContextStore::bundled());
    let store = verifier.processor().store();
    println!("Envelope characters per encoding; payload = bytes inside the smallest envelope.");
    header("profile/suite");
    for (name, cred) in samples::credentials(&verifier) {
        row(&name, &cred, store);
    }
    header("legal-identity example (eddsa-rdfc-2022)");
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
    let key = SecretKey::generate(Cryptosuite::EddsaRdfc2022.default_algorithm(), &mut rng);
    for (name, subject) in samples::examples("legal-identity") {
        let cred = samples::sign(
            &verifier,
            "legal-identity",
            subject,
            Cryptosuite::EddsaRdfc2022,
            &key,
        );
        row(&name, &cred, store);
    }
}
