//! What several test files share: the example session and an app showing it.
#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};

use knoop::app::App;
use knoop::i18n::Lang;

/// The example session of the README.
pub const EXAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/voorbeeld-basisschool.json");

/// A Dutch app on the example session.
pub fn example_app() -> App {
    let session = knoop::store::load(Path::new(EXAMPLE)).expect("the example loads");
    App::new(session, PathBuf::from(EXAMPLE), Lang::Nl)
}
