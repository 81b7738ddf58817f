//! SSH engines, reached as the docker CLI reaches them: the system's `ssh` (so the user's agent, keys, config and
//! known_hosts apply) runs `docker system dial-stdio` on the far side, and HTTP goes through its stdin and stdout.
//! Every request's `ssh` shares one connection to the machine (OpenSSH's ControlMaster, kept 60 s after the last
//! use), so only the first one pays for the handshake.
//!
//! Owns: the `ssh://[user@]host[:port]` address (`SshTarget`), the stream of one request (`SshStream`), and — when
//! connecting failed — finding out why from what ssh and the system answer, never from ssh's message text: the host
//! key looked up in the known_hosts files `ssh -G` names (`ssh-keygen -F`) and compared with what the machine shows
//! (`ssh-keyscan`), a TCP connection to the port, the exit status of a login (255: refused) and of `docker` on the
//! far side (127: missing).
//!
//! Invariant: `BatchMode=yes` — Porthole never answers a host-key or password prompt on the user's behalf.

use crate::system::connection::Unreachable;
use porthole_model::UnreachableReason;
use std::path::PathBuf;
use std::pin::Pin;
use std::process::Stdio;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

/// Where an `ssh://` engine is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SshTarget {
    pub user: Option<String>,
    pub host: String,
    pub port: Option<u16>,
}

impl SshTarget {
    /// `ssh://[user@]host[:port]`; `None` for any other address.
    /// `ssh://[user@]host[:port]`, the host an IPv6 address in brackets; `None` for any other address, and for a
    /// user or host that is not plain (`parse_host` refuses those as typed).
    pub fn parse(address: &str) -> Option<Self> {
        let rest = address.strip_prefix("ssh://")?.trim_end_matches('/');
        let (user, at) = match rest.rsplit_once('@') {
            Some((user, host)) => (Some(user.to_owned()), host),
            None => (None, rest),
        };
        let (host, port) = match at.strip_prefix('[') {
            Some(bracketed) => {
                let (host, after) = bracketed.split_once(']')?;
                let port = match after.strip_prefix(':') {
                    Some(port) => Some(port.parse().ok()?),
                    None if after.is_empty() => None,
                    None => return None,
                };
                (host, port)
            }
            None => match at.rsplit_once(':') {
                Some((host, port)) => (host, Some(port.parse().ok()?)),
                None => (at, None),
            },
        };
        let plain = |word: &str| {
            !word.is_empty()
                && !word.starts_with('-')
                && word
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
        };
        (plain(host) && user.as_deref().is_none_or(plain)).then(|| Self {
            user,
            host: host.to_owned(),
            port,
        })
    }

    /// `-l user -p port -- host`, as the CLI passes them.
    fn destination(&self) -> Vec<String> {
        let mut args = Vec::new();
        if let Some(user) = &self.user {
            args.extend(["-l".to_owned(), user.clone()]);
        }
        if let Some(port) = self.port {
            args.extend(["-p".to_owned(), port.to_string()]);
        }
        args.extend(["--".to_owned(), self.host.clone()]);
        args
    }

