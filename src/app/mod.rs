//! The application: its state, the actions that change it, and the one key map.
//!
//! Data flows one way: a key becomes a [`Msg`] through [`keymap`], [`update`] changes the
//! [`App`], and the `ui` draws it. Nothing here draws or touches a file: saving is asked of the
//! runtime through the revision counter, so every function here can be driven by tests.

mod derived;
pub mod dialogs;
mod effect;
mod guide;
mod history;
pub mod keymap;
mod msg;
pub mod panes;
mod phones;
mod picker;
mod step;
mod timer;
mod update;

use std::path::PathBuf;

use jiff::Timestamp;

pub use derived::RoundView;
pub use dialogs::actie_form::{
    ActieForm, FormTarget, Review, owner_match, theme_choices, typed_date,
};
pub use dialogs::ambition::{AmbitionForm, INDICATOR_FIELDS, theme_in_focus, theme_in_pane};
pub use dialogs::cell::{ActivityForm, CellEditor, suggestion};
pub use dialogs::details::{DetailField, DetailsDialog, NotUnderstood};
pub use dialogs::help::{HelpRow, HelpView, help_rows};
pub use dialogs::inbreng::InbrengDialog;
pub use dialogs::inspiratie::InspiratiePick;
pub use dialogs::participants::{ParticipantForm, ParticipantsDialog, RemovalQuestion};
pub use dialogs::round::{RoundSetup, TieDialog, TiePick};
pub use dialogs::text_field::{TextField, TextTarget};
pub use dialogs::unsaved::UnsavedDialog;
pub use effect::Effect;
pub use guide::{Guide, GuideKey, guide, step_name};
pub use history::{History, UNDO_BUDGET};
pub use msg::Msg;
pub use panes::acties::{ActiesList, ActiesView, SortBy, rows as acties_rows};
pub use panes::matrix::{MatrixView, Removal, rows as matrix_rows, selected_cell};
pub use panes::stemmen::{
    VotingView, ranked as voting_ranked, rows as voting_rows, voter_name, voters,
};
pub use phones::{PhonesFor, PhonesView};
pub use picker::{NewSessionForm, Picker, PickerEntry, PickerOutcome};
pub use step::{Pane, Step};
pub use timer::Timer;
pub use update::update;

use crate::i18n::Lang;
use crate::model::Session;

/// The smallest terminal knoop draws in: 80×24, what every terminal opens with.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Whether a screen of `width` × `height` is below [`MIN_SIZE`]: nothing but a notice is
/// drawn then, and keys other than quit and help do nothing.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_SIZE.0 || height < MIN_SIZE.1
}

/// What lies over the panes.
#[derive(Clone, Debug, Default)]
pub enum Overlay {
    /// Nothing: the panes have the keys.
    #[default]
    None,
    /// The key help of the focused pane.
    Help,
    /// The participants dialog.
    Participants(ParticipantsDialog),
    /// Something the facilitator must have read (a crashed knoop's lock was taken over)
    /// before `then` is shown.
    Notice {
        /// What happened.
        text: String,
        /// The overlay after it (usually none).
        then: Box<Overlay>,
    },
    /// Quitting while the last edits are not on disk: try again, save elsewhere, or keep
    /// them in knoop's own folder.
    Unsaved(UnsavedDialog),
    /// A one-line text dialog for one field.
    TextField(TextField),
    /// The settings of a new voting round.
    RoundSetup(RoundSetup),
    /// Breaking a tie at the cut.
    Tie(TieDialog),
    /// "Reopen this closed round?"
    ConfirmReopen(crate::model::RoundId),
    /// The top 3 in big letters for the projector.
    TopThree,
    /// An open matrix cell with its activities.
    Cell(CellEditor),
    /// "Remove this row or column with its activities?"
    ConfirmRemove(Removal),
    /// Adding or editing an action or agreement.
    ActieForm(ActieForm),
    /// Going through the actions carried into a follow-up meeting.
    Review(Review),
    /// A crash left this newer state: restore it?
    Recovery(Box<Session>),
    /// The meeting details: date, time, place, facilitator, school and region.
    Details(DetailsDialog),
    /// The ambition and indicators of one theme (step 3).
    Ambition(AmbitionForm),
    /// What changed since last year, for the projector.
    YearAfter,
    /// Example activities and protective factors to pick into an open cell.
    Inspiratie(InspiratiePick),
    /// What phones sent in for the matrix, one contribution at a time.
    Inbreng(InbrengDialog),
}

