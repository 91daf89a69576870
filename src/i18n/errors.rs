//! Refusals in words: a broken rule of a loaded file, a refused vote, serde's phrases and
//! positions in a file. `store`, `app` and the ballot box all say these, so they live here
//! with every other text and nobody imports `store` for words.

use std::io;

use jiff::tz::TimeZone;

use crate::i18n::{Lang, fill, moment_text};
use crate::model::{RuleKind, VoteError};
use crate::store::{LockInfo, Position};

/// One phrase in both languages: (Dutch, English).
type Both = (&'static str, &'static str);

fn pick(lang: Lang, (nl, en): Both) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// What is wrong with a field, rebuilt in `lang` from serde's words for it. serde's fixed
/// phrases ("invalid type: …, expected …", "missing field …", "unknown variant …") are
/// recognised and said again in knoop's words; anything else (a custom message, e.g. from the
/// date parser) becomes a plain sentence. serde's own text is shown only with `--verbose`.
pub fn detail_in(lang: Lang, detail: &str) -> String {
    let name = |rest: &str| rest.trim_matches('`').to_owned();
    let (kind, rest) = match detail.split_once(", expected ") {
        Some((head, expected)) => (head, Some(expected)),
        None => (detail, None),
    };
    let kind = kind.split(", there are no ").next().unwrap_or(kind);
    let expected = || {
        let wanted = rest.and_then(expected_in).map(|e| pick(lang, e));
        let label = pick(lang, ("; verwacht: ", "; wanted: "));
        wanted.map(|w| format!("{label}{w}")).unwrap_or_default()
    };
    if let Some(unexpected) = kind.strip_prefix("invalid type: ") {
        let head = pick(lang, ("verkeerde soort waarde", "the wrong kind of entry"));
        return format!("{head}: {}{}", unexpected_in(lang, unexpected), expected());
    }
    if let Some(unexpected) = kind.strip_prefix("invalid value: ") {
        let head = pick(lang, ("deze waarde kan niet", "this entry cannot be used"));
        return format!("{head}: {}{}", unexpected_in(lang, unexpected), expected());
    }
    let (template, arg) = if let Some(length) = kind.strip_prefix("invalid length ") {
        (
            ("het aantal ({0}) klopt niet", "the number of items ({0}) is not right"),
            length.to_owned(),
        )
    } else if let Some(field) = kind.strip_prefix("missing field ") {
        (("het veld \"{0}\" ontbreekt", "the field \"{0}\" is not there"), name(field))
    } else if let Some(field) = kind.strip_prefix("duplicate field ") {
        (
            ("het veld \"{0}\" staat er twee keer in", "the field \"{0}\" is there twice"),
            name(field),
        )
    } else if let Some(field) = kind.strip_prefix("unknown field ") {
        (("knoop kent het veld \"{0}\" niet", "knoop does not know the field \"{0}\""), name(field))
    } else if let Some(variant) = kind.strip_prefix("unknown variant ") {
        let choices = rest.map(|r| r.trim_start_matches("one of ").replace(" or ", ", "));
        let label = pick(lang, ("; kies uit: ", "; choose from: "));
        let choices = choices.map(|c| format!("{label}{c}")).unwrap_or_default();
        let said = pick(lang, ("knoop kent \"{0}\" hier niet", "knoop does not know \"{0}\" here"));
        return format!("{}{choices}", fill(said, &[&name(variant)]));
    } else {
        let vague = (
            "dit heeft niet de juiste vorm (een datum schrijf je bijvoorbeeld als 2026-11-23)",
            "this does not have the right form (a date is written like 2026-11-23, for example)",
        );
        return pick(lang, vague).to_owned();
    };
    fill(pick(lang, template), &[&arg])
}

/// serde's name for the entry it found, in `lang`.
fn unexpected_in(lang: Lang, unexpected: &str) -> String {
    const PREFIXES: [(&str, Both); 5] = [
        ("boolean ", ("", "")),
        ("integer ", ("het getal ", "the number ")),
        ("floating point ", ("het getal ", "the number ")),
        ("string ", ("de tekst ", "the text ")),
        ("character ", ("het teken ", "the character ")),
    ];
    for (serde, said) in PREFIXES {
        if let Some(v) = unexpected.strip_prefix(serde) {
            return format!("{}{}", pick(lang, said), v.replace('`', ""));
        }
    }
    let said = match unexpected {
        "null" | "unit value" => ("null (leeg)", "null (empty)"),
        "sequence" => ("een lijst [ … ]", "a list [ … ]"),
        "map" => ("een object { … }", "an object { … }"),
        _ => ("iets anders", "something else"),
    };
    pick(lang, said).to_owned()
}

