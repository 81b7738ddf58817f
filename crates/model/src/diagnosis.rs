//! The engine errors learners hit most, each recognised and explained: a sentence on what happened and the exact fix
//! (the Porthole action and the docker CLI command).
//!
//! Invariants:
//! - The kind of an error is still derived from the engine's HTTP status (or the transport failure) alone, as
//!   `error` requires. The engine's reply text only *refines* a kind into one of these known cases: `recognise` looks
//!   only among the cases that kind can be (a name in use is only ever a 409, a port already allocated only a 500),
//!   never changes the kind, and a reply it does not recognise leaves the error as it was.
//! - Fixes that name a registry say `HOST:PORT`; `fix_for` puts the registry in when the caller knows it.

use crate::error_kind::ErrorKind;
use crate::system::UnreachableReason;
use serde::{Deserialize, Serialize};

/// A known engine error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Diagnosis {
    /// `pull access denied for x, repository does not exist or may require 'docker login'`.
    PullAccessDenied,
    /// `no basic auth credentials`: the registry wants a login and the engine has none for it.
    NoBasicAuthCredentials,
    /// `http: server gave HTTP response to HTTPS client`: a plain-HTTP registry the engine reaches over HTTPS.
    HttpResponseToHttpsClient,
    /// `Bind for 0.0.0.0:8080 failed: port is already allocated`.
    PortAlreadyAllocated,
    /// `Conflict. The container name "/x" is already in use by container …`.
    NameInUse,
    /// `image is being used by running container …` / `container … is using its referenced image …`.
    ImageInUse,
    /// `No such container: x`.
    NoSuchContainer,
    /// The engine's socket exists but this user may not open it.
    SocketPermissionDenied,
    /// `Cannot connect to the Docker daemon`: no socket, or nothing accepts connections there.
    DaemonUnreachable,
    /// `manifest unknown` / `name unknown`: the registry has no image with that name and tag.
    ManifestUnknown,
}

impl Diagnosis {
    pub const ALL: [Diagnosis; 10] = [
        Diagnosis::PullAccessDenied,
        Diagnosis::NoBasicAuthCredentials,
        Diagnosis::HttpResponseToHttpsClient,
        Diagnosis::PortAlreadyAllocated,
        Diagnosis::NameInUse,
        Diagnosis::ImageInUse,
        Diagnosis::NoSuchContainer,
        Diagnosis::SocketPermissionDenied,
        Diagnosis::DaemonUnreachable,
        Diagnosis::ManifestUnknown,
    ];

    /// The known case an error of `kind` with the engine's `reply` is, if any. Only the cases `kind` can be are
    /// considered (see the module's invariant).
    pub fn recognise(kind: ErrorKind, reply: &str) -> Option<Diagnosis> {
        use ErrorKind as K;
        let reply = reply.to_ascii_lowercase();
        let says = |words: &[&str]| words.iter().any(|w| reply.contains(w));
        // Registry trouble: Docker 20.10 answers most of it as a 500 (or inside the pull stream), some as 404.
        let from_registry = matches!(
            kind,
            K::NotFound | K::Unauthorized | K::Forbidden | K::InvalidInput | K::Internal
        );
        let found = match kind {
            K::EngineUnavailable if says(&["permission denied"]) => Self::SocketPermissionDenied,
            K::EngineUnavailable
                if says(&[
                    "cannot connect to the docker daemon",
                    "no such file or directory",
                    "connection refused",
                    "socket not found",
                ]) =>
            {
                Self::DaemonUnreachable
            }
            K::Conflict if says(&["is already in use by container"]) => Self::NameInUse,
            K::Conflict if says(&["image is being used by", "is using its referenced image"]) => {
                Self::ImageInUse
            }
            K::NotFound if says(&["no such container"]) => Self::NoSuchContainer,
            K::Internal | K::Conflict
                if says(&["port is already allocated"])
                    || (says(&["address already in use"]) && says(&["bind"])) =>
            {
                Self::PortAlreadyAllocated
            }
            _ if from_registry && says(&["pull access denied"]) => Self::PullAccessDenied,
            _ if from_registry && says(&["no basic auth credentials"]) => {
                Self::NoBasicAuthCredentials
            }
            _ if from_registry && says(&["http response to https client"]) => {
                Self::HttpResponseToHttpsClient
            }
            K::NotFound | K::Internal
                if says(&[
                    "manifest unknown",
                    "name unknown",
                    "repository name not known to registry",
                ]) =>
            {
                Self::ManifestUnknown
            }
            _ => return None,
        };
        Some(found)
    }