/// Where saving stands, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is on disk, last written at this moment.
    Saved(Timestamp),
    /// Nothing changed since opening.
    Unchanged,
    /// The last save failed; it is tried again by itself.
    Failed {
        /// Why, and what to do about it.
        failure: SaveFailure,
        /// Failed saves in a row.
        attempts: u32,
        /// Until the next try, counted down on screen.
        retry_in: std::time::Duration,
    },
}

/// A save that failed, in the session's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveFailure {
    /// A few words for the status line: "schijf vol", "geen schrijfrechten".
    pub reason: String,
    /// The whole sentence: which file, what happened, what to do.
    pub message: String,
}

impl SaveFailure {
    /// A failure with this short reason and sentence.
    pub fn new(reason: &str, message: &str) -> Self {
        SaveFailure { reason: reason.to_owned(), message: message.to_owned() }
    }
}

/// The whole state of a running knoop.
#[derive(Debug)]
pub struct App {
    /// Interface language.
    pub lang: Lang,
    /// The session on screen.
    pub session: Session,
    /// Its file.
    pub path: PathBuf,
    /// Set when another knoop holds the session: who, in words. Edits are refused.
    pub read_only: Option<String>,
    /// The pane with the keys.
    pub focus: Pane,
    /// The focused pane fills the screen.
    pub zoomed: bool,
    /// The step of the method.
    pub step: Step,
    /// Help or a dialog over the panes.
    pub overlay: Overlay,
    /// The selected row in each pane.
    pub selected: [usize; 3],
    /// Who votes now and in which order the Stemmen pane lists the round.
    pub voting: VotingView,
    /// The Matrix pane's column and row choice.
    pub matrix: MatrixView,
    /// The Acties pane's list, order and filters.
    pub acties: ActiesView,
    /// Today, for typed dates and overdue markers; from the clock when the app starts.
    pub today: jiff::civil::Date,
    /// The timebox.
    pub timer: Timer,
    /// A short message for the status line (a refusal, a hint), cleared by the next key.
    pub message: Option<String>,
    /// Bumped by every edit; the runtime saves when it is ahead of `saved_revision`.
    pub revision: u64,
    /// The revision last written to disk.
    pub saved_revision: u64,
    /// What the status line says about saving.
    pub save_state: SaveState,
    /// Undo and redo, within a memory budget.
    pub history: History,
    /// Quit was asked: the app stops as soon as everything is written.
    pub quitting: bool,
    /// The open ballot box, as the Stemmen pane shows it.
    pub phones: Option<PhonesView>,
    /// Below the smallest size knoop draws in: only quit and help act.
    pub too_small: bool,
    /// Bumped whenever what the screen shows may have changed; the runtime draws only then.
    pub view_revision: u64,
    /// What the runtime must do after the message being handled; `update` hands it over.
    effects: Vec<Effect>,
    /// Rankings, counts and indexes computed once per change, for the screen.
    derived: derived::Derived,
    /// Set by `knoop demo`: the session is a practice copy in this demo folder, and the status
    /// line says so, so nobody thinks the example itself is being changed.
    pub demo: Option<PathBuf>,
    /// The key help's scroll position and search, while it is open.
    pub help: HelpView,
}

impl App {
    /// A fresh app showing `session` from `path`.
    pub fn new(session: Session, path: PathBuf, lang: Lang) -> Self {
        App {
            lang,
            session,
            path,
            read_only: None,
            focus: Pane::Stemmen,
            zoomed: false,
            step: Step::Prioriteren,
            overlay: Overlay::None,
            selected: [0; 3],
            voting: VotingView::default(),
            matrix: MatrixView::default(),
            acties: ActiesView::default(),
            today: jiff::ZonedDateTime::now().date(),
            timer: Timer::default(),
            message: None,
            revision: 0,
            saved_revision: 0,
            save_state: SaveState::Unchanged,
            history: History::default(),
            quitting: false,
            phones: None,
            too_small: false,
            view_revision: 0,
            effects: Vec::new(),
            derived: derived::Derived::default(),
            demo: None,
            help: HelpView::default(),
        }
    }

    /// The day typed dates count from: the meeting's date when it lies ahead (a meeting
    /// prepared in advance: "vrijdag" is the Friday after it), else today.
    pub fn date_reference(&self) -> jiff::civil::Date {
        self.session.meeting_date.map_or(self.today, |meeting| meeting.max(self.today))
    }

