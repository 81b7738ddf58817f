//! Addresses and CIDR blocks as `docker network create --subnet/--gateway/--ip-range` and `connect --ip` take
//! them: IPv4 or IPv6, parsed with the standard library, checked for containment before any engine call.
//!
//! Invariant: a `Cidr` has no host bits set (`10.1.0.0/16`, never `10.1.0.7/16`): the engine refuses those, so the
//! parser says which block was meant instead of passing the mistake on.

use crate::input::{Input, InputError};

use std::fmt;
use std::net::IpAddr;

/// A block of addresses: a network address and a prefix length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    address: IpAddr,
    prefix: u8,
}

fn bits(address: IpAddr) -> (u128, u8) {
    match address {
        IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
        IpAddr::V6(v6) => (u128::from(v6), 128),
    }
}

/// The mask of a `prefix`-bit network in an address of `width` bits, as the low `width` bits of a `u128`.
fn mask(prefix: u8, width: u8) -> u128 {
    if prefix == 0 {
        return 0;
    }
    let all = if width == 128 {
        u128::MAX
    } else {
        (1u128 << width) - 1
    };
    let host = u32::from(width - prefix);
    (all >> host) << host
}

fn from_bits(value: u128, v4: bool) -> IpAddr {
    if v4 {
        IpAddr::from(std::net::Ipv4Addr::from(value as u32))
    } else {
        IpAddr::from(std::net::Ipv6Addr::from(value))
    }
}

/// One IP address (`10.1.0.1`, `fd00::1`).
pub fn parse_address(text: &str) -> Result<IpAddr, InputError> {
    text.trim().parse().map_err(|_| {
        Input::IpAddress.refuse({
            format!(
                "{:?} is not an IP address (like 10.1.0.1 or fd00::1).",
                text.trim()
            )
        })
    })
}

impl Cidr {
    /// `10.1.0.0/16`, `fd00:1::/64`.
    pub fn parse(text: &str) -> Result<Self, InputError> {
        let text = text.trim();
        let Some((address, prefix)) = text.split_once('/') else {
            return Err(Input::Subnet.refuse(format!(
                "{text:?} is not a subnet: write an address and a prefix length, like 10.1.0.0/16."
            )));
        };
        let address = parse_address(address)?;
        let (value, width) = bits(address);
        let prefix: u8 = prefix.parse().ok().filter(|p| *p <= width).ok_or_else(|| {
            Input::Subnet.refuse({
                format!("The prefix length after / must be a number from 0 to {width}.")
            })
        })?;
        let network = value & mask(prefix, width);
        if network != value {
            let meant = from_bits(network, width == 32);
            return Err(Input::Subnet.refuse(format!(
                "{text} has host bits set: the block starting at {address} with /{prefix} is {meant}/{prefix}."
            )));
        }
        Ok(Self { address, prefix })
    }

    pub fn is_v4(&self) -> bool {
        self.address.is_ipv4()
    }

    pub fn prefix(&self) -> u8 {
        self.prefix
    }

    /// Whether `address` is in this block (same family, same network bits).
    pub fn contains(&self, address: IpAddr) -> bool {
        let (value, width) = bits(address);
        let (network, own_width) = bits(self.address);
        width == own_width && value & mask(self.prefix, width) == network
    }

    /// Whether `inner` lies wholly inside this block.
    pub fn contains_block(&self, inner: &Cidr) -> bool {
        inner.prefix >= self.prefix && self.contains(inner.address)
    }

    /// The block's first address (the network address itself): never a usable gateway or container address.
    pub fn network_address(&self) -> IpAddr {
        self.address
    }

    /// The last address: for IPv4, the broadcast address, which no host may take either.
    pub fn last_address(&self) -> IpAddr {
        let (value, width) = bits(self.address);
        from_bits(
            value | (mask(self.prefix, width) ^ mask(width, width)),
            width == 32,
        )
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.address, self.prefix)
    }
}

/// Whether `address` can be given to a host in `subnet`: inside it, and not its network or (IPv4) broadcast address.
pub fn usable_in(subnet: &Cidr, address: IpAddr) -> Result<(), InputError> {
    if !subnet.contains(address) {
        return Err(
            Input::IpAddress.refuse(format!("{address} is not inside the subnet {subnet}."))
        );
    }
    if address == subnet.network_address() && subnet.prefix() < 31 {
        return Err(Input::IpAddress.refuse(format!(
            "{address} is the subnet's own network address; pick one after it."
        )));
    }
    if subnet.is_v4() && address == subnet.last_address() && subnet.prefix() < 31 {
        return Err(Input::IpAddress.refuse(format!(
            "{address} is the subnet's broadcast address; pick one before it."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks_of_both_families() {
        let block = Cidr::parse("10.1.0.0/16").unwrap();
        assert_eq!(block.to_string(), "10.1.0.0/16");
        assert!(block.contains("10.1.255.3".parse().unwrap()));
        assert!(!block.contains("10.2.0.1".parse().unwrap()));
        assert!(!block.contains("fd00::1".parse().unwrap()));
        let v6 = Cidr::parse("fd00:1::/64").unwrap();
        assert!(v6.contains("fd00:1::42".parse().unwrap()));
        assert!(!v6.contains("fd00:2::42".parse().unwrap()));
        assert_eq!(Cidr::parse("0.0.0.0/0").unwrap().prefix(), 0);
        assert!(Cidr::parse("::/0")
            .unwrap()
            .contains("fd00::1".parse().unwrap()));
        assert_eq!(Cidr::parse("10.1.2.3/32").unwrap().prefix(), 32);
    }

    #[test]
    fn refuses_what_the_engine_would() {
        assert!(Cidr::parse("10.1.0.0")
            .unwrap_err()
            .message
            .contains("prefix"));
        assert!(Cidr::parse("10.1.0.0/33").is_err());
        assert!(Cidr::parse("10.1.0/16").is_err());
        assert!(Cidr::parse("fd00::/129").is_err());
        let error = Cidr::parse("10.1.0.7/16").unwrap_err();
        assert_eq!(
            error.input,
            Input::Subnet,
            "a typed refusal: which kind of value"
        );
        assert!(error.message.contains("10.1.0.0/16"), "{error}");
    }

    #[test]
    fn containment_of_blocks_and_usable_addresses() {
        let subnet = Cidr::parse("172.28.0.0/16").unwrap();
        assert!(subnet.contains_block(&Cidr::parse("172.28.5.0/24").unwrap()));
        assert!(!subnet.contains_block(&Cidr::parse("172.0.0.0/8").unwrap()));
        assert!(!subnet.contains_block(&Cidr::parse("172.29.5.0/24").unwrap()));
        assert_eq!(subnet.last_address().to_string(), "172.28.255.255");
        assert!(usable_in(&subnet, "172.28.0.1".parse().unwrap()).is_ok());
        assert!(usable_in(&subnet, "172.28.0.0".parse().unwrap()).is_err());
        assert!(usable_in(&subnet, "172.28.255.255".parse().unwrap()).is_err());
        assert!(usable_in(&subnet, "172.29.0.1".parse().unwrap()).is_err());
    }
}