    /// The known case a failed connection is, if any.
    pub fn from_unreachable(reason: UnreachableReason) -> Option<Diagnosis> {
        match reason {
            UnreachableReason::PermissionDenied => Some(Self::SocketPermissionDenied),
            UnreachableReason::NoSocket | UnreachableReason::ConnectionRefused => {
                Some(Self::DaemonUnreachable)
            }
            UnreachableReason::ApiTooOld
            | UnreachableReason::NotDocker
            | UnreachableReason::BadEndpoint
            | UnreachableReason::TlsUntrusted
            | UnreachableReason::TlsExpired
            | UnreachableReason::TlsWrongHost
            | UnreachableReason::TlsClientRefused
            | UnreachableReason::TlsFiles
            | UnreachableReason::TlsNotSpoken
            | UnreachableReason::SshUnknownHost
            | UnreachableReason::SshHostKeyChanged
            | UnreachableReason::SshRefused
            | UnreachableReason::SshNoDocker => None,
        }
    }

    /// What happened, in one sentence.
    pub fn what_happened(self) -> &'static str {
        match self {
            Self::PullAccessDenied => {
                "The registry refused to hand out this image: the repository does not exist under that name, or it \
                 is private and needs a login."
            }
            Self::NoBasicAuthCredentials => {
                "The registry wants a login, and the engine has no credentials for it."
            }
            Self::HttpResponseToHttpsClient => {
                "The registry speaks plain HTTP, but the engine only talks HTTPS to a registry that is not on this \
                 machine unless it is listed as insecure."
            }
            Self::PortAlreadyAllocated => {
                "The host port is already taken by another container or program, so the container could not start."
            }
            Self::NameInUse => "Another container already has that name.",
            Self::ImageInUse => "Containers still use this image, so the engine will not remove it.",
            Self::NoSuchContainer => "That container does not exist (any more): it was removed meanwhile.",
            Self::SocketPermissionDenied => {
                "Your user may not open the Docker engine's socket."
            }
            Self::DaemonUnreachable => {
                "The Docker engine cannot be reached: it is not running, or it listens somewhere else."
            }
            Self::ManifestUnknown => {
                "The registry has no image with that name and tag."
            }
        }
    }

    /// The exact fix: the Porthole action and the docker CLI command.
    pub fn fix(self) -> &'static str {
        match self {
            Self::PullAccessDenied => {
                "Check the spelling of the name (Docker Hub's own images are just `nginx`, others are `user/name`); \
                 if it is private, log in first (Registries → Log in, or `docker login HOST:PORT`), then pull again."
            }
            Self::NoBasicAuthCredentials => {
                "Log in to that registry (Registries → Log in, or `docker login HOST:PORT`), then try again."
            }
            Self::HttpResponseToHttpsClient => {
                "If you trust it, add it to the engine's `/etc/docker/daemon.json` as `{\"insecure-registries\": \
                 [\"HOST:PORT\"]}` (Docker Desktop: Settings → Docker Engine) and restart the engine \
                 (`sudo systemctl restart docker`), or serve the registry over HTTPS."
            }
            Self::PortAlreadyAllocated => {
                "Choose another host port in Run → Ports (`docker run -p 8081:80 …`), or stop whatever uses it \
                 (Containers → Stop, or `docker ps` to find it and `docker stop NAME`)."
            }
            Self::NameInUse => {
                "Choose another name in Run → Name (`docker run --name other-name …`), or remove the old container \
                 first (Containers → Remove, or `docker rm -f NAME`)."
            }
            Self::ImageInUse => {
                "Remove the containers made from it first (Containers → Remove, or `docker rm -f CONTAINER`), then \
                 remove the image again (`docker rmi IMAGE`)."
            }
            Self::NoSuchContainer => {
                "Pick it again from the refreshed Containers list (`docker ps -a` lists every container)."
            }
            Self::SocketPermissionDenied => {
                "Add yourself to the `docker` group (`sudo usermod -aG docker $USER`, then log out and in again), \
                 or use a rootless engine; then press Retry now."
            }
            Self::DaemonUnreachable => {
                "Start the engine (`sudo systemctl start docker`, or start Docker Desktop), or point DOCKER_HOST at \
                 the engine you want (`docker context ls`); Porthole reconnects by itself, or press Retry now."
            }
            Self::ManifestUnknown => {
                "Check the name and the tag: Registries → Browse lists the tags a registry has (`docker search` or \
                 the registry's page for Docker Hub); pull an existing tag (`docker pull name:tag`)."
            }
        }
    }

    /// The fix with the registry's address in place of `HOST:PORT`.
    pub fn fix_for(self, registry: &str) -> String {
        self.fix().replace("HOST:PORT", registry)
    }

    /// What happened and the fix, as the error's message.
    pub fn message(self) -> String {
        format!("{} {}", self.what_happened(), self.fix())
    }

    /// The message with the registry's address in place of `HOST:PORT`.
    pub fn message_for(self, registry: &str) -> String {
        format!("{} {}", self.what_happened(), self.fix_for(registry))
    }
}

