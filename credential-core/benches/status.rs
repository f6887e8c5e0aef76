//! Bitstring Status List: decoding a 1,000,000-entry list once, and a status check after loading.
//! `cargo bench -p credential-core --bench status`

use credential_core::status::StatusList;
use criterion::{criterion_group, criterion_main, Criterion};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
    let mut list = StatusList::new(1_000_000);
    // 1 % revoked, spread at random: a realistic, poorly compressible list.
    for _ in 0..10_000 {
        list.set((rng.next_u32() % 1_000_000) as usize, true)
            .unwrap();
    }
    let encoded = list.encode();
    println!("1,000,000-entry list: {} encoded characters", encoded.len());
    c.bench_function("status-list/decode-1M", |b| {
        b.iter(|| StatusList::decode(black_box(&encoded)).unwrap())
    });
    let decoded = StatusList::decode(&encoded).unwrap();
    c.bench_function("status-list/check", |b| {
        b.iter(|| decoded.get(black_box(765_432)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(300));
    targets = bench
}
criterion_main!(benches);
