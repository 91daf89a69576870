//! Unit tests of `i18n`, kept beside it so the module itself stays short.

use std::collections::BTreeSet;

use super::*;

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}')
            && rest[..close].parse::<usize>().is_ok()
        {
            found.insert(rest[..close].to_owned());
        }
    }
    found
}

#[test]
fn every_text_exists_in_both_languages_with_the_same_placeholders() {
    let nl = Lang::Nl.texts().entries();
    let en = Lang::En.texts().entries();
    assert_eq!(nl.len(), en.len());
    for ((key, nl_text), (en_key, en_text)) in nl.iter().zip(&en) {
        assert_eq!(key, en_key);
        assert!(!nl_text.trim().is_empty(), "{key} is empty in Dutch");
        assert!(!en_text.trim().is_empty(), "{key} is empty in English");
        assert_eq!(placeholders(nl_text), placeholders(en_text), "{key}");
    }
}

#[test]
fn dates_read_the_way_each_language_writes_them() {
    let d = jiff::civil::date(2026, 12, 25);
    assert_eq!(date_text(Lang::Nl, d), "vr 25 dec 2026");
    assert_eq!(date_text(Lang::En, d), "Fri 25 Dec 2026");
    let at: Timestamp = "2026-03-02T13:05:00Z".parse().unwrap();
    let amsterdam =
        TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::fixed(jiff::tz::offset(1)));
    assert_eq!(moment_text(Lang::Nl, at, &amsterdam), "ma 2 mrt 2026 14:05");
}

#[test]
fn fill_puts_arguments_in_place_and_leaves_other_braces() {
    assert_eq!(fill("{0} en {1}, {0}", &[&"a", &2]), "a en 2, a");
    assert_eq!(fill("{x} {5} {", &[&"a"]), "{x} {5} {");
}

#[test]
fn language_comes_from_flag_then_knoop_lang_then_locale() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    };
    assert_eq!(Lang::detect(Some(Lang::En), env(&[])), Lang::En);
    assert_eq!(Lang::detect(None, env(&[])), Lang::Nl);
    assert_eq!(Lang::detect(None, env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
    assert_eq!(Lang::detect(None, env(&[("LANG", "C.UTF-8")])), Lang::Nl);
    assert_eq!(Lang::detect(None, env(&[("LANG", "en_US.UTF-8"), ("KNOOP_LANG", "nl")])), Lang::Nl);
    assert_eq!(Lang::detect(None, env(&[("LC_ALL", "nl_NL.UTF-8"), ("LANG", "en_US")])), Lang::Nl);
}
