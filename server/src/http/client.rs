//! Which client a request comes from: the address of the connection, or — when that is a reverse
//! proxy listed with `--trusted-proxy` — the address the proxy says it forwarded for, taken from
//! `X-Forwarded-For` read from the right: the first address that is not itself a trusted proxy.
//! A client cannot choose its address by sending the header: from an address that is not a
//! trusted proxy, the header is ignored; behind one, only what the proxies appended is believed.
//!
//! The per-client limits (requests at once, sign-in throttling) are keyed by this address.

use axum::extract::{ConnectInfo, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::str::FromStr;
use std::sync::Arc;

/// The client's address, put on every request by [`layer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClientAddr(pub IpAddr);

/// The address of the request's client ("0.0.0.0" when unknown, as in tests without a socket).
pub fn address(parts: &Parts) -> IpAddr {
    parts.extensions.get::<ClientAddr>().map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0)
}

/// A block of addresses, `10.0.0.0/8`, `::1/128` or a single address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl FromStr for Cidr {
    type Err = String;

    fn from_str(text: &str) -> Result<Cidr, String> {
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let network: IpAddr = address
            .trim()
            .parse()
            .map_err(|_| format!("“{text}” is not an address block; use one like 10.0.0.0/8 or ::1"))?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("“{text}”: the prefix length must be 0 to {max}"))?,
        };
        Ok(Cidr { network, prefix })
    }
}

impl Cidr {
    pub fn contains(&self, address: IpAddr) -> bool {
        match (self.network, canonical(address)) {
            (IpAddr::V4(net), IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 address seen through an IPv6 socket (`::ffff:10.0.0.1`) as the IPv4 address it is.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Arc<Vec<Cidr>>);

impl TrustedProxies {
    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|cidr| cidr.contains(address))
    }

    /// The client of a request that came over a connection from `peer` with these headers.
    pub fn client(&self, peer: IpAddr, headers: &axum::http::HeaderMap) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let forwarded: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|a| a.trim().parse::<IpAddr>().map(canonical))
            .collect::<Result<_, _>>()
            // A garbled list cannot be believed past the proxy itself.
            .unwrap_or_default();
        let mut client = peer;
        for address in forwarded.into_iter().rev() {
            client = address;
            if !self.trusts(address) {
                break;
            }
        }
        client
    }
}

pub async fn layer(State(proxies): State<TrustedProxies>, mut request: Request, next: Next) -> Response {
    let client = match request.extensions().get::<ConnectInfo<SocketAddr>>() {
        Some(ConnectInfo(peer)) => proxies.client(peer.ip(), request.headers()),
        None => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
    };
    request.extensions_mut().insert(ClientAddr(client));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", v.parse().unwrap());
        }
        headers
    }

    #[test]
    fn blocks_parse_and_contain() {
        let block: Cidr = "10.1.0.0/16".parse().unwrap();
        assert!(block.contains(ip("10.1.200.3")));
        assert!(block.contains(ip("::ffff:10.1.0.9")));
        assert!(!block.contains(ip("10.2.0.1")));
        assert!("::1".parse::<Cidr>().is_ok_and(|c| c.contains(ip("::1"))));
        assert!("0.0.0.0/0".parse::<Cidr>().is_ok_and(|c| c.contains(ip("8.8.8.8"))));
        for bad in ["10.0.0.0/33", "proxy", "10.0.0/8", "::1/129"] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_header_is_believed_only_from_a_trusted_proxy_and_read_from_the_right() {
        let none = TrustedProxies::default();
        assert_eq!(none.client(ip("203.0.113.9"), &forwarded(&["1.2.3.4"])), ip("203.0.113.9"));
        let proxies = TrustedProxies(Arc::new(vec!["10.0.0.0/8".parse().unwrap()]));
        // A client's own (forged) entry comes first; the proxy appends the real address.
        assert_eq!(
            proxies.client(ip("10.0.0.2"), &forwarded(&["6.6.6.6, 198.51.100.7"])),
            ip("198.51.100.7")
        );
        // Two proxies in a row, over two headers.
        assert_eq!(
            proxies.client(ip("10.0.0.2"), &forwarded(&["198.51.100.7", "10.0.0.5"])),
            ip("198.51.100.7")
        );
        // From a proxy without the header: the proxy itself.
        assert_eq!(proxies.client(ip("10.0.0.2"), &HeaderMap::new()), ip("10.0.0.2"));
        assert_eq!(proxies.client(ip("10.0.0.2"), &forwarded(&["garbage, 1.2.3.4"])), ip("10.0.0.2"));
        // A forged header straight from a client is ignored.
        assert_eq!(proxies.client(ip("198.51.100.7"), &forwarded(&["10.0.0.1"])), ip("198.51.100.7"));
    }
}