    /// Whether there are changes not yet on disk.
    pub fn unsaved(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Changes the session through `edit`, keeping the state before for undo. In a read-only
    /// session nothing changes and a message says why.
    pub fn edit<E>(&mut self, edit: impl FnOnce(&mut Session) -> Result<(), E>) -> Result<(), E> {
        if self.refuse_if_read_only() {
            return Ok(());
        }
        let before = self.session.clone();
        edit(&mut self.session)?;
        if self.session != before {
            self.history.push(before, &self.session);
            self.changed();
        }
        Ok(())
    }

    /// Says so and returns true when the session is read-only.
    pub fn refuse_if_read_only(&mut self) -> bool {
        if self.read_only.is_some() {
            self.message = Some(self.lang.texts().ui_read_only_refused.to_owned());
        }
        self.read_only.is_some()
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.session.touch(Timestamp::now());
        self.session_changed();
    }

    /// After the session changed (an edit, undo, redo): save it, and keep the ballot box
    /// and the screen in step with it.
    fn session_changed(&mut self) {
        self.effect(Effect::Save {
            revision: self.revision,
            session: self.session.clone(),
            now: false,
        });
        if let Some(phones) = &self.phones {
            // The inbreng form stays as long as the facilitator wants it; a round's ballot
            // only while the round is open.
            let still_open = match phones.serving {
                PhonesFor::Round(round) => self.session.round(round).is_some_and(|r| r.is_open()),
                PhonesFor::Inbreng => true,
            };
            if still_open {
                self.effect(Effect::SyncPhones);
            } else {
                self.phones = None;
                self.effect(Effect::ClosePhones);
            }
        }
    }

    /// Asks the runtime to do `effect` after this message.
    pub(crate) fn effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// Undoes the last edit, in any pane.
    pub fn undo(&mut self) {
        self.travel(true);
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        self.travel(false);
    }

    /// Queues an activity a phone sent in: kept in the session (saved like an edit, so a
    /// crash loses none), but no step to undo: undo is for what the facilitator did.
    pub fn receive(&mut self, item: &crate::model::Inbreng) {
        if self.read_only.is_some() {
            return;
        }
        let (i, from) = (item, item.from.as_str());
        match self.session.receive(i.theme, i.level, &i.text, &i.provider, i.status, from) {
            Ok(_) => self.changed(),
            // The box checked it against what it knew; the session may have moved on (a row
            // removed, the queue full of set-aside items): say so rather than drop it unseen.
            Err(e) => {
                let why = crate::i18n::errors::inbreng_text(self.lang, &e);
                self.message = Some(format!("{} {why}", self.lang.texts().inbreng_not_queued));
            }
        }
    }

    /// Moves one step back (undo) or forward (redo) through the edit history.
    fn travel(&mut self, back: bool) {
        if self.refuse_if_read_only() {
            return;
        }
        // A copy of the session shares every list with it: cheap.
        let now = self.session.clone();
        let moved = if back { self.history.undo(now) } else { self.history.redo(now) };
        match moved {
            Some(state) => {
                // Showing the guide is a view choice, not an edit: undo keeps it as it is.
                let guide_hidden = self.session.guide_hidden;
                let queue = self.session.inbreng.clone();
                self.session = state;
                self.session.guide_hidden = guide_hidden;
                // What phones sent in after that step stays: undo is the facilitator's.
                let restored = &mut self.session.inbreng;
                for item in queue.items.iter().filter(|i| i.id >= restored.next) {
                    if restored.get(item.id).is_none() {
                        restored.items.push(item.clone());
                    }
                }
                restored.next = restored.next.max(queue.next);
                self.revision += 1;
                self.session_changed();
                self.clamp_selection();
            }
            None => {
                let t = self.lang.texts();
                let text = if back { t.ui_nothing_to_undo } else { t.ui_nothing_to_redo };
                self.message = Some(text.to_owned());
            }
        }
    }

    /// How many rows the pane lists, for moving its selection.
    pub fn rows_in(&self, pane: Pane) -> usize {
        match pane {
            Pane::Stemmen => panes::stemmen::rows(self).len(),
            Pane::Matrix => panes::matrix::rows(self).len(),
            Pane::Acties => match self.acties.list {
                ActiesList::Actions => panes::acties::rows(self).len(),
                ActiesList::Agreements => self.session.agreements.len(),
            },
        }
    }

    /// Keeps every selection inside its list after the lists changed.
    pub fn clamp_selection(&mut self) {
        for pane in Pane::ALL {
            let rows = self.rows_in(pane);
            let sel = &mut self.selected[pane.index()];
            *sel = (*sel).min(rows.saturating_sub(1));
        }
    }

    /// The selected row of `pane`.
    pub fn selected(&self, pane: Pane) -> usize {
        self.selected[pane.index()]
    }

    /// The round the Stemmen pane shows: the open one, else the last.
    pub fn shown_round(&self) -> Option<&crate::model::Round> {
        let rounds = &self.session.rounds;
        rounds.iter().rev().find(|r| r.is_open()).or(rounds.last())
    }
}
