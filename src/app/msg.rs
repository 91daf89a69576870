//! Everything that can happen to the app: keys become these through the key map; the runtime
//! adds ticks, pastes, clicks and save results.

use std::time::Duration;

use jiff::Timestamp;
use tui_input::InputRequest;

use std::path::PathBuf;

use super::{Pane, PhonesView, SaveFailure};

/// One change to the app, handled by [`super::update`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Stop, after the last save.
    Quit,
    /// Save now.
    Save,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus this pane (a mouse click).
    Focus(Pane),
    /// Select this cell of the Matrix pane (a mouse click): shown row and column.
    SelectCell(usize, usize),
    /// The focused pane fills the screen, or no longer.
    ToggleZoom,
    /// Show or hide the key help.
    ToggleHelp,
    /// Close what is open (Esc).
    Close,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// To the first row.
    Home,
    /// To the last row.
    End,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// The next step of the method.
    NextStep,
    /// The previous step of the method.
    PrevStep,
    /// Start or pause the timebox.
    TimerStartPause,
    /// Reset the timebox.
    TimerReset,
    /// One minute more on the timebox.
    TimerLonger,
    /// One minute less on the timebox.
    TimerShorter,
    /// Open the participants dialog.
    Participants,
    /// The next status of the selected action (open → bezig → klaar).
    CycleStatus,
    /// Reveal or hide the counts of a secret round.
    Reveal,
    /// Set up a new voting round.
    NewRound,
    /// Give the selected theme a dot of the current voter.
    Dot,
    /// Take one of the current voter's dots back from the selected theme.
    TakeBack,
    /// The next voter.
    NextVoter,
    /// The previous voter.
    PrevVoter,
    /// The next voter who still has dots.
    VoterWithDotsLeft,
    /// List order or ranking order.
    ToggleOrder,
    /// Close the open round.
    CloseRound,
    /// Reopen the closed round (asks first).
    ReopenRound,
    /// Decide the tie at the cut of the shown round.
    DecideTie,
    /// The big top-3 view for the projector.
    BigTop,
    /// Add a theme of the room's own.
    OwnTheme,
    /// Break the tie by a run-off round.
    RunOff,
    /// Break the tie by the facilitator's pick.
    Pick,
    /// Every theme in the matrix, or only the focus themes.
    ToggleAllRows,
    /// Edit the selected theme's evidence (monitor figures).
    Evidence,
    /// Edit the selected theme's texts.
    RenameTheme,
    /// Add a column (level).
    AddLevel,
    /// Rename the selected column.
    RenameLevel,
    /// Move the selected row or activity up.
    MoveUp,
    /// Move the selected row or activity down.
    MoveDown,
    /// Move the selected column left.
    MoveLeft,
    /// Move the selected column right.
    MoveRight,
    /// Remove the selected row (asks when it holds activities).
    RemoveRow,
    /// Remove the selected column (asks when it holds activities).
    RemoveColumn,
    /// Turn the selected needed activity into an action.
    MakeAction,
    /// Switch the Acties pane between actions and regie agreements.
    ToggleAgreements,
    /// The next sort order of the actions.
    Sort,
    /// The next owner filter.
    FilterOwner,
    /// The next status filter.
    FilterStatus,
    /// The next theme filter.
    FilterTheme,
    /// The round of owners: actions grouped per participant.
    ByOwner,
    /// Set the reviewed action to open.
    SetOpen,
    /// Set the reviewed action to bezig.
    SetBusy,
    /// Set the reviewed action to klaar.
    SetDone,
    /// Write the report beside the session.
    Export,
    /// Open or close the ballot box for phones.
    TogglePhones,
    /// Open the ballot box on the laptop's next network address.
    NextAddress,
    /// Void the ballot of the voter on screen (a phone's ballot the room does not accept).
    VoidBallot,
    /// A digit typed in the Stemmen pane: a dot on the candidate with that number.
    Digit(u32),
    /// A ballot from a phone, for this round.
    PhoneBallot(crate::model::RoundId, crate::model::Ballot),
    /// Someone signed in from their phone: on the list as present, so the phone votes as them.
    PhoneJoin {
        /// Their name.
        name: String,
        /// Their organisation, if given.
        organisation: String,
    },
    /// An activity a phone sent in for the matrix: it waits in the queue for the facilitator.
    PhoneInbreng(crate::model::Inbreng),
    /// Open the queue of what phones sent in (beside the matrix), to take it in one by one.
    InbrengQueue,
    /// In the queue: merge the contribution with the look-alike already in its cell.
    Merge,
    /// In the queue: set the contribution aside (or back).
    SetAside,
    /// The ballot box opened (what the pane shows of it), or why it could not.
    PhonesOpened(Result<PhonesView, String>),
    /// How many phones opened the page and how many voted.
    PhonesStats {
        /// Phones that opened the page.
        connected: usize,
        /// Phones whose ballot was accepted.
        voted: usize,
        /// No phone reached the box in its first minute.
        unreached: bool,
    },
    /// The ballot box stopped by itself, for this reason.
    PhonesStopped(String),
    /// The report was written here, or this went wrong.
    Exported(Result<PathBuf, String>),
    /// The terminal has this size now (columns, rows).
    Resize(u16, u16),
    /// Less (a setting).
    Left,
    /// More (a setting).
    Right,
    /// Switch a setting, or tick a theme.
    Toggle,
    /// Bestaand ↔ nodig for the activity being typed in an open cell.
    ToggleNeeded,
    /// Add (in a dialog).
    Add,
    /// Edit the selected item (in a dialog).
    Edit,
    /// Remove the selected item (in a dialog).
    Remove,
    /// Toggle present / absent.
    TogglePresent,
    /// Toggle structural / incidental partner.
    ToggleRole,
    /// Confirm (Enter).
    Confirm,
    /// The next field of a form.
    NextField,
    /// Make the follow-up meeting of the selected session.
    FollowUp,
    /// An answer "yes" to a question.
    Yes,
    /// Show or hide the guide panel: what this step of the method is for and its keys.
    ToggleGuide,
    /// Start typing a search in the key help.
    HelpSearch,
    /// Open the meeting details (gegevens van het overleg): date, time, place, school, region.
    Details,
    /// Regional overview: the next value of the gemeente filter.
    FilterGemeente,
    /// Regional overview: the next value of the wijk filter.
    FilterWijk,
    /// Regional overview: the next value of the samenwerkingsverband filter.
    FilterSwv,
    /// Regional overview: the next value of the school-type filter.
    FilterSchoolType,
    /// Regional overview: the next value of the meeting-year filter.
    FilterYear,
    /// Regional overview: every filter off.
    ClearFilters,
    /// Regional overview: open the selected session, read-only.
    OpenReadOnly,
    /// Open the ambition and indicators of the theme in focus (step 3).
    Ambition,
    /// The selected agreement answers the next regie question.
    NextQuestion,
    /// The selected activity's setting: school, wijk, thuis, online, none.
    CycleSetting,
    /// The selected activity is formal or informal.
    ToggleInformal,
    /// The selected activity's rating in the Databank, one level on.
    CycleRecognition,
    /// Mark the selected activity to stop, or no longer.
    ToggleStop,
    /// Name the selected activity's intervention as the Databank lists it.
    InterventionName,
    /// Who the selected participant is at the table: the next kind of partner.
    CyclePartner,
    /// Show what changed since last year (a follow-up meeting).
    YearAfter,
    /// Write what came of the selected action, for the meeting a year later.
    ActionResult,
    /// In an open cell: the pick list of example activities and protective factors.
    Inspiratie,
    /// Editing keys inside a text field.
    Input(InputRequest),
    /// Text pasted at once (bracketed paste).
    Paste(String),
    /// Time passed, for the timebox.
    Tick(Duration),
    /// The runtime wrote `revision` to disk at this moment, or failed.
    Saved {
        /// The revision written.
        revision: u64,
        /// When, or why it failed.
        result: Result<Timestamp, SaveFailure>,
    },
    /// The session was saved under a new name (revision, path), or why not.
    SavedAs(Result<(u64, PathBuf), String>),
    /// The unsaved work was kept in knoop's data folder, here; or why not.
    RecoveryWritten(Result<PathBuf, String>),
    /// Try the failed save again now.
    RetrySave,
    /// Save the session under another name.
    SaveElsewhere,
    /// Keep the unsaved work in knoop's own folder and quit.
    KeepInDataFolder,
}
