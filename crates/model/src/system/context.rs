//! The engines a user has, as Porthole lists them: the docker CLI's contexts (the files `docker context ls`
//! reads), the engine `DOCKER_HOST` names, the default local socket, and Podman's Docker-compatible socket — each
//! with what a quick look at it found. Engines added in Porthole are docker contexts (`docker context create`), so
//! `docker --context NAME` in a terminal reaches the same engine.
//!
//! Owns: `EngineEntry` and its probe, the add form's checks (`EngineAdd`), and the command it amounts to.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

/// Where an engine entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EngineOrigin {
    /// The `DOCKER_HOST` variable Porthole was started with.
    DockerHost,
    /// A docker context (`~/.docker/contexts`).
    Context,
    /// The default local socket, `unix:///var/run/docker.sock`.
    Default,
    /// Podman's Docker-compatible socket.
    Podman,
}

/// One engine Porthole can show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineEntry {
    /// The context's name, or `DOCKER_HOST`, `default`, `podman`. Unique in the list; what `switch_engine` takes.
    pub name: String,
    /// `unix:///…`, `tcp://host:port`, `ssh://user@host`.
    pub host: String,
    pub description: String,
    pub origin: EngineOrigin,
    /// The engine Porthole shows now.
    pub current: bool,
    /// Whether Porthole reaches it over TLS (a context with TLS files, or `DOCKER_TLS_VERIFY`).
    #[serde(default)]
    pub tls: bool,
    /// What connecting to it found (`None` until looked at).
    pub probe: Option<EngineProbe>,
}

/// A quick look at one engine: reachable or why not, and its headline figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineProbe {
    pub reachable: bool,
    /// Why it could not be reached, in plain words (empty when reachable).
    pub problem: String,
    /// The kind of connection failure, when it was one (its `advice()` says what to do).
    #[serde(default)]
    pub reason: Option<crate::UnreachableReason>,
    /// The underlying error, for the curious.
    #[serde(default)]
    pub detail: String,
    /// `Docker` or `Podman` (see `EngineInfo::product`).
    #[serde(default)]
    pub product: String,
    pub version: String,
    /// `linux/x86_64`.
    pub platform: String,
    pub running: i64,
    pub stopped: i64,
    pub images: i64,
    pub swarm_manager: bool,
}

impl EngineProbe {
    /// `Docker 27.3.1`, `Podman 4.3.1`.
    pub fn product_version(&self) -> String {
        super::product_version(&self.product, &self.version)
    }
}

impl EngineEntry {
    /// The CLI flag that reaches this engine from a terminal: `--context NAME`, or `-H HOST`.
    pub fn cli_flag(&self) -> String {
        match self.origin {
            EngineOrigin::Context => format!("--context {}", self.name),
            EngineOrigin::Default => String::new(),
            EngineOrigin::DockerHost | EngineOrigin::Podman => format!("-H {}", self.host),
        }
    }
}

/// The "Add engine" form: a context to create.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineAdd {
    pub name: String,
    pub host: String,
    pub description: String,
    /// For `tcp://` with TLS: the CA that signed the engine's certificate (empty: the system's CAs).
    #[serde(default)]
    pub ca: String,
    /// The client certificate and its key, which an engine started with `--tlsverify` asks for (both or neither).
    #[serde(default)]
    pub cert: String,
    #[serde(default)]
    pub key: String,
}

/// A TLS file's path as `docker context create --docker` takes it: absolute, and free of the `,` and `"` that
/// would split or quote the CLI's comma-separated value.
fn parse_tls_path(text: &str) -> Result<String, InputError> {
    let path = text.trim();
    if !path.starts_with('/') {
        return Err(Input::TlsFile.refuse(format!(
            "{path:?} is not an absolute path: choose the file, or type its whole path from /."
        )));
    }
    if path.contains([',', '"', '\n']) {
        return Err(Input::TlsFile.refuse(
            "The docker CLI cannot take a path with a comma or a quote here: rename the file or its folder."
                .into(),
        ));
    }
    Ok(path.to_owned())
}

/// A context name as the docker CLI allows it: a letter or digit, then letters, digits, `_ . + -`.
pub fn parse_context_name(text: &str) -> Result<String, InputError> {
    let name = text.trim();
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '+' | '-'));
    if !ok {
        return Err(Input::ContextName.refuse(format!(
            "{name:?} is not a context name: a letter or digit, then letters, digits, _ . + or -."
        )));
    }
    if matches!(name, "default" | "DOCKER_HOST" | "podman") {
        return Err(Input::ContextName.refuse(format!(
            "{name} is taken by an engine Porthole always lists; choose another name."
        )));
    }
    Ok(name.to_owned())
}