/// serde's name for the entry it wanted, in both languages; `None` when it is not one of
/// serde's fixed names.
fn expected_in(expected: &str) -> Option<Both> {
    Some(match expected {
        "a boolean" => ("true of false", "true or false"),
        "a string" | "a borrowed string" | "a character" | "a char" => {
            ("tekst tussen aanhalingstekens", "text in quotes")
        }
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
            ("een heel getal, 0 of meer", "a whole number, 0 or more")
        }
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => ("een heel getal", "a whole number"),
        "f32" | "f64" => ("een getal", "a number"),
        "a sequence" => ("een lijst [ … ]", "a list [ … ]"),
        "a map" => ("een object { … }", "an object { … }"),
        e if e.starts_with("struct ") => ("een object { … }", "an object { … }"),
        e if e.starts_with("tuple") || e.starts_with("an array") => {
            ("een lijst [ … ]", "a list [ … ]")
        }
        e if e.contains("date") || e.contains("timestamp") => {
            ("een datum of tijdstip", "a date or a moment")
        }
        _ => return None,
    })
}

/// What serde_json says about JSON that does not parse, in `lang` (serde_json's own words,
/// without its position, are in `detail`; they are shown only with `--verbose`).
pub fn syntax_text(lang: Lang, detail: &str) -> String {
    let said: Both = match detail {
        "expected `:`" => (
            "hier hoort een dubbele punt (:) na de naam van het veld",
            "a colon (:) belongs here, after the name of the field",
        ),
        "expected `,` or `]`" => (
            "hier hoort een komma (,) of het einde van de lijst (])",
            "a comma (,) or the end of the list (]) belongs here",
        ),
        "expected `,` or `}`" => (
            "hier hoort een komma (,) of het einde van het object (})",
            "a comma (,) or the end of the object (}) belongs here",
        ),
        "expected value" => (
            "hier hoort een waarde: tekst tussen aanhalingstekens, een getal, true, false, null, een lijst of een object",
            "an entry belongs here: text in quotes, a number, true, false, null, a list or an object",
        ),
        "expected ident" => (
            "hier staat een woord dat JSON niet kent (alleen true, false en null mogen zonder aanhalingstekens)",
            "a word JSON does not know is here (only true, false and null go without quotes)",
        ),
        "key must be a string" => (
            "de naam van een veld hoort tussen dubbele aanhalingstekens",
            "the name of a field belongs in double quotes",
        ),
        "trailing comma" => (
            "er staat een komma te veel vlak voor het einde van een lijst of object",
            "there is one comma too many just before the end of a list or object",
        ),
        "trailing characters" => (
            "na het einde van de sessie staat nog tekst",
            "there is more text after the end of the session",
        ),
        "invalid escape" => (
            "een tekst bevat een \\ dat niet klopt (schrijf \\\\ voor één \\)",
            "a text holds a \\ that is not right (write \\\\ for one \\)",
        ),
        "invalid number" => ("hier staat een getal dat niet klopt", "a number here is not right"),
        "number out of range" => {
            ("hier staat een getal dat te groot is", "a number here is too large")
        }
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => (
            "een teken in een tekst klopt niet (is het bestand als UTF-8 bewaard?)",
            "a character in a text is not right (was the file kept as UTF-8?)",
        ),
        crate::store::format::UTF16 => (
            "het bestand is bewaard als UTF-16 (\"Unicode\"); bewaar het in de teksteditor opnieuw als UTF-8",
            "the file was kept as UTF-16 (\"Unicode\"); keep it again as UTF-8 in the text editor",
        ),
        "recursion limit exceeded" => {
            ("het bestand is te diep genest", "the file is nested too deeply")
        }
        d if d.starts_with("control character") => (
            "een tekst bevat een regeleinde of tab; schrijf die als \\n of \\t",
            "a text holds a line break or tab; write it as \\n or \\t",
        ),
        _ => (
            "de opbouw van het bestand klopt hier niet",
            "the layout of the file is not right here",
        ),
    };
    pick(lang, said).to_owned()
}

