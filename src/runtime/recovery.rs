//! Crash recovery: the newest session state is kept where a panic hook can reach it, and a
//! panic writes it beside the session as `NAME.json.recover` before the terminal is given
//! back. The next `knoop open` offers it.

use std::path::PathBuf;
use std::sync::Mutex;

use crate::model::Session;
use crate::store;

/// The last session state, for the panic hook to write as a recovery file.
static RECOVERY: Mutex<Option<(PathBuf, Session)>> = Mutex::new(None);

/// Keeps `session` (the newest state of the file at `path`) for the panic hook.
pub fn remember(path: PathBuf, session: Session) {
    if let Ok(mut recovery) = RECOVERY.lock() {
        *recovery = Some((path, session));
    }
}

/// Forgets the kept state: the program ended normally, with everything written.
pub fn forget() {
    if let Ok(mut recovery) = RECOVERY.lock() {
        *recovery = None;
    }
}

/// On a panic of the program's own thread, writes the last session state beside the session
/// as `NAME.json.recover`, then lets the previous hook (ratatui's, which restores the
/// terminal) run. A panic on a helper thread (the ballot box catches its own and reports a
/// stop) must not give the terminal back under a program that goes on running.
pub fn install_hook() {
    let previous = std::panic::take_hook();
    let main = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != main {
            return;
        }
        if let Ok(recovery) = RECOVERY.try_lock()
            && let Some((path, session)) = recovery.as_ref()
        {
            let _ = store::write_recovery(path, session);
        }
        previous(info);
    }));
}