/// An engine address: `unix:///absolute/path`, `tcp://host:port`, or `ssh://[user@]host[:port]`.
pub fn parse_host(text: &str) -> Result<String, InputError> {
    let host = text.trim();
    let port_ok = |port: &str| port.parse::<u16>().is_ok_and(|p| p > 0);
    let host_ok = |h: &str| {
        !h.is_empty()
            && h.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '[' | ']')
            })
    };
    if let Some(path) = host.strip_prefix("unix://") {
        // A comma or quote would add a field to the CLI's `--docker` value.
        if path.starts_with('/')
            && !path.contains(char::is_whitespace)
            && !path.contains([',', '"'])
        {
            return Ok(host.to_owned());
        }
        return Err(Input::EngineHost.refuse(
            "A socket address is unix:// then an absolute path, like unix:///run/docker.sock."
                .into(),
        ));
    }
    if let Some(rest) = host.strip_prefix("tcp://") {
        return match rest.rsplit_once(':') {
            Some((name, port)) if host_ok(name) && port_ok(port) => Ok(host.to_owned()),
            _ => Err(Input::EngineHost
                .refuse("A TCP address is tcp://host:port, like tcp://192.168.1.20:2376.".into())),
        };
    }
    if let Some(rest) = host.strip_prefix("ssh://") {
        let user_ok = |user: &str| {
            !user.is_empty()
                && !user.starts_with('-')
                && user
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        };
        let at_host = rest
            .rsplit_once('@')
            .map_or(rest, |(user, h)| if user_ok(user) { h } else { "" });
        let name = match at_host.rsplit_once(':') {
            Some((name, port)) if port_ok(port) => name,
            Some(_) => "",
            None => at_host,
        };
        if host_ok(name) && !name.starts_with('-') {
            return Ok(host.to_owned());
        }
        return Err(Input::EngineHost
            .refuse("An SSH address is ssh://user@host or ssh://user@host:port.".into()));
    }
    Err(Input::EngineHost.refuse("Start the address with unix://, tcp:// or ssh://.".into()))
}

impl EngineAdd {
    pub fn validate(&self) -> Result<(), crate::container::run::FieldError> {
        let field = |field: &str, message: String| crate::container::run::FieldError {
            field: field.into(),
            message,
        };
        parse_context_name(&self.name).map_err(|e| field("name", e.message))?;
        parse_host(&self.host).map_err(|e| field("host", e.message))?;
        if self.description.contains('\n') {
            return Err(field("description", "One line, please.".into()));
        }
        for (name, value) in [("ca", &self.ca), ("cert", &self.cert), ("key", &self.key)] {
            if !value.trim().is_empty() {
                parse_tls_path(value).map_err(|e| field(name, e.message))?;
            }
        }
        if self.uses_tls() && !self.host.trim().starts_with("tcp://") {
            return Err(field(
                "host",
                "Certificates are for tcp:// addresses; a socket or SSH needs none.".into(),
            ));
        }
        match (self.cert.trim().is_empty(), self.key.trim().is_empty()) {
            (false, true) => Err(field(
                "key",
                "A client certificate needs its key (key.pem).".into(),
            )),
            (true, false) => Err(field(
                "cert",
                "A key needs its client certificate (cert.pem).".into(),
            )),
            _ => Ok(()),
        }
    }

    /// Whether any TLS file was given: the engine is then reached over TLS.
    pub fn uses_tls(&self) -> bool {
        [&self.ca, &self.cert, &self.key]
            .iter()
            .any(|v| !v.trim().is_empty())
    }

    /// The `--docker` value: `host=…` and, with TLS, `ca=…,cert=…,key=…` (the CLI copies those files into the
    /// context's own folder).
    fn docker_endpoint(&self) -> String {
        let mut parts = vec![format!("host={}", self.host.trim())];
        for (name, value) in [("ca", &self.ca), ("cert", &self.cert), ("key", &self.key)] {
            if !value.trim().is_empty() {
                parts.push(format!("{name}={}", value.trim()));
            }
        }
        parts.join(",")
    }

    /// The arguments after `docker`.
    pub fn args(&self) -> Vec<String> {
        let mut words: Vec<String> = vec![
            "context".into(),
            "create".into(),
            self.name.trim().to_owned(),
        ];
        if !self.description.trim().is_empty() {
            words.extend(["--description".into(), self.description.trim().to_owned()]);
        }
        words.extend(["--docker".into(), self.docker_endpoint()]);
        words
    }

