//! Which addresses a fetch may connect to. A page an editor names must never make the server
//! reach into its own network (the database host, the cloud's metadata service, a router's admin
//! page): every address is classified, and only globally routable unicast ones pass.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why an address is refused; the name is said in the error the editor reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Loopback,
    Private,
    SharedCgnat,
    LinkLocal,
    CloudMetadata,
    Multicast,
    Unspecified,
    Broadcast,
    Documentation,
    Reserved,
}

impl Class {
    pub fn describe(self) -> &'static str {
        match self {
            Class::Loopback => "a loopback address (this machine)",
            Class::Private => "a private network address",
            Class::SharedCgnat => "a carrier-grade NAT address (100.64.0.0/10)",
            Class::LinkLocal => "a link-local address",
            Class::CloudMetadata => "the cloud metadata service's address",
            Class::Multicast => "a multicast address",
            Class::Unspecified => "the unspecified address",
            Class::Broadcast => "the broadcast address",
            Class::Documentation => "an address reserved for documentation",
            Class::Reserved => "a reserved address, not on the public internet",
        }
    }
}

/// The class that refuses `ip`, or `None` for a public address. IPv6 forms that carry an IPv4
/// address (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
/// `2002::/16`) are judged by the IPv4 address they reach.
pub fn refused(ip: IpAddr) -> Option<Class> {
    match ip {
        IpAddr::V4(v4) => refused_v4(v4),
        IpAddr::V6(v6) => refused_v6(v6),
    }
}

fn refused_v4(ip: Ipv4Addr) -> Option<Class> {
    let [a, b, c, _] = ip.octets();
    let class = match (a, b, c) {
        _ if ip == Ipv4Addr::new(169, 254, 169, 254) => Class::CloudMetadata,
        _ if ip.is_broadcast() => Class::Broadcast,
        (0, _, _) => Class::Unspecified,
        (127, _, _) => Class::Loopback,
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => Class::Private,
        (100, 64..=127, _) => Class::SharedCgnat,
        (169, 254, _) => Class::LinkLocal,
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => Class::Documentation,
        // IETF protocol assignments, the 6to4 relay anycast, benchmarking.
        (192, 0, 0) | (192, 88, 99) | (198, 18..=19, _) => Class::Reserved,
        (224..=239, _, _) => Class::Multicast,
        (240..=255, _, _) => Class::Reserved,
        _ => return None,
    };
    Some(class)
}

fn refused_v6(ip: Ipv6Addr) -> Option<Class> {
    let s = ip.segments();
    if ip == Ipv6Addr::new(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x254) {
        return Some(Class::CloudMetadata);
    }
    if ip.is_unspecified() {
        return Some(Class::Unspecified);
    }
    if ip.is_loopback() {
        return Some(Class::Loopback);
    }
    if let Some(v4) = embedded_v4(ip) {
        return refused_v4(v4);
    }
    let class = match s[0] {
        0xfc00..=0xfdff => Class::Private,
        0xfe80..=0xfebf => Class::LinkLocal,
        // Site-local, deprecated but still routed inside some networks.
        0xfec0..=0xfeff => Class::Private,
        0xff00..=0xffff => Class::Multicast,
        0x2001 if s[1] == 0x0db8 => Class::Documentation,
        0x3fff if s[1] <= 0x0fff => Class::Documentation,
        // IETF protocol assignments (Teredo among them, whose IPv4 address is obscured).
        0x2001 if s[1] < 0x0200 => Class::Reserved,
        // Only 2000::/3 is allocated for global unicast; the rest is reserved or local
        // (64:ff9b:1::/48 local NAT64, 100::/64 discard-only).
        first if !(0x2000..=0x3fff).contains(&first) => Class::Reserved,
        _ => return None,
    };
    Some(class)
}

