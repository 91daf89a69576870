//! Refusals in words: a broken rule of a loaded file, a refused vote, serde's phrases and
//! positions in a file. `store`, `app` and the ballot box all say these, so they live here
//! with every other text and nobody imports `store` for words.

use crate::i18n::{Lang, fill};
use crate::model::{RuleKind, VoteError};
use crate::store::Position;

/// serde's words for a type error, in Dutch where it has a fixed phrase.
pub fn detail_in(lang: Lang, detail: &str) -> String {
    const NL: [(&str, &str); 10] = [
        ("invalid type: ", "verkeerde soort waarde: "),
        ("invalid value: ", "ongeldige waarde: "),
        (", expected one of ", ", kies uit: "),
        (", expected ", ", verwacht: "),
        ("missing field ", "dit veld ontbreekt: "),
        ("unknown variant ", "onbekende waarde "),
        ("unknown field ", "onbekend veld "),
        ("a boolean", "true of false"),
        ("string ", "tekst "),
        ("integer ", "getal "),
    ];
    match lang {
        Lang::En => detail.to_owned(),
        Lang::Nl => NL.iter().fold(detail.to_owned(), |text, (en, nl)| text.replace(en, nl)),
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
        RuleKind::Vote(e) => vote_text(lang, e),
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
