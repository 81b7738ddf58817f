//! TLS to a `tcp://` engine, as the docker CLI does it: the engine's certificate checked against the context's
//! `ca.pem` (or the system's CAs when there is none) and the address's host name or IP, and the client
//! certificate (`cert.pem`, `key.pem`) shown when the engine asks for one (`dockerd --tlsverify`).
//!
//! Owns: the files a TLS endpoint names (`TlsFiles`), turning them into one rustls client configuration per
//! connection (`Connector`, made once and shared by every request), and telling a TLS failure's kind from
//! rustls's typed errors (`reason_in`), never from message text.
//!
//! Invariant: verification is skipped only where the user's own context says `SkipTLSVerify` — never by default.

use crate::system::connection::Unreachable;
use porthole_model::UnreachableReason;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{
    AlertDescription, CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The TLS material of an endpoint: a context's `contexts/tls/<digest>/docker/` files, or
/// `DOCKER_CERT_PATH`'s when `DOCKER_TLS_VERIFY` is set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TlsFiles {
    pub ca: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    /// The context's `SkipTLSVerify`: the engine's certificate is not checked at all.
    pub skip_verify: bool,
}

impl TlsFiles {
    /// The `ca.pem`, `cert.pem` and `key.pem` that exist in `folder` (the CLI's names for them).
    pub fn in_folder(folder: &Path, skip_verify: bool) -> Self {
        let file = |name: &str| Some(folder.join(name)).filter(|p| p.is_file());
        Self {
            ca: file("ca.pem"),
            cert: file("cert.pem"),
            key: file("key.pem"),
            skip_verify,
        }
    }

    /// Whether there is anything to use: a context without TLS files speaks plain HTTP.
    pub fn is_empty(&self) -> bool {
        self.ca.is_none() && self.cert.is_none() && self.key.is_none() && !self.skip_verify
    }
}

/// A ready TLS client for one engine address.
#[derive(Clone, Debug)]
pub(crate) struct Connector {
    pub config: Arc<ClientConfig>,
    pub name: ServerName<'static>,
    pub files: TlsFiles,
}

impl Connector {
    /// Reads the files once; an unreadable or non-PEM file is a `TlsFiles` failure naming the file.
    pub fn new(files: &TlsFiles, address: &str) -> Result<Self, Unreachable> {
        let refuse = |detail: String| Unreachable {
            reason: UnreachableReason::TlsFiles,
            detail,
        };
        let host = address
            .rsplit_once(':')
            .map_or(address, |(host, _)| host)
            .trim_start_matches('[')
            .trim_end_matches(']');
        let name = ServerName::try_from(host.to_owned())
            .map_err(|_| refuse(format!("{host} is not a host name or IP address")))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| refuse(e.to_string()))?;
        let builder = if files.skip_verify {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Unverified(provider)))
        } else {
            builder.with_root_certificates(roots(files.ca.as_deref()).map_err(refuse)?)
        };
        let config = match (&files.cert, &files.key) {
            (Some(cert), Some(key)) => {
                let chain = CertificateDer::pem_file_iter(cert)
                    .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                    .map_err(|e| refuse(format!("{}: {e}", cert.display())))?;
                let key = PrivateKeyDer::from_pem_file(key)
                    .map_err(|e| refuse(format!("{}: {e}", key.display())))?;
                builder
                    .with_client_auth_cert(chain, key)
                    .map_err(|e| refuse(format!("the client certificate and key: {e}")))?
            }
            _ => builder.with_no_client_auth(),
        };
        Ok(Self {
            config: Arc::new(config),
            name,
            files: files.clone(),
        })
    }

    /// The curl flags that make the same connection from a terminal.
    pub fn curl_flags(&self) -> String {
        let mut flags = String::new();
        for (flag, file) in [
            ("--cacert", &self.files.ca),
            ("--cert", &self.files.cert),
            ("--key", &self.files.key),
        ] {
            if let Some(file) = file {
                flags += &format!(
                    " {flag} {}",
                    porthole_model::activity::shell_quote(&file.display().to_string())
                );
            }
        }
        if self.files.skip_verify {
            flags += " --insecure";
        }
        flags
    }
}

/// The CA file's certificates, or the system's CAs without one (as the CLI falls back to them).
fn roots(ca: Option<&Path>) -> Result<rustls::RootCertStore, String> {
    let mut store = rustls::RootCertStore::empty();
    let certs = match ca {
        Some(ca) => CertificateDer::pem_file_iter(ca)
            .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
            .map_err(|e| format!("{}: {e}", ca.display()))?,
        None => rustls_native_certs::load_native_certs().certs,
    };
    let (added, _) = store.add_parsable_certificates(certs);
    if added == 0 {
        return Err(match ca {
            Some(ca) => format!("{} holds no CA certificate", ca.display()),
            None => "the system has no CA certificates".into(),
        });
    }
    Ok(store)
}

/// The kind of a TLS failure anywhere in an error's source chain, if it was one. rustls's error travels inside
/// an `io::Error`, whose `source()` skips it, so each `io::Error` is opened as well.
pub(crate) fn reason_in(error: &(dyn std::error::Error + 'static)) -> Option<UnreachableReason> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = current {
        let inner = error
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<rustls::Error>());
        if let Some(tls) = error.downcast_ref::<rustls::Error>().or(inner) {
            return Some(reason(tls));
        }
        current = error.source();
    }
    None
}

fn reason(error: &rustls::Error) -> UnreachableReason {
    use rustls::Error as E;
    match error {
        E::InvalidCertificate(
            CertificateError::Expired
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYet
            | CertificateError::NotValidYetContext { .. },
        ) => UnreachableReason::TlsExpired,
        E::InvalidCertificate(
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
        ) => UnreachableReason::TlsWrongHost,
        E::InvalidCertificate(_) => UnreachableReason::TlsUntrusted,
        E::AlertReceived(AlertDescription::CertificateExpired) => UnreachableReason::TlsExpired,
        E::AlertReceived(
            AlertDescription::BadCertificate
            | AlertDescription::UnknownCA
            | AlertDescription::CertificateRequired
            | AlertDescription::CertificateUnknown
            | AlertDescription::UnsupportedCertificate
            | AlertDescription::CertificateRevoked
            | AlertDescription::AccessDenied,
        ) => UnreachableReason::TlsClientRefused,
        E::InvalidMessage(_)
        | E::InappropriateMessage { .. }
        | E::InappropriateHandshakeMessage { .. } => UnreachableReason::TlsNotSpoken,
        _ => UnreachableReason::NotDocker,
    }
}

/// The verifier of a context that says `SkipTLSVerify`: signatures are still checked (the handshake needs them),
/// the certificate's issuer, dates and names are not.
#[derive(Debug)]
struct Unverified(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
