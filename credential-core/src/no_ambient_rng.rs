//! On `wasm32-unknown-unknown` there is no OS randomness, and the core wants none: randomness
//! comes only from RNG arguments. This registers a getrandom 0.2 backend that always fails, so a
//! dependency reaching for ambient randomness gets an error instead of silently working.
//! (getrandom 0.3 is configured the same way by `.cargo/config.toml`: backend `unsupported`.)

fn refuse(_dest: &mut [u8]) -> Result<(), getrandom::Error> {
    Err(getrandom::Error::UNSUPPORTED)
}

getrandom::register_custom_getrandom!(refuse);
