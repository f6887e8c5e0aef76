//! Size table: every profile × suite, JSON bytes, envelope characters per encoding, and the QR
//! version at ECC M. `cargo bench -p credential-core --bench sizes`

#[path = "../tests/common/samples.rs"]
mod samples;

use credential_core::envelope::{self, Encoding};
use credential_core::jsonld::ContextStore;
use credential_core::qr::{Ecc, QrMatrix};
use credential_core::verify::Verifier;

fn main() {
    let verifier = Verifier::new(ContextStore::bundled());
    println!(
        "\n{:<38} {:>6} {:>9} {:>13} {:>10}",
        "profile/suite", "JSON", "generic", "generic-dict", "QR (M)"
    );
    for (name, cred) in samples::credentials(&verifier) {
        let json = serde_json::to_string(&cred).unwrap_or_default().len();
        let sizes: Vec<usize> = Encoding::ALL
            .iter()
            .map(|e| envelope::encode(&cred, *e).map(|t| t.len()).unwrap_or(0))
            .collect();
        let smallest = envelope::encode_smallest(&cred)
            .map(|(t, _)| t)
            .unwrap_or_default();
        let version = QrMatrix::new(&smallest, Ecc::M)
            .map(|m| format!("v{}", m.version))
            .unwrap_or_else(|_| "too big".into());
        println!(
            "{name:<38} {json:>6} {:>9} {:>13} {version:>10}",
            sizes[0], sizes[1]
        );
    }
}