    /// `ssh … host REMOTE…`, sharing the connection with every other request to this machine.
    fn command(&self, remote: &[&str]) -> Command {
        let mut command = Command::new("ssh");
        command.args(["-o", "BatchMode=yes", "-o", "ConnectTimeout=10"]);
        if let Some(folder) = control_folder() {
            command.args(["-o", "ControlMaster=auto", "-o", "ControlPersist=60"]);
            command
                .arg("-o")
                .arg(format!("ControlPath={}/%C", folder.display()));
        }
        command
            .args(self.destination())
            .args(remote)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true);
        command
    }

    /// One request's connection: `docker system dial-stdio` on the far side.
    pub async fn connect(&self) -> std::io::Result<SshStream> {
        let mut child = self
            .command(&["docker", "system", "dial-stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(std::io::Error::other("ssh gave no pipes"));
        };
        Ok(SshStream {
            _child: child,
            stdin,
            stdout,
        })
    }

    /// The same request from a terminal: `remote` (curl on the far side, through its engine's socket) run by ssh,
    /// quoted once more for the far side's shell, which reads ssh's command line again.
    pub fn over_ssh(&self, remote: &str) -> String {
        let quote = porthole_model::activity::shell_quote;
        let mut words = vec!["ssh".to_owned()];
        words.extend(self.destination().iter().map(|w| quote(w)));
        words.push(quote(remote));
        words.join(" ")
    }

    /// Why connecting failed, found out step by step (only called once it has); `otherwise` is what the failed
    /// request itself was classified as, kept where no step finds anything more specific.
    pub async fn diagnose(&self, otherwise: Unreachable) -> Unreachable {
        let found = |reason| Unreachable {
            reason,
            detail: otherwise.detail.clone(),
        };
        let Some(resolved) = self.resolved().await else {
            return Unreachable {
                reason: UnreachableReason::BadEndpoint,
                detail: "ssh is not installed, or cannot read its configuration".into(),
            };
        };
        let address = (resolved.hostname.as_str(), resolved.port);
        match tokio::time::timeout(
            std::time::Duration::from_secs(5),
            tokio::net::TcpStream::connect(address),
        )
        .await
        {
            Ok(Ok(_)) => {}
            Ok(Err(error)) if error.kind() == std::io::ErrorKind::ConnectionRefused => {
                return found(UnreachableReason::ConnectionRefused)
            }
            _ => return otherwise,
        }
        let known = resolved.known_keys().await;
        if resolved.strict && known.is_empty() {
            return found(UnreachableReason::SshUnknownHost);
        }
        let status = |remote: &'static [&'static str]| {
            let mut command = self.command(remote);
            async move { command.status().await.ok().and_then(|s| s.code()) }
        };
        match status(&["true"]).await {
            Some(0) => {}
            Some(255) if resolved.strict && resolved.key_changed(&known).await => {
                return found(UnreachableReason::SshHostKeyChanged)
            }
            Some(255) => return found(UnreachableReason::SshRefused),
            _ => return otherwise,
        }
        match status(&["docker", "version", "--format", "{{.Client.Version}}"]).await {
            Some(127) => found(UnreachableReason::SshNoDocker),
            // The far side's docker itself failed (its engine down, its socket not this user's): what the
            // connection said is the best account of it.
            _ => otherwise,
        }
    }

    /// What ssh makes of this address with the user's config (`ssh -G`).
    async fn resolved(&self) -> Option<Resolved> {
        let output = Command::new("ssh")
            .arg("-G")
            .args(self.destination())
            .stdin(Stdio::null())
            .output()
            .await
            .ok()
            .filter(|o| o.status.success())?;
        let text = String::from_utf8_lossy(&output.stdout);
        let value = |key: &str| {
            text.lines()
                .find_map(|line| line.strip_prefix(key)?.strip_prefix(' '))
                .map(str::to_owned)
        };
        let home = std::env::var("HOME").unwrap_or_default();
        Some(Resolved {
            hostname: value("hostname")?,
            port: value("port")?.parse().ok()?,
            known_hosts: value("userknownhostsfile")
                .unwrap_or_default()
                .split_whitespace()
                .map(|f| PathBuf::from(f.replacen('~', &home, 1)))
                .chain([PathBuf::from("/etc/ssh/ssh_known_hosts")])
                .collect(),
            strict: !matches!(
                value("stricthostkeychecking").as_deref(),
                Some("false" | "no" | "off" | "accept-new")
            ),
        })
    }
}

/// ssh's own reading of an address.
struct Resolved {
    hostname: String,
    port: u16,
    known_hosts: Vec<PathBuf>,
    strict: bool,
}

impl Resolved {
    /// `[host]:port` off port 22, as known_hosts names a host.
    fn known_name(&self) -> String {
        if self.port == 22 {
            self.hostname.clone()
        } else {
            format!("[{}]:{}", self.hostname, self.port)
        }
    }