/// A short reason for a failed file operation, for a status line: "schijf vol",
/// "geen schrijfrechten", "alleen-lezen schijf", "map bestaat niet meer", … `writing` picks
/// between "geen schrijfrechten" and "geen leesrechten". Mapped from `io::ErrorKind`, which
/// the standard library derives from the system's error number (ENOSPC, EDQUOT, EACCES,
/// EPERM, EROFS, ENOENT, …) on every platform.
pub fn io_reason(lang: Lang, e: &io::Error, writing: bool) -> &'static str {
    use io::ErrorKind as K;
    let t = lang.texts();
    match e.kind() {
        K::StorageFull => t.reason_disk_full,
        K::QuotaExceeded => t.reason_quota,
        K::PermissionDenied if writing => t.reason_no_permission,
        K::PermissionDenied => t.reason_no_read_permission,
        K::ReadOnlyFilesystem => t.reason_read_only_fs,
        K::NotFound | K::NotADirectory => t.reason_folder_gone,
        K::IsADirectory => t.reason_is_dir,
        K::AlreadyExists => t.reason_exists,
        K::ResourceBusy | K::WouldBlock => t.reason_busy,
        K::FileTooLarge => t.reason_too_large,
        _ => t.reason_other,
    }
}

/// What to do after a save failed with `e`, in `lang`.
pub fn save_what_to_do(lang: Lang, e: &io::Error) -> &'static str {
    use io::ErrorKind as K;
    let t = lang.texts();
    match e.kind() {
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge => t.save_do_disk_full,
        K::PermissionDenied => t.save_do_no_permission,
        K::ReadOnlyFilesystem => t.save_do_read_only_fs,
        K::NotFound | K::NotADirectory => t.save_do_folder_gone,
        K::AlreadyExists | K::IsADirectory => t.save_do_exists,
        K::ResourceBusy | K::WouldBlock => t.save_do_busy,
        _ => t.save_what_to_do,
    }
}

/// Who holds a lock, in words, never with a blank name: the user and the computer, or
/// "iemand op laptop-3" when the user is unknown, or "een andere knoop" when neither is.
pub fn holder_text(lang: Lang, holder: Option<&LockInfo>) -> String {
    let t = lang.texts();
    let Some(h) = holder else { return t.lock_unknown_holder.to_owned() };
    let since = moment_text(lang, h.since, &TimeZone::system());
    match (h.user.trim(), h.host.trim()) {
        ("", "") => fill(t.lock_holder_no_name, &[&h.pid, &since]),
        ("", host) => fill(t.lock_holder_no_user, &[&host, &h.pid, &since]),
        (user, "") => fill(t.lock_holder_no_host, &[&user, &h.pid, &since]),
        (user, host) => fill(t.lock_holder, &[&user, &host, &h.pid, &since]),
    }
}

/// `message`, and with `verbose` also the system's or the parser's original words on a line
/// of their own: the only place such (English) text is shown.
pub fn with_detail(lang: Lang, message: String, detail: Option<String>, verbose: bool) -> String {
    match detail {
        Some(detail) if verbose => {
            format!("{message}\n{}", fill(lang.texts().verbose_detail, &[&detail]))
        }
        _ => message,
    }
}

/// A place in a file: "regel 3, kolom 7".
pub fn position_text(lang: Lang, p: Position) -> String {
    match lang {
        Lang::Nl => format!("regel {}, kolom {}", p.line, p.column),
        Lang::En => format!("line {}, column {}", p.line, p.column),
    }
}

/// A broken model rule in words.
pub fn rule_text(lang: Lang, kind: &RuleKind) -> String {
    let t = lang.texts();
    match kind {
        RuleKind::DuplicateId(id) => fill(t.rule_duplicate_id, &[id]),
        RuleKind::UnknownParticipant(id) => fill(t.rule_unknown_participant, &[id]),
        RuleKind::UnknownTheme(id) => fill(t.rule_unknown_theme, &[id]),
        RuleKind::UnknownLevel(id) => fill(t.rule_unknown_level, &[id]),
        RuleKind::UnknownRound(id) => fill(t.rule_unknown_round, &[id]),
        RuleKind::ResultDoesNotFitState => t.rule_result_state.to_owned(),
        RuleKind::ResultNotCandidate(id) => fill(t.rule_result_not_candidate, &[id]),
        RuleKind::ResultDoesNotMatchBallots => t.rule_result_not_ballots.to_owned(),
        RuleKind::TooManyIndicators => t.rule_too_many_indicators.to_owned(),
        RuleKind::BadText => fill(t.rule_bad_text, &[&crate::model::MAX_INBRENG_TEXT]),
        RuleKind::Vote(e) => vote_text(lang, e),
    }
}

/// A refused contribution from a phone, in words for the phone and the screen.
pub fn inbreng_text(lang: Lang, e: &crate::model::InbrengError) -> String {
    use crate::model::InbrengError as E;
    let t = lang.texts();
    match e {
        E::Empty => t.inbreng_empty.to_owned(),
        E::TooLong => fill(
            t.inbreng_too_long,
            &[&crate::model::MAX_INBRENG_TEXT, &crate::model::MAX_INBRENG_PROVIDER],
        ),
        E::NoSuchCell | E::Matrix(_) => t.inbreng_no_cell.to_owned(),
        E::QueueFull => t.inbreng_queue_full.to_owned(),
        E::Unknown(_) => t.inbreng_unknown.to_owned(),
    }
}

