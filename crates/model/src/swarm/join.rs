//! Joining an existing swarm from this engine: the manager's address, the join token it gave, and the address this
//! engine is reached at — checked before anything is sent, as `docker swarm join` would take them.

use super::SwarmAction;
use crate::input::{Input, InputError};

/// The port a swarm manager listens on unless told otherwise.
pub const MANAGER_PORT: u16 = 2377;

/// The CLI's default listen address: every address of the machine.
pub const LISTEN_EVERYWHERE: &str = "0.0.0.0:2377";

/// Where a node listens for the swarm. On an address of the engine's own (`local`), only there, on the manager
/// port: two engines on one machine (rootless beside rootful, or a test rig) can then each be a node. An advertised
/// address that is not the engine's (a public address in front of NAT) keeps the CLI's default, every address.
pub fn listen_address(advertise: &str, local: &[String]) -> String {
    let advertise = advertise.trim();
    let host = match advertise.parse::<std::net::Ipv6Addr>() {
        Ok(_) => advertise,
        Err(_) => advertise
            .rsplit_once(':')
            .map_or(advertise, |(host, _)| host)
            .trim_start_matches('[')
            .trim_end_matches(']'),
    };
    if !local.iter().any(|address| address == host) {
        return LISTEN_EVERYWHERE.into();
    }
    if host.contains(':') {
        format!("[{host}]:{MANAGER_PORT}")
    } else {
        format!("{host}:{MANAGER_PORT}")
    }
}

/// The join form's three fields as a `SwarmAction::Join`: the manager as `host[:port]` (2377 when left out), a
/// token as a manager prints it (`SWMTKN-1-…`), and an address of this engine (`local`: the engine's own
/// addresses, for where it listens).
pub fn parse_join(
    remote: &str,
    token: &str,
    advertise: &str,
    local: &[String],
) -> Result<SwarmAction, InputError> {
    let remote = remote.trim();
    let host_ok = |host: &str| {
        !host.is_empty()
            && host.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '[' | ']')
            })
    };
    let remote = match remote.rsplit_once(':') {
        Some((host, port))
            if !host.ends_with(':')
                && port.parse::<u16>().is_ok_and(|p| p > 0)
                && host_ok(host) =>
        {
            remote.to_owned()
        }
        _ if host_ok(remote) && !remote.contains(':') => format!("{remote}:{MANAGER_PORT}"),
        _ => {
            return Err(Input::HostAddress.refuse(
                "The manager's address is host or host:port, like 192.168.1.10:2377.".into(),
            ))
        }
    };
    let token = token.trim();
    let token_ok = token.starts_with("SWMTKN-")
        && token.len() > 20
        && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !token_ok {
        return Err(Input::JoinToken.refuse(
            "Paste the token the manager shows (docker swarm join-token worker): it starts with SWMTKN-.".into(),
        ));
    }
    let advertise = advertise.trim();
    if !host_ok(advertise) {
        return Err(Input::HostAddress
            .refuse("Choose the address the other nodes reach this engine at.".into()));
    }
    Ok(SwarmAction::Join {
        listen: listen_address(advertise, local),
        remote,
        token: token.to_owned(),
        advertise: advertise.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str =
        "SWMTKN-1-04qpe4o7kpsrhe8laban9idn3n85z7dz7i2h78f7zlrl1ndnuf-4522pud6hx86iyx4n2ofuni23";

    #[test]
    fn the_manager_port_defaults_and_the_token_is_masked_in_the_command() {
        let local = ["10.0.0.2".to_owned()];
        let join = parse_join("10.0.0.1", TOKEN, "10.0.0.2", &local).unwrap();
        assert_eq!(
            join.cli(true),
            "docker swarm join --token SWMTKN-1-04q•••••••• --advertise-addr 10.0.0.2 --listen-addr 10.0.0.2:2377 10.0.0.1:2377"
        );
        assert!(join.cli(false).contains(TOKEN));
        assert!(parse_join("manager.lan:2400", TOKEN, "10.0.0.2", &local).is_ok());
        // Not an address of this engine (a public one in front of NAT): it listens everywhere, as the CLI would.
        assert_eq!(
            parse_join("10.0.0.1", TOKEN, "203.0.113.9", &local).unwrap().cli(true),
            "docker swarm join --token SWMTKN-1-04q•••••••• --advertise-addr 203.0.113.9 10.0.0.1:2377"
        );
    }

    #[test]
    fn listen_addresses() {
        let local = ["10.0.0.2".to_owned(), "fd00::2".to_owned()];
        assert_eq!(listen_address("10.0.0.2", &local), "10.0.0.2:2377");
        assert_eq!(listen_address("10.0.0.2:4000", &local), "10.0.0.2:2377");
        assert_eq!(listen_address("fd00::2", &local), "[fd00::2]:2377");
        assert_eq!(listen_address("[fd00::2]:4000", &local), "[fd00::2]:2377");
        assert_eq!(listen_address("198.51.100.7", &local), LISTEN_EVERYWHERE);
    }

    #[test]
    fn each_field_is_refused_with_its_kind() {
        let refused = |r: &str, t: &str, a: &str| parse_join(r, t, a, &[]).unwrap_err().input;
        assert_eq!(refused("", TOKEN, "10.0.0.2"), Input::HostAddress);
        assert_eq!(
            refused("10.0.0.1:99999", TOKEN, "10.0.0.2"),
            Input::HostAddress
        );
        assert_eq!(
            refused("10.0.0.1 ; rm", TOKEN, "10.0.0.2"),
            Input::HostAddress
        );
        assert_eq!(refused("10.0.0.1", "hunter2", "10.0.0.2"), Input::JoinToken);
        assert_eq!(
            refused("10.0.0.1", &format!("{TOKEN} x"), "10.0.0.2"),
            Input::JoinToken
        );
        assert_eq!(refused("10.0.0.1", TOKEN, ""), Input::HostAddress);
    }

    proptest::proptest! {
        /// Whatever is typed, an accepted join names a manager with a port and a token of the CLI's alphabet.
        #[test]
        fn accepted_joins_are_well_formed(remote in "\\PC{0,24}", token in "SWMTKN-\\PC{0,40}") {
            if let Ok(SwarmAction::Join { remote, token, .. }) = parse_join(&remote, &token, "10.0.0.2", &[]) {
                proptest::prop_assert!(remote.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()));
                proptest::prop_assert!(!token.contains(char::is_whitespace));
            }
        }
    }
}
