//! What `update` asks of the outside world. `update` never touches a file, a socket or the
//! terminal: it returns these, the runtime performs them and answers with a [`super::Msg`]
//! (`Saved`, `Exported`, `PhonesOpened`, …). A test drives `update` and asserts the effects
//! without any of that machinery.

use std::path::PathBuf;
use std::time::Duration;

use crate::model::{Session, Voter};
use crate::report::Format;

impl Effect {
    /// Stop, with nothing more to say.
    pub const QUIT: Effect = Effect::Quit { farewell: None };
}

/// One thing the runtime must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The session changed: keep `session` at once as the state a crash would recover, and
    /// write it to the session file, within half a second or at once when `now`. Answered
    /// by [`super::Msg::Saved`].
    Save {
        /// The revision this state has.
        revision: u64,
        /// The state to write (sections shared with the app's copy, so cheap to hold).
        session: Session,
        /// Write without waiting (Ctrl-S, quitting).
        now: bool,
    },
    /// A save failed: try the same again after `after`, unless a newer state comes first.
    RetrySave {
        /// The revision this state has.
        revision: u64,
        /// The state to write.
        session: Session,
        /// How long to wait.
        after: Duration,
    },
    /// Save `session` as a new file at `path` and go on from there (the old file could not
    /// be written). Answered by [`super::Msg::SavedAs`].
    SaveAs {
        /// Where.
        path: PathBuf,
        /// What.
        session: Session,
        /// The revision it has.
        revision: u64,
    },
    /// Keep `session` in knoop's own data folder, where the next `knoop open` of this file
    /// offers it. Answered by [`super::Msg::RecoveryWritten`].
    WriteRecovery {
        /// What.
        session: Session,
    },
    /// Write the report of `session` to `path`. Answered by [`super::Msg::Exported`].
    Export {
        /// Where.
        path: PathBuf,
        /// Markdown, CSV or HTML.
        format: Format,
        /// What.
        session: Session,
    },
    /// Open the ballot box for phones: for this round's ballot, or for inbreng. Answered by
    /// [`super::Msg::PhonesOpened`].
    OpenPhones {
        /// What phones get: the open round's ballot, or the inbreng form.
        serving: super::PhonesFor,
        /// Which of the laptop's network addresses, best first (wrapping).
        address: usize,
    },
    /// The facilitator voided this voter's ballot from a phone: the box frees the name and
    /// the phone may vote again.
    VoidPhone(Voter),
    /// The round the box serves changed (a dot, a new participant): give it the new state.
    SyncPhones,
    /// The open box serves something else now (the inbreng form instead of the ballot, or
    /// back): the same address, code and phones.
    ServePhones(super::PhonesFor),
    /// Close the ballot box: the server stops listening.
    ClosePhones,
    /// The facilitator chose the file on disk over a recovered state: forget the recovery.
    DiscardRecovery,
    /// Stop: everything is written (or the session is read-only, or kept elsewhere).
    /// `farewell` is printed once the terminal is given back: where the work went.
    Quit {
        /// What to tell the facilitator after the screen closes.
        farewell: Option<String>,
    },
}
