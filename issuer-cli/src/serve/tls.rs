//! TLS for the server: the operator's certificate chain and key (PEM), or a self-signed
//! certificate for `localhost` made at start-up for local use.

use crate::error::{io, CliError, CliResult};
use credential_core::message;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::path::Path;
use std::sync::Arc;
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::TlsAcceptor;

/// The acceptor for `cert` and `key` (both PEM files), or for a new self-signed certificate when
/// neither is given. HTTP/1.1 only (ALPN `http/1.1`).
pub fn acceptor(cert: Option<&Path>, key: Option<&Path>) -> CliResult<TlsAcceptor> {
    let (chain, key) = match (cert, key) {
        (Some(c), Some(k)) => (read_chain(c)?, read_key(k)?),
        _ => self_signed()?,
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_no_client_auth().with_single_cert(chain, key))
        .map_err(|e| CliError::input(message!("serve_tls_error", detail = e.to_string())))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

fn read_chain(path: &Path) -> CliResult<Vec<CertificateDer<'static>>> {
    let bytes = std::fs::read(path).map_err(|e| CliError::io(io::read, path, e))?;
    let chain = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| pem_error(path, &e.to_string()))?;
    if chain.is_empty() {
        return Err(pem_error(path, "no CERTIFICATE block"));
    }
    Ok(chain)
}

fn read_key(path: &Path) -> CliResult<PrivateKeyDer<'static>> {
    let bytes = std::fs::read(path).map_err(|e| CliError::io(io::read, path, e))?;
    PrivateKeyDer::from_pem_slice(&bytes).map_err(|e| pem_error(path, &e.to_string()))
}

fn pem_error(path: &Path, detail: &str) -> CliError {
    CliError::input(message!(
        "serve_tls_pem",
        path = path.display().to_string(),
        detail = detail
    ))
}

/// A self-signed certificate for `localhost`, `127.0.0.1` and `::1`.
fn self_signed() -> CliResult<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)> {
    let names = vec!["localhost".into(), "127.0.0.1".into(), "::1".into()];
    let certified = rcgen::generate_simple_self_signed(names)
        .map_err(|e| CliError::input(message!("serve_tls_error", detail = e.to_string())))?;
    let key = PrivatePkcs8KeyDer::from(certified.key_pair.serialize_der());
    Ok((
        vec![certified.cert.der().clone()],
        PrivateKeyDer::Pkcs8(key),
    ))
}
