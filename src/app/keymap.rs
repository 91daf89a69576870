//! The one key map: which key does what, where. Key handling and the `?` help overlay both read
//! this table, so the help can never be out of date.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::backend::crossterm::to_input_request;

use super::{App, CellEditor, Msg, Overlay, Pane, ParticipantsDialog, TieDialog};
use crate::i18n::Texts;

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere outside dialogs.
    Global,
    /// When this pane has the focus.
    Pane(Pane),
    /// In the participants list.
    Participants,
    /// In a form with text fields: other keys type text.
    Form,
    /// While a yes/no question is asked.
    Question,
    /// The session picker's list.
    Picker,
    /// The picker's new-session form: a template to choose and a title to type.
    NewSession,
    /// The settings of a new voting round.
    RoundSetup,
    /// The choice how to break a tie.
    Tie,
    /// Ticking the tied themes to pick.
    TiePick,
    /// The big top-3 view.
    BigView,
    /// An open matrix cell.
    Cell,
    /// Typing an activity in an open cell: other keys type text.
    CellLine,
    /// The action form: ↓/↑ in its empty text go through the needed activities.
    ActieForm,
    /// Going through carried actions.
    Review,
    /// A notice to acknowledge.
    Notice,
    /// Quitting with edits not on disk.
    Unsaved,
    /// The key help is open: scroll it, search it, close it.
    Help,
    /// Typing a search in the key help: other keys type text.
    HelpSearch,
    /// The regional overview's sections.
    Overzicht,
    /// The sessions behind a count in the regional overview.
    OverzichtBehind,
    /// The inspiration pick list over an open cell.
    Inspiratie,
    /// The queue of what phones sent in for the matrix.
    Inbreng,
    /// Any dialog without a text field: `?` (and F1) opens the help over it.
    DialogHelp,
    /// Any dialog with a text field, where `?` is text: F1 opens the help over it.
    FormHelp,
}

/// A key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift.
    pub mods: KeyModifiers,
}

const fn key(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::NONE }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}

const fn shift(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::SHIFT }
}

const fn code(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}

/// One line of the key map.
pub struct Binding {
    /// The keys, the first one shown first in the help.
    pub keys: &'static [Key],
    /// What they do.
    pub msg: Msg,
    /// Where.
    pub context: Context,
    /// The help text, in the interface language.
    pub help: fn(&Texts) -> &'static str,
}

use Context::{
    BigView, Cell, CellLine, Form, Global, HelpSearch, NewSession, Notice, Pane as InPane,
    Participants, Picker, Question, Review, RoundSetup, Tie, TiePick, Unsaved,
};

/// One line of the table: context, action, help text, keys.
macro_rules! bind {
    ($context:expr, $msg:ident, $help:ident, [$($key:expr),+ $(,)?]) => {
        Binding { keys: &[$($key),+], msg: Msg::$msg, context: $context, help: |t| t.$help }
    };
}