    /// The host keys (`type base64`) the known_hosts files hold for this host, found by `ssh-keygen -F`.
    async fn known_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for file in self.known_hosts.iter().filter(|f| f.is_file()) {
            let Ok(found) = Command::new("ssh-keygen")
                .arg("-F")
                .arg(self.known_name())
                .arg("-f")
                .arg(file)
                .stderr(Stdio::null())
                .output()
                .await
            else {
                continue;
            };
            keys.extend(key_fields(&String::from_utf8_lossy(&found.stdout)));
        }
        keys
    }

    /// Whether the machine now shows none of the keys known for it (`ssh-keyscan`): a reinstalled machine — or
    /// someone in between.
    async fn key_changed(&self, known: &[String]) -> bool {
        let Ok(scanned) = Command::new("ssh-keyscan")
            .args([
                "-T",
                "5",
                "-p",
                &self.port.to_string(),
                "--",
                &self.hostname,
            ])
            .stderr(Stdio::null())
            .output()
            .await
        else {
            return false;
        };
        let shown = key_fields(&String::from_utf8_lossy(&scanned.stdout));
        !shown.is_empty() && !shown.iter().any(|key| known.contains(key))
    }
}

/// `type base64` of each key line (`host type base64 [comment]`) in known_hosts-style text; comments skipped.
fn key_fields(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split_whitespace().skip(1);
            Some(format!("{} {}", fields.next()?, fields.next()?))
        })
        .collect()
}

/// Where the shared connections' sockets live: a folder of Porthole's own, only the user may enter.
fn control_folder() -> Option<PathBuf> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(|d| PathBuf::from(d).join("porthole-ssh"))
        .unwrap_or_else(|| {
            let uid = std::fs::metadata("/proc/self")
                .map(|m| m.uid())
                .unwrap_or(0);
            std::env::temp_dir().join(format!("porthole-ssh-{uid}"))
        });
    let _ = std::fs::DirBuilder::new().mode(0o700).create(&base);
    // A folder someone else made (or a link) is not used: without sharing, each request connects anew.
    let ours = std::fs::symlink_metadata(&base).ok().filter(|m| {
        m.is_dir()
            && m.mode() & 0o077 == 0
            && std::fs::metadata("/proc/self").is_ok_and(|me| me.uid() == m.uid())
    });
    ours.map(|_| base)
}

/// One request's connection: the ssh process's stdout to read, its stdin to write. Dropping it ends the process.
pub(crate) struct SshStream {
    _child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
}

impl AsyncRead for SshStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stdout).poll_read(cx, buf)
    }
}

impl AsyncWrite for SshStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().stdin).poll_write(cx, data)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stdin).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stdin).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_the_cli_reads_them() {
        let full = SshTarget::parse("ssh://me@build-box:2222").unwrap();
        assert_eq!(
            full.destination(),
            ["-l", "me", "-p", "2222", "--", "build-box"]
        );
        assert_eq!(
            full.over_ssh("curl 'http://localhost/a?x=1&y=2'"),
            "ssh -l me -p 2222 -- build-box 'curl '\\''http://localhost/a?x=1&y=2'\\'''",
            "quoted again for the far side's shell"
        );
        let v6 = SshTarget::parse("ssh://root@[fd00::2]:22").unwrap();
        assert_eq!((v6.host.as_str(), v6.port), ("fd00::2", Some(22)));
        assert_eq!(
            SshTarget::parse("ssh://x;touch /tmp/y@h"),
            None,
            "a user is a plain word"
        );
        let bare = SshTarget::parse("ssh://pi").unwrap();
        assert_eq!(bare.destination(), ["--", "pi"]);
        assert_eq!(
            SshTarget::parse("ssh://me@-oProxyCommand=x"),
            None,
            "never an option"
        );
        assert_eq!(SshTarget::parse("ssh://me@h:port"), None);
        assert_eq!(SshTarget::parse("tcp://h:1"), None);
    }
}