impl UnreachableReason {
    /// The known case this connection failure is, if any (see `Diagnosis::from_unreachable`).
    pub fn diagnosis(self) -> Option<Diagnosis> {
        Diagnosis::from_unreachable(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ErrorKind as K;

    /// Replies as Docker 20.10 gives them (status → kind), and the docker CLI's own words for transport failures.
    const REPLIES: &[(ErrorKind, &str, Diagnosis)] = &[
        (
            K::NotFound,
            "pull access denied for 127.0.0.1:5009/nope/nothing, repository does not exist or may require 'docker \
             login': denied: requested access to the resource is denied",
            Diagnosis::PullAccessDenied,
        ),
        (
            K::Internal,
            "Head \"http://127.0.0.1:5001/v2/nope/nothing/manifests/1\": no basic auth credentials",
            Diagnosis::NoBasicAuthCredentials,
        ),
        (
            K::Internal,
            "Get \"https://10.123.0.1:5002/v2/\": http: server gave HTTP response to HTTPS client",
            Diagnosis::HttpResponseToHttpsClient,
        ),
        (
            K::Internal,
            "driver failed programming external connectivity on endpoint web (11543f30): Bind for 0.0.0.0:18080 \
             failed: port is already allocated",
            Diagnosis::PortAlreadyAllocated,
        ),
        (
            K::Internal,
            "driver failed programming external connectivity on endpoint web (1154): Error starting userland proxy: \
             listen tcp4 0.0.0.0:18080: bind: address already in use",
            Diagnosis::PortAlreadyAllocated,
        ),
        (
            K::Conflict,
            "Conflict. The container name \"/ph-probe-a\" is already in use by container \"942d33911c20\". You have \
             to remove (or rename) that container to be able to reuse that name.",
            Diagnosis::NameInUse,
        ),
        (
            K::Conflict,
            "conflict: unable to delete d747cf33d867 (cannot be forced) - image is being used by running container \
             942d33911c20",
            Diagnosis::ImageInUse,
        ),
        (
            K::Conflict,
            "conflict: unable to remove repository reference \"porthole-test/web:1\" (must force) - container \
             942d33911c20 is using its referenced image d747cf33d867",
            Diagnosis::ImageInUse,
        ),
        (
            K::NotFound,
            "No such container: ph-nope-xyz",
            Diagnosis::NoSuchContainer,
        ),
        (
            K::EngineUnavailable,
            "Got permission denied while trying to connect to the Docker daemon socket at \
             unix:///var/run/docker.sock: dial unix /var/run/docker.sock: connect: permission denied",
            Diagnosis::SocketPermissionDenied,
        ),
        (
            K::EngineUnavailable,
            "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
            Diagnosis::DaemonUnreachable,
        ),
        (
            K::EngineUnavailable,
            "error trying to connect: Connection refused (os error 111)",
            Diagnosis::DaemonUnreachable,
        ),
        (
            K::NotFound,
            "manifest for 127.0.0.1:5000/porthole/hello:nosuchtag not found: manifest unknown: manifest unknown",
            Diagnosis::ManifestUnknown,
        ),
        (
            K::NotFound,
            "repository 127.0.0.1:5000/nope not found: name unknown: repository name not known to registry",
            Diagnosis::ManifestUnknown,
        ),
    ];

    #[test]
    fn diagnosis_recognises_real_engine_replies() {
        for (kind, reply, expected) in REPLIES {
            assert_eq!(
                Diagnosis::recognise(*kind, reply),
                Some(*expected),
                "{kind:?}: {reply}"
            );
        }
        for diagnosis in Diagnosis::ALL {
            assert!(
                REPLIES.iter().any(|(_, _, d)| *d == diagnosis),
                "{diagnosis:?} has no real reply in the table"
            );
        }
    }

    #[test]
    fn diagnosis_only_refines_the_kind_the_status_gave() {
        // The same words under a kind that cannot be that case stay unrecognised.
        assert_eq!(
            Diagnosis::recognise(K::NotFound, "is already in use by container"),
            None
        );
        assert_eq!(
            Diagnosis::recognise(K::Internal, "No such container: x"),
            None
        );
        assert_eq!(Diagnosis::recognise(K::Conflict, "manifest unknown"), None);
        assert_eq!(Diagnosis::recognise(K::Internal, "permission denied"), None);
        assert_eq!(
            Diagnosis::recognise(K::Internal, "unauthorized: authentication required"),
            None
        );
        assert_eq!(Diagnosis::recognise(K::Conflict, ""), None);
    }

    #[test]
    fn diagnosis_has_a_sentence_and_a_fix_for_every_case() {
        for diagnosis in Diagnosis::ALL {
            assert!(diagnosis.what_happened().ends_with('.'), "{diagnosis:?}");
            assert!(diagnosis.fix().ends_with('.'), "{diagnosis:?}");
            // Every fix names the CLI command (in backticks).
            assert!(diagnosis.fix().contains('`'), "{diagnosis:?}");
            assert!(diagnosis.message().contains(diagnosis.fix()));
        }
        assert!(Diagnosis::NoBasicAuthCredentials
            .fix_for("127.0.0.1:5001")
            .contains("`docker login 127.0.0.1:5001`"));
    }

    #[test]
    fn diagnosis_of_connection_failures() {
        assert_eq!(
            UnreachableReason::PermissionDenied.diagnosis(),
            Some(Diagnosis::SocketPermissionDenied)
        );
        assert_eq!(
            UnreachableReason::NoSocket.diagnosis(),
            Some(Diagnosis::DaemonUnreachable)
        );
        assert_eq!(
            UnreachableReason::ConnectionRefused.diagnosis(),
            Some(Diagnosis::DaemonUnreachable)
        );
        assert_eq!(UnreachableReason::NotDocker.diagnosis(), None);
    }

    #[test]
    fn diagnosis_serialises_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&Diagnosis::HttpResponseToHttpsClient).unwrap(),
            "\"http_response_to_https_client\""
        );
    }
}
