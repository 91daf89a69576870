//! Which of the laptop's addresses the phones should open.
//!
//! A facilitator's laptop often has more than one: the school's Wi-Fi, a VPN to the office,
//! Docker's bridge, a virtual machine's network. Only the first is one the phones can reach, so
//! the candidates are ranked: private LAN addresses (192.168/16, 10/8, 172.16/12) on ordinary
//! interfaces first, then other addresses on ordinary interfaces, then VPN tunnels, then
//! container and virtual-machine bridges; IPv4 before IPv6 within each. Loopback, link-local and
//! multicast addresses are never candidates: a QR code for 127.0.0.1 only ever reaches the laptop
//! itself, so with no network at all the list is empty and the pane says so.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::i18n::Lang;

/// What kind of network an address belongs to, best first: the ranking's first key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CandidateKind {
    /// A private LAN address (192.168/16, 10/8, 172.16/12, or an IPv6 unique local address)
    /// on an ordinary interface: most likely the school's Wi-Fi or cable.
    Lan,
    /// Any other address on an ordinary interface (a public or carrier address): reachable
    /// perhaps, but not what a school network usually hands out.
    Other,
    /// A VPN tunnel (tun, tap, wg, utun, zt, tailscale, ppp, or the 100.64/10 range such VPNs
    /// use): phones in the room are not on it.
    Vpn,
    /// A bridge for containers or virtual machines (docker, br-, veth, virbr, …): only the
    /// laptop itself can reach it.
    Container,
}

impl CandidateKind {
    /// The kind in words, for the pane's list of candidates.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            CandidateKind::Lan => t.box_kind_lan,
            CandidateKind::Other => t.box_kind_other,
            CandidateKind::Vpn => t.box_kind_vpn,
            CandidateKind::Container => t.box_kind_container,
        }
    }
}

/// One address the ballot box could listen on, with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The address phones would open.
    pub ip: IpAddr,
    /// The network interface it belongs to (`wlan0`, `en0`, `docker0`, …), so the facilitator
    /// can tell the Wi-Fi from the VPN when choosing.
    pub interface: String,
    /// What kind of network it most likely is.
    pub kind: CandidateKind,
}

/// Interface name prefixes of VPN tunnels.
const VPN_PREFIXES: [&str; 10] =
    ["tun", "tap", "wg", "utun", "zt", "tailscale", "ppp", "ipsec", "nordlynx", "proton"];
/// Interface name prefixes of container and virtual-machine bridges.
const CONTAINER_PREFIXES: [&str; 12] = [
    "docker", "br-", "veth", "virbr", "vnet", "lxc", "lxd", "cni", "flannel", "podman", "vmnet",
    "vboxnet",
];

/// The laptop's addresses that phones could open, best first (see the module text for the
/// order). Empty when there is no network other than loopback: never falls back to 127.0.0.1.
pub fn address_candidates() -> Vec<Candidate> {
    let found = if_addrs::get_if_addrs()
        .map(|interfaces| {
            interfaces
                .into_iter()
                .filter(|i| i.oper_status != if_addrs::IfOperStatus::Down)
                .map(|i| {
                    let ip = i.ip();
                    (i.name, ip)
                })
                .collect()
        })
        .unwrap_or_default();
    rank_candidates(found)
}

/// Ranks `(interface name, address)` pairs as [`address_candidates`] does, dropping those no
/// phone can open. Takes the list, rather than asking the system, so the ranking is testable.
pub fn rank_candidates(found: Vec<(String, IpAddr)>) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> =
        found.into_iter().filter_map(|(interface, ip)| classify(interface, ip)).collect();
    candidates.sort_by_key(|c| (c.kind, c.ip.is_ipv6(), lan_preference(c.ip)));
    candidates.dedup_by(|a, b| a.ip == b.ip);
    candidates
}

/// The candidate for one address, or `None` when no phone could open it.
fn classify(interface: String, ip: IpAddr) -> Option<Candidate> {
    let unusable = match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_unspecified()
                || v4.is_link_local()
                || v4.is_multicast()
                || v4.is_broadcast()
        }
        // A link-local IPv6 address needs a zone in the URL, which phones' browsers refuse.
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || v6.is_unicast_link_local()
                || v6.to_ipv4_mapped().is_some()
        }
    };
    if unusable {
        return None;
    }
    let name = interface.to_ascii_lowercase();
    let kind = if CONTAINER_PREFIXES.iter().any(|p| name.starts_with(p)) {
        CandidateKind::Container
    } else if VPN_PREFIXES.iter().any(|p| name.starts_with(p)) || is_carrier_grade(ip) {
        CandidateKind::Vpn
    } else if is_private(ip) {
        CandidateKind::Lan
    } else {
        CandidateKind::Other
    };
    Some(Candidate { ip, interface, kind })
}

