//! How long each hostile selective-disclosure input takes to be refused (the inputs and their
//! codes: `tests/common/hostile_inputs.rs`; the codes are checked by `tests/hostile_sd.rs` and
//! again here before measuring). The bound the project claims is 50 ms each.
//! `cargo bench -p credential-core --bench hostile`

#[path = "../tests/common/hostile_inputs.rs"]
mod hostile_inputs;

use criterion::{criterion_group, criterion_main, Criterion};
use hostile_inputs::{ecdsa_sd_cases, sd_jwt_cases, Target};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let target = Target::new();
    let mut group = c.benchmark_group("hostile");
    for case in sd_jwt_cases().into_iter().chain(ecdsa_sd_cases()) {
        let found = target.run(&case.input);
        assert_eq!(found, case.code, "{}", case.name);
        group.bench_function(case.name, |b| b.iter(|| target.run(black_box(&case.input))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