/// The IPv4 address an IPv6 address reaches, for the forms that embed one.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let o = ip.octets();
    let tail = Ipv4Addr::new(o[12], o[13], o[14], o[15]);
    match s {
        // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d.
        [0, 0, 0, 0, 0, 0xffff, _, _] | [0, 0, 0, 0, 0, 0, _, _] => Some(tail),
        // NAT64's well-known prefix 64:ff9b::/96.
        [0x64, 0xff9b, 0, 0, 0, 0, _, _] => Some(tail),
        // 6to4: 2002:AABB:CCDD::/48 reaches AA.BB.CC.DD.
        [0x2002, ..] => Some(Ipv4Addr::new(o[2], o[3], o[4], o[5])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> Option<Class> {
        refused(s.parse().expect("an address"))
    }

    #[test]
    fn public_addresses_pass() {
        for ip in [
            "93.184.215.14",
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "2a00:1450:4001::200e",
        ] {
            assert_eq!(class(ip), None, "{ip}");
        }
    }

    #[test]
    fn every_local_class_of_ipv4_is_refused() {
        let cases = [
            ("127.0.0.1", Class::Loopback),
            ("127.255.0.9", Class::Loopback),
            ("10.1.2.3", Class::Private),
            ("172.16.0.1", Class::Private),
            ("172.31.255.254", Class::Private),
            ("192.168.1.1", Class::Private),
            ("100.64.0.1", Class::SharedCgnat),
            ("100.127.255.254", Class::SharedCgnat),
            ("169.254.1.1", Class::LinkLocal),
            ("169.254.169.254", Class::CloudMetadata),
            ("224.0.0.1", Class::Multicast),
            ("239.255.255.250", Class::Multicast),
            ("0.0.0.0", Class::Unspecified),
            ("0.1.2.3", Class::Unspecified),
            ("255.255.255.255", Class::Broadcast),
            ("192.0.2.1", Class::Documentation),
            ("198.51.100.7", Class::Documentation),
            ("203.0.113.9", Class::Documentation),
            ("198.18.0.1", Class::Reserved),
            ("240.0.0.1", Class::Reserved),
        ];
        for (ip, expected) in cases {
            assert_eq!(class(ip), Some(expected), "{ip}");
        }
    }

    #[test]
    fn every_local_class_of_ipv6_is_refused_and_embedded_ipv4_is_judged_as_ipv4() {
        let cases = [
            ("::1", Class::Loopback),
            ("::", Class::Unspecified),
            ("::ffff:127.0.0.1", Class::Loopback),
            ("::ffff:10.0.0.1", Class::Private),
            ("::ffff:169.254.169.254", Class::CloudMetadata),
            ("::127.0.0.1", Class::Loopback),
            ("::192.168.0.1", Class::Private),
            ("64:ff9b::a9fe:a9fe", Class::CloudMetadata),
            ("2002:7f00:1::1", Class::Loopback),
            ("fc00::1", Class::Private),
            ("fd12:3456::1", Class::Private),
            ("fd00:ec2::254", Class::CloudMetadata),
            ("fe80::1", Class::LinkLocal),
            ("fec0::1", Class::Private),
            ("ff02::1", Class::Multicast),
            ("2001:db8::1", Class::Documentation),
            ("3fff::1", Class::Documentation),
            ("2001::1", Class::Reserved),
            ("100::1", Class::Reserved),
            ("64:ff9b:1::1", Class::Reserved),
        ];
        for (ip, expected) in cases {
            assert_eq!(class(ip), Some(expected), "{ip}");
        }
        assert_eq!(class("::ffff:8.8.8.8"), None, "a mapped public address is public");
    }

    /// The URL parser normalises the numeric spellings of an IPv4 host, so a decimal, octal or
    /// hexadecimal `127.0.0.1` reaches the checker as the address it is.
    #[test]
    fn numeric_spellings_of_an_address_are_parsed_as_the_address() {
        for spelling in [
            "http://2130706433/",
            "http://0x7f000001/",
            "http://0177.0.0.1/",
            "http://127.1/",
            "http://0x7f.1/",
        ] {
            let url = url::Url::parse(spelling).expect("a URL");
            assert_eq!(url.host(), Some(url::Host::Ipv4(Ipv4Addr::LOCALHOST)), "{spelling}");
        }
        let url = url::Url::parse("http://[::ffff:7f00:1]/").expect("a URL");
        assert_eq!(url.host(), Some(url::Host::Ipv6("::ffff:127.0.0.1".parse().expect("v6"))));
    }
}