/// Whether `ip` is in a range meant for local networks.
fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_private(),
        IpAddr::V6(v6) => is_unique_local(v6),
    }
}

/// fc00::/7, IPv6's private range.
fn is_unique_local(v6: Ipv6Addr) -> bool {
    v6.segments()[0] & 0xfe00 == 0xfc00
}

/// 100.64/10: carrier-grade NAT, and the range Tailscale and similar VPNs hand out.
fn is_carrier_grade(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            a == 100 && (64..128).contains(&b)
        }
        IpAddr::V6(_) => false,
    }
}

/// Within private IPv4: 192.168/16 (home and school routers) before 10/8 (larger networks,
/// but also many VPNs) before 172.16/12 (where Docker and friends put their networks).
fn lan_preference(ip: IpAddr) -> u8 {
    match ip {
        IpAddr::V4(v4) if Ipv4Addr::new(192, 168, 0, 0) == mask(v4, 16) => 0,
        IpAddr::V4(v4) if v4.octets()[0] == 10 => 1,
        IpAddr::V4(v4) if Ipv4Addr::new(172, 16, 0, 0) == mask(v4, 12) => 2,
        _ => 3,
    }
}

fn mask(ip: Ipv4Addr, bits: u32) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(ip) & (u32::MAX << (32 - bits)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(list: &[(&str, &str)]) -> Vec<(String, IpAddr)> {
        list.iter().map(|(n, ip)| (n.to_string(), ip.parse().unwrap())).collect()
    }

    #[test]
    fn the_school_wifi_comes_before_vpn_and_container_bridges() {
        let ranked = rank_candidates(found(&[
            ("lo", "127.0.0.1"),
            ("docker0", "172.17.0.1"),
            ("br-5f3a", "172.18.0.1"),
            ("tun0", "10.8.0.2"),
            ("tailscale0", "100.101.102.103"),
            ("wlan0", "fe80::1"),
            ("wlan0", "fd12:3456::7"),
            ("eth0", "10.0.5.20"),
            ("wlan0", "192.168.1.23"),
            ("wwan0", "85.12.1.2"),
            ("virbr0", "192.168.122.1"),
            ("eth1", "169.254.3.4"),
            ("lo", "::1"),
        ]));
        let order: Vec<(String, CandidateKind)> =
            ranked.iter().map(|c| (c.ip.to_string(), c.kind)).collect();
        use CandidateKind::*;
        assert_eq!(
            order,
            [
                ("192.168.1.23".to_string(), Lan),
                ("10.0.5.20".to_string(), Lan),
                ("fd12:3456::7".to_string(), Lan),
                ("85.12.1.2".to_string(), Other),
                ("10.8.0.2".to_string(), Vpn),
                ("100.101.102.103".to_string(), Vpn),
                ("192.168.122.1".to_string(), Container),
                ("172.17.0.1".to_string(), Container),
                ("172.18.0.1".to_string(), Container),
            ]
        );
        assert_eq!(ranked[0].interface, "wlan0");
    }

    #[test]
    fn only_loopback_means_no_candidate_at_all() {
        assert!(rank_candidates(found(&[("lo", "127.0.0.1"), ("lo", "::1")])).is_empty());
        assert!(rank_candidates(Vec::new()).is_empty());
    }

    #[test]
    fn this_machine_never_offers_loopback() {
        let found = address_candidates();
        assert!(found.iter().all(|c| !c.ip.is_loopback()), "{found:?}");
        assert_eq!(CandidateKind::Lan.label(Lang::Nl), "lokaal netwerk");
        assert_eq!(CandidateKind::Vpn.label(Lang::En), "VPN");
    }

    #[test]
    fn a_private_address_on_a_tunnel_is_still_a_vpn() {
        let ranked = rank_candidates(found(&[("wg0", "192.168.50.2"), ("en0", "172.20.10.3")]));
        assert_eq!(ranked[0].interface, "en0", "a phone hotspot's range beats the tunnel");
        assert_eq!(ranked[1].kind, CandidateKind::Vpn);
    }
}
