//! Unit tests of `desk`, kept beside it so the module itself stays short.

use super::*;

#[test]
fn form_bodies_are_decoded() {
    assert_eq!(
        parse_form("voter=3&t1=1&t12=0"),
        vec![("voter".into(), "3".into()), ("t1".into(), "1".into()), ("t12".into(), "0".into())]
    );
    assert_eq!(decode("a+b%20c%C3%A9%zz%"), "a b cé%zz%");
}

#[test]
fn an_ipv6_phone_counts_as_its_network() {
    let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
    let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
    assert_eq!(address_group(a), address_group(b));
    assert_ne!(address_group(a), address_group("2001:db8:1:3::1".parse().unwrap()));
    let v4: IpAddr = "192.168.1.23".parse().unwrap();
    assert_eq!(address_group(v4), v4);
    assert_eq!(address_group("::ffff:192.168.1.23".parse().unwrap()), v4);
    assert!(same_code("abc123", "abc123") && !same_code("abc123", "abc124"));
    assert!(!same_code("abc", "abc123"));
}