/// Every key of knoop.
pub static KEYMAP: &[Binding] = &[
    bind!(Global, ToggleHelp, key_help, [key('?'), code(KeyCode::F(1))]),
    bind!(Global, ToggleGuide, key_guide, [key('i')]),
    bind!(Context::DialogHelp, ToggleHelp, key_help, [key('?'), code(KeyCode::F(1))]),
    bind!(Context::FormHelp, ToggleHelp, key_help, [code(KeyCode::F(1))]),
    bind!(Context::Help, Up, key_scroll_up, [code(KeyCode::Up), key('k')]),
    bind!(Context::Help, Down, key_scroll_down, [code(KeyCode::Down), key('j')]),
    bind!(Context::Help, PageUp, key_page_up, [code(KeyCode::PageUp)]),
    bind!(Context::Help, PageDown, key_page_down, [code(KeyCode::PageDown), key(' ')]),
    bind!(Context::Help, Home, key_home, [code(KeyCode::Home)]),
    bind!(Context::Help, End, key_end, [code(KeyCode::End)]),
    bind!(Context::Help, HelpSearch, key_help_search, [key('/')]),
    bind!(Context::Help, Close, key_close, [code(KeyCode::Esc)]),
    bind!(HelpSearch, Confirm, key_help_search_done, [code(KeyCode::Enter)]),
    bind!(HelpSearch, Close, key_help_search_clear, [code(KeyCode::Esc)]),
    bind!(HelpSearch, Up, key_scroll_up, [code(KeyCode::Up)]),
    bind!(HelpSearch, Down, key_scroll_down, [code(KeyCode::Down)]),
    bind!(HelpSearch, PageUp, key_page_up, [code(KeyCode::PageUp)]),
    bind!(HelpSearch, PageDown, key_page_down, [code(KeyCode::PageDown)]),
    bind!(Global, Quit, key_quit, [key('q')]),
    bind!(Global, Save, key_save, [ctrl('s')]),
    bind!(Global, Undo, key_undo, [key('u'), ctrl('z')]),
    bind!(Global, Redo, key_redo, [ctrl('y'), ctrl('r')]),
    bind!(Global, FocusNext, key_focus_next, [code(KeyCode::Tab)]),
    bind!(Global, FocusPrev, key_focus_prev, [shift(KeyCode::BackTab), code(KeyCode::BackTab)]),
    bind!(Global, ToggleZoom, key_zoom, [key('z')]),
    bind!(Global, Close, key_close, [code(KeyCode::Esc)]),
    bind!(Global, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(Global, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(Global, Home, key_home, [code(KeyCode::Home)]),
    bind!(Global, End, key_end, [code(KeyCode::End), key('G')]),
    bind!(Global, PageUp, key_page_up, [code(KeyCode::PageUp)]),
    bind!(Global, PageDown, key_page_down, [code(KeyCode::PageDown)]),
    bind!(Global, NextStep, key_next_step, [key('>'), key('.')]),
    bind!(Global, PrevStep, key_prev_step, [key('<'), key(',')]),
    bind!(Global, TimerStartPause, key_timer, [key('t')]),
    bind!(Global, TimerReset, key_timer_reset, [key('T')]),
    bind!(Global, TimerLonger, key_timer_longer, [key('+'), key('=')]),
    bind!(Global, TimerShorter, key_timer_shorter, [key('-')]),
    bind!(Global, Participants, key_participants, [key('p')]),
    bind!(Global, Export, key_export, [key('E')]),
    bind!(Global, Details, key_details, [key('g')]),
    bind!(Context::Overzicht, Confirm, key_ovz_behind, [code(KeyCode::Enter)]),
    bind!(Context::Overzicht, OpenReadOnly, key_ovz_open, [key('o')]),
    bind!(Context::Overzicht, FilterGemeente, key_ovz_gemeente, [key('m')]),
    bind!(Context::Overzicht, FilterWijk, key_ovz_wijk, [key('w')]),
    bind!(Context::Overzicht, FilterSwv, key_ovz_swv, [key('s')]),
    bind!(Context::Overzicht, FilterSchoolType, key_ovz_type, [key('t')]),
    bind!(Context::Overzicht, FilterYear, key_ovz_year, [key('y')]),
    bind!(Context::Overzicht, ClearFilters, key_ovz_clear, [key('x')]),
    bind!(Context::Overzicht, FocusNext, key_ovz_next, [code(KeyCode::Tab), code(KeyCode::Right)]),
    bind!(
        Context::Overzicht,
        FocusPrev,
        key_ovz_prev,
        [shift(KeyCode::BackTab), code(KeyCode::BackTab), code(KeyCode::Left)]
    ),
    bind!(Context::Overzicht, ToggleHelp, key_help, [key('?'), code(KeyCode::F(1))]),
    bind!(Context::Overzicht, Quit, key_quit_picker, [key('q')]),
    bind!(Context::Overzicht, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(Context::Overzicht, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(Context::Overzicht, Home, key_home, [code(KeyCode::Home)]),
    bind!(Context::Overzicht, End, key_end, [code(KeyCode::End)]),
    bind!(Context::Overzicht, PageUp, key_page_up, [code(KeyCode::PageUp)]),
    bind!(Context::Overzicht, PageDown, key_page_down, [code(KeyCode::PageDown)]),
    bind!(Context::OverzichtBehind, OpenReadOnly, key_ovz_open, [key('o'), code(KeyCode::Enter)]),
    bind!(Context::OverzichtBehind, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(Context::OverzichtBehind, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(Context::OverzichtBehind, Close, key_close, [code(KeyCode::Esc)]),
    bind!(Context::OverzichtBehind, Quit, key_quit_picker, [key('q')]),
    bind!(InPane(Pane::Acties), CycleStatus, key_cycle_status, [key(' '), key('s')]),
    bind!(InPane(Pane::Acties), Add, key_add_action, [key('a'), code(KeyCode::Insert)]),
    bind!(InPane(Pane::Acties), Edit, key_edit_action, [code(KeyCode::Enter), key('e')]),
    bind!(InPane(Pane::Acties), Remove, key_remove_action, [key('d'), code(KeyCode::Delete)]),
    bind!(InPane(Pane::Acties), Sort, key_sort, [key('o')]),
    bind!(InPane(Pane::Acties), FilterOwner, key_filter_owner, [key('w')]),
    bind!(InPane(Pane::Acties), FilterStatus, key_filter_status, [key('x')]),
    bind!(InPane(Pane::Acties), FilterTheme, key_filter_theme, [key('h')]),
    bind!(InPane(Pane::Acties), ByOwner, key_by_owner, [key('r')]),
    bind!(InPane(Pane::Acties), ToggleAgreements, key_agreements, [key('A')]),
    bind!(InPane(Pane::Stemmen), Dot, key_dot, [key(' ')]),
    bind!(InPane(Pane::Stemmen), TakeBack, key_take_back, [key('x'), code(KeyCode::Backspace)]),
    bind!(InPane(Pane::Stemmen), VoterWithDotsLeft, key_voter_with_dots, [key('v')]),
    bind!(InPane(Pane::Stemmen), NextVoter, key_next_voter, [key(']')]),
    bind!(InPane(Pane::Stemmen), PrevVoter, key_prev_voter, [key('[')]),
    bind!(InPane(Pane::Stemmen), ToggleOrder, key_toggle_order, [key('l')]),
    bind!(InPane(Pane::Stemmen), NewRound, key_new_round, [key('n')]),
    bind!(InPane(Pane::Stemmen), CloseRound, key_close_round, [key('c')]),
    bind!(InPane(Pane::Stemmen), DecideTie, key_decide_tie, [key('d')]),
    bind!(InPane(Pane::Stemmen), ReopenRound, key_reopen_round, [key('h')]),
    bind!(InPane(Pane::Stemmen), OwnTheme, key_own_theme, [key('a')]),
    bind!(InPane(Pane::Stemmen), BigTop, key_big_top, [key('b')]),
    bind!(InPane(Pane::Stemmen), Reveal, key_reveal, [key('o')]),
    bind!(InPane(Pane::Stemmen), TogglePhones, key_phones, [key('f')]),
    bind!(InPane(Pane::Stemmen), NextAddress, key_next_address, [key('F')]),
    bind!(InPane(Pane::Stemmen), VoidBallot, key_void_ballot, [key('w')]),
    Binding {
        keys: &[
            key('1'),
            key('2'),
            key('3'),
            key('4'),
            key('5'),
            key('6'),
            key('7'),
            key('8'),
            key('9'),
            key('0'),
        ],
        msg: Msg::Digit(0),
        context: InPane(Pane::Stemmen),
        help: |t| t.key_digit,
    },
    bind!(InPane(Pane::Stemmen), Confirm, key_digit_enter, [code(KeyCode::Enter)]),
    bind!(InPane(Pane::Matrix), Left, key_left, [code(KeyCode::Left), key('h')]),
    bind!(InPane(Pane::Matrix), Right, key_right, [code(KeyCode::Right), key('l')]),
    bind!(InPane(Pane::Matrix), Edit, key_open_cell, [code(KeyCode::Enter), key('e')]),
    bind!(InPane(Pane::Matrix), ToggleAllRows, key_all_rows, [key('v')]),
    bind!(InPane(Pane::Matrix), TogglePhones, key_phones_inbreng, [key('f')]),
    bind!(InPane(Pane::Matrix), InbrengQueue, key_inbreng_queue, [key('b')]),
    bind!(Context::Inbreng, Confirm, key_inbreng_take, [code(KeyCode::Enter)]),
    bind!(Context::Inbreng, Merge, key_inbreng_merge, [key('s')]),
    bind!(Context::Inbreng, Edit, key_inbreng_edit, [key('e')]),
    bind!(Context::Inbreng, SetAside, key_inbreng_aside, [key('x')]),
    bind!(Context::Inbreng, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(Context::Inbreng, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(Context::Inbreng, Undo, key_undo, [key('u'), ctrl('z')]),
    bind!(Context::Inbreng, Close, key_close, [code(KeyCode::Esc), key('q')]),
    bind!(InPane(Pane::Matrix), Evidence, key_edit_evidence, [key('o')]),
    bind!(InPane(Pane::Matrix), RenameTheme, key_rename_theme, [key('r')]),
    bind!(InPane(Pane::Matrix), OwnTheme, key_own_theme, [key('a')]),
    bind!(InPane(Pane::Matrix), AddLevel, key_add_level, [key('A')]),
    bind!(InPane(Pane::Matrix), RenameLevel, key_rename_level, [key('R')]),
    bind!(InPane(Pane::Matrix), MoveUp, key_move_row_up, [key('K')]),
    bind!(InPane(Pane::Matrix), MoveDown, key_move_row_down, [key('J')]),
    bind!(InPane(Pane::Matrix), MoveLeft, key_move_left, [key('H')]),
    bind!(InPane(Pane::Matrix), MoveRight, key_move_right, [key('L')]),
    bind!(InPane(Pane::Matrix), RemoveRow, key_remove_row, [key('D')]),
    bind!(InPane(Pane::Matrix), RemoveColumn, key_remove_column, [key('X')]),
    bind!(InPane(Pane::Matrix), Ambition, key_ambition, [key('i')]),
    bind!(InPane(Pane::Acties), Ambition, key_ambition, [key('i')]),
    bind!(InPane(Pane::Acties), NextQuestion, key_next_question, [key('v')]),
    bind!(Cell, CycleSetting, key_cycle_setting, [key('w')]),
    bind!(Cell, ToggleInformal, key_toggle_informal, [key('f')]),
    bind!(Cell, CycleRecognition, key_cycle_recognition, [key('r')]),
    bind!(Cell, ToggleStop, key_toggle_stop, [key('s')]),
    bind!(Cell, InterventionName, key_intervention_name, [key('n')]),
    bind!(Participants, CyclePartner, key_cycle_partner, [key('f')]),
    bind!(Global, YearAfter, key_year_after, [key('V')]),
    bind!(InPane(Pane::Acties), ActionResult, key_action_result, [key('R')]),
    bind!(Participants, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(Participants, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(Participants, Add, key_add_participant, [key('a'), code(KeyCode::Insert)]),
    bind!(Participants, Edit, key_edit_participant, [code(KeyCode::Enter), key('e')]),
    bind!(Participants, Remove, key_remove_participant, [key('d'), code(KeyCode::Delete)]),
    bind!(Participants, TogglePresent, key_toggle_present, [key(' ')]),
    bind!(Participants, ToggleRole, key_toggle_role, [key('r')]),
    bind!(Participants, Undo, key_undo, [key('u'), ctrl('z')]),
    bind!(Participants, Redo, key_redo, [ctrl('y'), ctrl('r')]),
    bind!(Participants, Close, key_close, [code(KeyCode::Esc), key('q')]),
    bind!(Form, Confirm, key_form_save, [code(KeyCode::Enter)]),
    bind!(
        Form,
        NextField,
        key_next_field,
        [code(KeyCode::Tab), code(KeyCode::Down), code(KeyCode::Up), code(KeyCode::BackTab),]
    ),
    bind!(Form, Close, key_form_cancel, [code(KeyCode::Esc)]),
    bind!(Question, Yes, key_yes, [key('j'), key('y')]),
    bind!(Question, Close, key_no, [code(KeyCode::Esc), key('n')]),
    bind!(Picker, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(Picker, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(Picker, Confirm, key_open_session, [code(KeyCode::Enter)]),
    bind!(Picker, Add, key_new_session, [key('n')]),
    bind!(Picker, FollowUp, key_follow_up, [key('v')]),
    bind!(Picker, Quit, key_quit_picker, [key('q')]),
    bind!(NewSession, Down, key_choose_template, [code(KeyCode::Down)]),
    bind!(NewSession, Up, key_choose_template_up, [code(KeyCode::Up)]),
    bind!(NewSession, Confirm, key_create_session, [code(KeyCode::Enter)]),
    bind!(NewSession, Close, key_form_cancel, [code(KeyCode::Esc)]),
    bind!(RoundSetup, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(RoundSetup, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(RoundSetup, Left, key_less, [code(KeyCode::Left), key('-'), key('h')]),
    bind!(RoundSetup, Right, key_more, [code(KeyCode::Right), key('+'), key('l')]),
    bind!(RoundSetup, Toggle, key_switch, [key(' ')]),
    bind!(RoundSetup, Confirm, key_start_round, [code(KeyCode::Enter)]),
    bind!(RoundSetup, Close, key_form_cancel, [code(KeyCode::Esc)]),
    bind!(Tie, RunOff, key_run_off, [key('r')]),
    bind!(Tie, Pick, key_pick, [key('k')]),
    bind!(Tie, Close, key_later, [code(KeyCode::Esc)]),
    bind!(TiePick, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(TiePick, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(TiePick, Toggle, key_tick, [key(' ')]),
    bind!(TiePick, Confirm, key_to_reason, [code(KeyCode::Enter)]),
    bind!(TiePick, Close, key_form_cancel, [code(KeyCode::Esc)]),
    bind!(
        BigView,
        Close,
        key_close,
        [code(KeyCode::Esc), key('b'), code(KeyCode::Enter), key('q')]
    ),
    bind!(CellLine, Confirm, key_cell_line_add, [code(KeyCode::Enter)]),
    bind!(
        CellLine,
        NextField,
        key_cell_line_provider,
        [code(KeyCode::Tab), code(KeyCode::BackTab)]
    ),
    bind!(CellLine, ToggleNeeded, key_cell_line_needed, [ctrl('n'), code(KeyCode::F(2))]),
    bind!(CellLine, Up, key_cell_line_up, [code(KeyCode::Up)]),
    bind!(CellLine, Close, key_cell_line_close, [code(KeyCode::Esc)]),
    bind!(Context::ActieForm, Down, key_actie_suggest, [code(KeyCode::Down)]),
    bind!(Context::ActieForm, Up, key_actie_suggest_up, [code(KeyCode::Up)]),
    bind!(Cell, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(Cell, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(Cell, Add, key_add_activity, [key('a'), code(KeyCode::Insert)]),
    bind!(Cell, Edit, key_edit_activity, [code(KeyCode::Enter), key('e')]),
    bind!(Cell, Toggle, key_toggle_activity, [key(' ')]),
    bind!(Cell, Remove, key_remove_activity, [key('d'), code(KeyCode::Delete)]),
    bind!(Cell, MoveUp, key_move_up, [key('K')]),
    bind!(Cell, MoveDown, key_move_down, [key('J')]),
    bind!(Cell, MakeAction, key_make_action, [key('m')]),
    bind!(Cell, Inspiratie, key_inspiratie, [key('v')]),
    bind!(Context::Inspiratie, Up, key_up, [code(KeyCode::Up), key('k')]),
    bind!(Context::Inspiratie, Down, key_down, [code(KeyCode::Down), key('j')]),
    bind!(Context::Inspiratie, Confirm, key_inspiratie_pick, [code(KeyCode::Enter)]),
    bind!(Context::Inspiratie, Close, key_close, [code(KeyCode::Esc), key('q')]),
    bind!(Cell, Undo, key_undo, [key('u'), ctrl('z')]),
    bind!(Cell, Redo, key_redo, [ctrl('y'), ctrl('r')]),
    bind!(Cell, Close, key_close, [code(KeyCode::Esc), key('q')]),
    bind!(Review, SetOpen, key_set_open, [key('o')]),
    bind!(Review, SetBusy, key_set_busy, [key('b')]),
    bind!(Review, SetDone, key_set_done, [key('k')]),
    bind!(Review, Up, key_up, [code(KeyCode::Up)]),
    bind!(Review, Down, key_review_next, [code(KeyCode::Down), code(KeyCode::Enter)]),
    bind!(Review, Close, key_review_close, [code(KeyCode::Esc), key('q')]),
    bind!(Notice, Confirm, key_seen, [code(KeyCode::Enter), code(KeyCode::Esc)]),
    bind!(Unsaved, RetrySave, key_retry_save, [key('r')]),
    bind!(Unsaved, SaveElsewhere, key_save_elsewhere, [key('a')]),
    bind!(Unsaved, KeepInDataFolder, key_keep_in_data, [key('h')]),
    bind!(Unsaved, Close, key_back, [code(KeyCode::Esc)]),
];

/// The contexts whose keys apply now, most specific first.
pub fn contexts(app: &App) -> Vec<Context> {
    let mut contexts = overlay_contexts(app, &app.overlay);
    if !matches!(app.overlay, Overlay::None | Overlay::Help) {
        contexts.push(help_context(&contexts));
    }
    contexts
}

/// How the help opens over a dialog with these contexts: F1 alone where keys type text.
pub fn help_context(contexts: &[Context]) -> Context {
    if contexts.iter().any(|c| matches!(c, Context::Form | Context::NewSession | Context::CellLine))
    {
        Context::FormHelp
    } else {
        Context::DialogHelp
    }
}

/// The contexts of `overlay`'s keys, most specific first (the help over a dialog not counted).
pub fn overlay_contexts(app: &App, overlay: &Overlay) -> Vec<Context> {
    match overlay {
        Overlay::Participants(ParticipantsDialog { question: Some(_), .. }) => {
            vec![Context::Question]
        }
        Overlay::Participants(ParticipantsDialog { form: Some(_), .. }) => vec![Context::Form],
        Overlay::Participants(_) => vec![Context::Participants],
        Overlay::TextField(_) => vec![Context::Form],
        Overlay::Recovery(_) | Overlay::ConfirmReopen(_) => vec![Context::Question],
        Overlay::RoundSetup(_) => vec![Context::RoundSetup],
        Overlay::Cell(CellEditor { form: Some(f), .. }) if f.editing.is_none() => {
            vec![Context::CellLine]
        }
        Overlay::Cell(CellEditor { form: Some(_), .. }) => vec![Context::Form],
        Overlay::Cell(_) => vec![Context::Cell],
        Overlay::ConfirmRemove(_) => vec![Context::Question],
        Overlay::ActieForm(_) => vec![Context::ActieForm, Context::Form],
        Overlay::Details(_) => vec![Context::Form],
        Overlay::Review(_) => vec![Context::Review],
        Overlay::Tie(TieDialog { pick: None, .. }) => vec![Context::Tie],
        Overlay::Tie(TieDialog { pick: Some(pick), .. }) if pick.reason.is_none() => {
            vec![Context::TiePick]
        }
        Overlay::Tie(_) => vec![Context::Form],
        Overlay::TopThree => vec![Context::BigView],
        Overlay::Ambition(_) => vec![Context::Form],
        Overlay::YearAfter => vec![Context::BigView],
        Overlay::Inspiratie(_) => vec![Context::Inspiratie],
        Overlay::Inbreng(d) if d.form.is_some() => vec![Context::Form],
        Overlay::Inbreng(_) => vec![Context::Inbreng],
        Overlay::Notice { .. } => vec![Context::Notice],
        Overlay::Unsaved(d) if d.path.is_some() => vec![Context::Form],
        Overlay::Unsaved(_) => vec![Context::Unsaved],
        Overlay::Help if app.help.typing => vec![Context::HelpSearch],
        Overlay::Help => vec![Context::Help, Context::Pane(app.focus), Context::Global],
        Overlay::None => vec![Context::Pane(app.focus), Context::Global],
    }
}

/// Whether `event` is this key. Shift is part of capitals and symbols, so it is ignored for
/// characters.
fn matches(k: &Key, event: &KeyEvent) -> bool {
    let mods = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    let want = match k.code {
        KeyCode::Char(_) => k.mods - KeyModifiers::SHIFT,
        _ => k.mods,
    };
    let code = match (k.code, event.code) {
        // Some terminals send Ctrl-S as upper case when Shift is down; letters compare case-blind
        // only under Ctrl.
        (KeyCode::Char(a), KeyCode::Char(b)) if want.contains(KeyModifiers::CONTROL) => {
            a.eq_ignore_ascii_case(&b)
        }
        (a, b) => a == b,
    };
    code && mods == want
}

/// The action of a key press now, if any. In a form, keys that are not bound edit the text.
pub fn msg_for(app: &App, event: KeyEvent) -> Option<Msg> {
    msg_in(&contexts(app), event)
}

/// The action of a key press in these contexts, most specific first. In a context with a text
/// field, keys that are not bound edit the text.
pub fn msg_in(contexts: &[Context], event: KeyEvent) -> Option<Msg> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for context in contexts {
        for binding in KEYMAP.iter().filter(|b| b.context == *context) {
            if binding.keys.iter().any(|k| matches(k, &event)) {
                // One line of the map stands for all ten digits: the key says which.
                if let (Msg::Digit(_), KeyCode::Char(c)) = (&binding.msg, event.code) {
                    return c.to_digit(10).map(Msg::Digit);
                }
                return Some(binding.msg.clone());
            }
        }
    }
    if contexts.contains(&Context::Form)
        || contexts.contains(&Context::CellLine)
        || contexts.contains(&Context::NewSession)
        || contexts.contains(&Context::HelpSearch)
    {
        let event = ratatui::crossterm::event::Event::Key(event);
        return to_input_request(&event).map(Msg::Input);
    }
    None
}

mod words;
pub use words::{acting_lines, acts, bindings_in, help_lines, help_text, key_label, key_labels};

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