/// A refused vote in words.
pub fn vote_text(lang: Lang, e: &VoteError) -> String {
    let t = lang.texts();
    match e {
        VoteError::Closed => t.vote_closed.to_owned(),
        VoteError::StillOpen => t.vote_still_open.to_owned(),
        VoteError::NotCandidate(id) => fill(t.vote_not_candidate, &[id]),
        VoteError::OverBudget { budget } => fill(t.vote_over_budget, &[budget]),
        VoteError::OverThemeLimit { limit } => fill(t.vote_over_theme_limit, &[limit]),
        VoteError::NoDotToTakeBack => t.vote_no_dot.to_owned(),
        VoteError::WrongKindOfVoter => t.vote_wrong_voter.to_owned(),
        VoteError::DuplicateVoter => t.vote_duplicate_voter.to_owned(),
        VoteError::NoTie => t.vote_no_tie.to_owned(),
        VoteError::AlreadyDecided => t.vote_already_decided.to_owned(),
        VoteError::PickDoesNotFit { open_places } => fill(t.vote_pick_does_not_fit, &[open_places]),
        VoteError::ReasonMissing => t.vote_reason_missing.to_owned(),
    }
}

/// A refused ambition or indicator in words: what to type instead.
pub fn ambition_text(lang: Lang, e: &crate::model::AmbitionError) -> String {
    use crate::model::AmbitionError as E;
    let t = lang.texts();
    match e {
        E::NoOutcome => t.amb_no_outcome,
        E::TooManyIndicators => t.amb_too_many,
        E::NoName => t.amb_no_name,
        E::NotANumber => t.amb_not_a_number,
        E::BadYear => t.amb_bad_year,
        E::BadDate => t.amb_bad_date,
        E::TargetBeforeBaseline => t.amb_target_before,
        E::Incomplete => t.amb_incomplete,
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The system's error numbers as Linux gives them, each to its plain reason.
    #[cfg(target_os = "linux")]
    #[test]
    fn every_errno_a_save_meets_has_a_plain_reason() {
        let cases = [
            (28, "schijf vol", "disk full"), // ENOSPC
            (122, "schijfruimte van je account is op", "disk quota used up"), // EDQUOT
            (13, "geen schrijfrechten", "no permission to write"), // EACCES
            (1, "geen schrijfrechten", "no permission to write"), // EPERM
            (30, "alleen-lezen schijf", "read-only disk"), // EROFS
            (2, "map bestaat niet meer", "folder no longer exists"), // ENOENT
            (20, "map bestaat niet meer", "folder no longer exists"), // ENOTDIR
            (21, "daar staat een map", "a folder is in the way"), // EISDIR
            (27, "bestand te groot voor de schijf", "file too large for the disk"), // EFBIG
            (17, "er staat al een ander bestand", "another file is already there"), // EEXIST
            (5, "de schijf gaf een fout", "the disk reported an error"), // EIO
        ];
        for (errno, nl, en) in cases {
            let e = io::Error::from_raw_os_error(errno);
            assert_eq!(io_reason(Lang::Nl, &e, true), nl, "errno {errno}");
            assert_eq!(io_reason(Lang::En, &e, true), en, "errno {errno}");
        }
        let denied = io::Error::from_raw_os_error(13);
        assert_eq!(io_reason(Lang::Nl, &denied, false), "geen leesrechten");
    }

    #[test]
    fn serde_phrases_are_said_again_in_each_language() {
        let detail = "invalid type: string \"ja\", expected a boolean";
        assert_eq!(
            detail_in(Lang::Nl, detail),
            "verkeerde soort waarde: de tekst \"ja\"; verwacht: true of false"
        );
        assert_eq!(
            detail_in(Lang::En, detail),
            "the wrong kind of entry: the text \"ja\"; wanted: true or false"
        );
        assert_eq!(
            detail_in(Lang::Nl, "unknown variant `x`, expected one of `a`, `b`, `c`"),
            "knoop kent \"x\" hier niet; kies uit: `a`, `b`, `c`"
        );
        assert_eq!(
            detail_in(Lang::Nl, "duplicate field `title`"),
            "het veld \"title\" staat er twee keer in"
        );
        assert_eq!(
            detail_in(Lang::En, "invalid length 2, expected 3"),
            "the number of items (2) is not right"
        );
        assert_eq!(
            syntax_text(Lang::Nl, "expected `:`"),
            "hier hoort een dubbele punt (:) na de naam van het veld"
        );
    }
}
