//! What several test files share: the example session and an app showing it.
#![allow(dead_code)] // each test file uses its own part

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