    /// `docker context create NAME --docker host=HOST[,ca=…,cert=…,key=…]`.
    pub fn cli(&self) -> String {
        let mut words = vec!["docker".to_owned()];
        words.extend(self.args());
        crate::container::run::join(&words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_each_kind() {
        assert!(parse_host("unix:///var/run/docker.sock").is_ok());
        assert!(parse_host("unix://relative.sock").is_err());
        assert!(parse_host("tcp://192.168.1.20:2376").is_ok());
        assert!(parse_host("tcp://[::1]:2375").is_ok());
        assert!(parse_host("tcp://host").is_err());
        assert!(parse_host("tcp://host:99999").is_err());
        assert!(parse_host("ssh://me@build-server").is_ok());
        assert!(parse_host("ssh://me@build-server:2222").is_ok());
        assert!(parse_host("ssh://@x").is_err());
        assert!(
            parse_host("ssh://me@-oProxyCommand").is_err(),
            "never an ssh option"
        );
        assert!(
            parse_host("ssh://a,ca=/etc/x@h").is_err(),
            "never another --docker field"
        );
        assert!(parse_host("ssh://x;touch /tmp/y@h").is_err());
        assert!(parse_host("unix:///run/a,ca=/x").is_err());
        assert!(parse_host("ssh://root@[fd00::2]:22").is_ok());
        assert!(parse_host("http://x:1").is_err());
    }

    #[test]
    fn the_context_command() {
        let add = EngineAdd {
            name: "build-box".into(),
            host: "tcp://10.0.0.5:2375".into(),
            description: "the build server".into(),
            ..Default::default()
        };
        assert!(add.validate().is_ok());
        assert_eq!(
            add.cli(),
            "docker context create build-box --description 'the build server' --docker host=tcp://10.0.0.5:2375"
        );
        assert_eq!(
            EngineAdd {
                name: "default".into(),
                ..add.clone()
            }
            .validate()
            .unwrap_err()
            .field,
            "name"
        );
        assert_eq!(
            EngineAdd {
                host: "x".into(),
                ..add
            }
            .validate()
            .unwrap_err()
            .field,
            "host"
        );
    }

    #[test]
    fn tls_files_go_with_tcp_and_in_pairs() {
        let add = EngineAdd {
            name: "secure".into(),
            host: "tcp://10.0.0.5:2376".into(),
            ca: "/certs/ca.pem".into(),
            cert: "/certs/cert.pem".into(),
            key: "/certs/key.pem".into(),
            ..Default::default()
        };
        assert!(add.validate().is_ok());
        assert!(add.uses_tls());
        assert_eq!(
            add.cli(),
            "docker context create secure --docker host=tcp://10.0.0.5:2376,ca=/certs/ca.pem,cert=/certs/cert.pem,key=/certs/key.pem"
        );
        let refused = |add: EngineAdd| add.validate().unwrap_err().field;
        assert_eq!(
            refused(EngineAdd {
                key: String::new(),
                ..add.clone()
            }),
            "key"
        );
        assert_eq!(
            refused(EngineAdd {
                cert: " ".into(),
                ..add.clone()
            }),
            "cert"
        );
        assert_eq!(
            refused(EngineAdd {
                ca: "certs/ca.pem".into(),
                ..add.clone()
            }),
            "ca"
        );
        assert_eq!(
            refused(EngineAdd {
                ca: "/certs,host=tcp://evil:1/ca.pem".into(),
                ..add.clone()
            }),
            "ca",
            "a comma would add a field to the CLI's value"
        );
        assert_eq!(
            refused(EngineAdd {
                host: "unix:///run/docker.sock".into(),
                ..add.clone()
            }),
            "host"
        );
        // Only a CA: the engine does not ask for a client certificate.
        assert!(EngineAdd {
            cert: String::new(),
            key: String::new(),
            ..add
        }
        .validate()
        .is_ok());
    }

    proptest::proptest! {
        /// Whatever is typed, an accepted form gives the CLI a `--docker` value of exactly the fields it names.
        #[test]
        fn an_accepted_form_names_only_its_own_fields(
            ca in "\\PC{0,30}", cert in "\\PC{0,30}", key in "\\PC{0,30}"
        ) {
            let add = EngineAdd {
                name: "x".into(),
                host: "tcp://h:2376".into(),
                ca: format!("/{ca}"),
                cert: format!("/{cert}"),
                key: format!("/{key}"),
                ..Default::default()
            };
            if add.validate().is_ok() {
                let args = add.args();
                let value = args.last().unwrap();
                let fields: Vec<&str> = value.split(',').map(|f| f.split('=').next().unwrap()).collect();
                proptest::prop_assert_eq!(fields, vec!["host", "ca", "cert", "key"]);
            }
        }
    }
}
