//! What several test files share: the example session and an app showing it.
#![allow(dead_code)] // each test file uses its own part

pub mod region;
pub mod tmux;
pub mod webdriver;

use std::path::{Path, PathBuf};

use knoop::app::App;
use knoop::i18n::Lang;

/// The example session of the README.
pub const EXAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/voorbeeld-basisschool.json");

/// The day the tests take as today: one action of the example is overdue, one due this week.
pub const TODAY: jiff::civil::Date = jiff::civil::date(2026, 12, 7);

/// A Dutch app on the example session, on [`TODAY`].
pub fn example_app() -> App {
    let session = knoop::store::load(Path::new(EXAMPLE)).expect("the example loads");
    let mut app = App::new(session, PathBuf::from(EXAMPLE), Lang::Nl);
    app.today = TODAY;
    // The guide panel has its own snapshots (tests/guide.rs); the other screens are pictured
    // without it, panes at full height, as a facilitator who pressed `i` sees them.
    app.session.guide_hidden = true;
    app
}

/// [`example_app`] with the guide panel shown, as a new session opens.
pub fn example_app_with_guide() -> App {
    let mut app = example_app();
    app.session.guide_hidden = false;
    app
}

/// Runs the knoop binary with `args` in a plain UTF-8 locale, whatever the tester's language.
pub fn knoop_command(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_knoop"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("KNOOP_LANG")
        .output()
        .unwrap()
}

/// The whole screen of `app` at `width` × `height`, as text, in the colourless palette.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| knoop::ui::draw(f, app, &knoop::ui::Palette::mono())).unwrap();
    terminal.backend().to_string()
}

/// Snapshots `app` at 80×24 and at 160×48 as `NAME_80x24` and `NAME_160x48`. A macro, so the
/// snapshot files keep the name of the test file that calls it.
#[allow(unused_macros)]
macro_rules! both_sizes {
    ($name:expr, $app:expr) => {{
        insta::assert_snapshot!(format!("{}_80x24", $name), common::screen($app, 80, 24));
        insta::assert_snapshot!(format!("{}_160x48", $name), common::screen($app, 160, 48));
    }};
}
#[allow(unused_imports)]
pub(crate) use both_sizes;

/// Everything a ballot box sent, through `update` as the runtime passes it on: how many.
pub fn deliver(app: &mut App, rx: &std::sync::mpsc::Receiver<knoop::app::Msg>) -> usize {
    let mut n = 0;
    while let Ok(msg) = rx.try_recv() {
        knoop::app::update(app, msg);
        n += 1;
    }
    n
}

/// The session with long Dutch names and activities: every pane at every size must keep its
/// words whole.
pub const LONG_NAMES: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/voorbeeld-lange-namen.json");

/// Every word (a run of letters and digits) in the session's texts.
fn session_words(session: &knoop::model::Session) -> std::collections::BTreeSet<String> {
    fn walk(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::String(s) => out.extend(words(s)),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = std::collections::BTreeSet::new();
    walk(&serde_json::to_value(session).unwrap(), &mut out);
    out
}

/// The words of `text`: runs of letters and digits (a hyphen or an apostrophe ends a word, as
/// a line may break after a hyphen).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned)
}

/// The words of the session that show cut on `screen` without "…": a piece of a word that
/// is the beginning of a longer word of the session and is itself no word of the session or
/// of the interface. Empty when every word is whole or marked as shortened.
pub fn cut_words(session: &knoop::model::Session, lang: Lang, screen: &str) -> Vec<String> {
    let own = session_words(session);
    let mut known = own.clone();
    for (_, text) in lang.texts().entries() {
        known.extend(words(text));
    }
    // Days and months as dates are written ("wo 3 feb 2027").
    let mut day = jiff::civil::date(2027, 1, 1);
    for _ in 0..366 {
        known.extend(words(&knoop::i18n::date_text(lang, day)));
        day = day.tomorrow().unwrap();
    }
    let mut cut = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            let marked = chars.get(i) == Some(&'…');
            let letters = token.chars().any(char::is_alphabetic);
            if marked || !letters || token.chars().count() < 2 || known.contains(&token) {
                continue;
            }
            if let Some(whole) = own.iter().find(|w| w.starts_with(&token) && **w != token) {
                cut.push(format!("{token:?} of {whole:?} in {:?}", line.trim()));
            }
        }
    }
    cut
}
