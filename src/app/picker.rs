//! The session picker: the first screen of `knoop` without arguments. It lists the sessions in
//! the folder and ends in an [`PickerOutcome`] that the runtime carries out (files are not
//! touched here).

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use tui_input::Input;

use super::Msg;
use super::dialogs::text_field::{paste_into, type_into};
use super::keymap::Context;
use crate::i18n::Lang;
use crate::model::template;
use crate::store::Listed;

/// The longest session title.
pub const MAX_TITLE: usize = 100;

/// One session file as the picker shows it.
#[derive(Clone, Debug)]
pub struct PickerEntry {
    /// The file.
    pub path: PathBuf,
    /// Its title, or `None` when the file is unreadable.
    pub title: Option<String>,
    /// The meeting date.
    pub date: Option<Date>,
    /// The last change.
    pub updated: Option<Timestamp>,
    /// How many participants.
    pub participants: usize,
    /// The focus themes' desired situations, best first.
    pub top: Vec<String>,
    /// Why it could not be read.
    pub error: Option<String>,
}

impl PickerEntry {
    /// What the picker needs of a listed file.
    pub fn from_listed(listed: &Listed, lang: Lang) -> Self {
        match &listed.session {
            Ok(s) => PickerEntry {
                path: listed.path.clone(),
                title: Some(s.title.clone()),
                date: s.meeting_date,
                updated: Some(s.updated),
                participants: s.participants.len(),
                top: s
                    .focus_themes()
                    .iter()
                    .filter_map(|&id| s.matrix.theme(id))
                    .map(|t| t.desired.clone())
                    .collect(),
                error: None,
            },
            Err(e) => PickerEntry {
                path: listed.path.clone(),
                title: None,
                date: None,
                updated: None,
                participants: 0,
                top: Vec::new(),
                error: Some(e.message(lang)),
            },
        }
    }
}

/// The form for a new session.
#[derive(Clone, Debug, Default)]
pub struct NewSessionForm {
    /// Index into [`template::ALL`].
    pub template: usize,
    /// The title being typed.
    pub title: Input,
}

/// What the picker ends in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerOutcome {
    /// Open this file.
    Open(PathBuf),
    /// Make a new session and open it.
    Create {
        /// Its title.
        title: String,
        /// The template key.
        template: &'static str,
    },
    /// Make the follow-up of this file and open it.
    FollowUp(PathBuf),
    /// Stop.
    Quit,
}

/// The picker's state.
#[derive(Clone, Debug)]
pub struct Picker {
    /// Interface language.
    pub lang: Lang,
    /// The sessions folder.
    pub dir: PathBuf,
    /// The session files, newest change first.
    pub entries: Vec<PickerEntry>,
    /// The selected row.
    pub selected: usize,
    /// The new-session form, when open.
    pub form: Option<NewSessionForm>,
    /// A short message (a refusal, an error of the runtime).
    pub message: Option<String>,
    /// Set when the picker is done.
    pub outcome: Option<PickerOutcome>,
    /// The time zone for "last change".
    pub zone: TimeZone,
    /// The key help is open over the list or the form: any key closes it.
    pub help: bool,
}

impl Picker {
    /// A picker over these entries.
    pub fn new(lang: Lang, dir: PathBuf, entries: Vec<PickerEntry>, zone: TimeZone) -> Self {
        let (selected, form, message, outcome, help) = (0, None, None, None, false);
        Picker { lang, dir, entries, selected, form, message, outcome, zone, help }
    }

    /// The key contexts that apply now (under the help too: it lists them).
    pub fn contexts(&self) -> Vec<Context> {
        if self.form.is_some() {
            vec![Context::NewSession, Context::FormHelp]
        } else {
            vec![Context::Picker, Context::DialogHelp]
        }
    }

    /// Applies an action.
    pub fn update(&mut self, msg: Msg) {
        self.message = None;
        let t = self.lang.texts();
        if self.help {
            // Any key closes the help without acting; the list or form waits beneath.
            self.help = false;
            return;
        }
        if msg == Msg::ToggleHelp {
            self.help = true;
            return;
        }
        if let Some(form) = &mut self.form {
            match msg {
                Msg::Close => self.form = None,
                Msg::Down => form.template = (form.template + 1).min(template::ALL.len() - 1),
                Msg::Up => form.template = form.template.saturating_sub(1),
                Msg::Input(request) => {
                    let fits = type_into(&mut form.title, request, MAX_TITLE);
                    if !fits {
                        self.message = Some(crate::i18n::fill(t.ui_too_long, &[&MAX_TITLE]));
                    }
                }
                Msg::Paste(text) => {
                    let fits = paste_into(&mut form.title, &text, MAX_TITLE);
                    if !fits {
                        self.message = Some(crate::i18n::fill(t.ui_too_long, &[&MAX_TITLE]));
                    }
                }
                Msg::Confirm => {
                    let title = form.title.value().trim().to_owned();
                    if title.is_empty() {
                        self.message = Some(t.ui_name_required.to_owned());
                    } else {
                        let template = template::ALL[form.template].key;
                        self.outcome = Some(PickerOutcome::Create { title, template });
                    }
                }
                _ => {}
            }
            return;
        }
        let selected = self.entries.get(self.selected);
        match msg {
            Msg::Up => self.selected = self.selected.saturating_sub(1),
            Msg::Down => {
                self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1))
            }
            Msg::Add => self.form = Some(NewSessionForm::default()),
            Msg::Quit => self.outcome = Some(PickerOutcome::Quit),
            Msg::Confirm | Msg::FollowUp => match selected {
                Some(entry) if entry.error.is_some() => self.message = entry.error.clone(),
                Some(entry) if msg == Msg::Confirm => {
                    self.outcome = Some(PickerOutcome::Open(entry.path.clone()));
                }
                Some(entry) => self.outcome = Some(PickerOutcome::FollowUp(entry.path.clone())),
                None => {}
            },
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, error: bool) -> PickerEntry {
        PickerEntry {
            path: PathBuf::from(name),
            title: (!error).then(|| name.to_owned()),
            date: None,
            updated: None,
            participants: 0,
            top: vec![],
            error: error.then(|| "kapot".to_owned()),
        }
    }

    #[test]
    fn help_opens_over_the_list_and_the_form_and_any_key_closes_it() {
        let mut p = picker();
        p.update(Msg::ToggleHelp);
        assert!(p.help);
        p.update(Msg::Quit);
        assert!(!p.help);
        assert_eq!(p.outcome, None, "a key that closes the help does not act");
        p.update(Msg::Add);
        p.update(Msg::ToggleHelp);
        assert!(p.help && p.form.is_some());
        p.update(Msg::Close);
        assert!(!p.help && p.form.is_some(), "Esc closes the help, the form stays");
    }

    fn picker() -> Picker {
        let entries = vec![entry("a.json", false), entry("b.json", true)];
        Picker::new(Lang::Nl, PathBuf::from("."), entries, TimeZone::UTC)
    }

    #[test]
    fn enter_opens_and_v_makes_a_follow_up() {
        let mut p = picker();
        p.update(Msg::Confirm);
        assert_eq!(p.outcome, Some(PickerOutcome::Open("a.json".into())));
        let mut p = picker();
        p.update(Msg::FollowUp);
        assert_eq!(p.outcome, Some(PickerOutcome::FollowUp("a.json".into())));
    }

    #[test]
    fn an_unreadable_file_says_why_instead_of_opening() {
        let mut p = picker();
        p.update(Msg::Down);
        p.update(Msg::Down);
        assert_eq!(p.selected, 1);
        p.update(Msg::Confirm);
        assert_eq!((p.outcome.clone(), p.message.as_deref()), (None, Some("kapot")));
    }

    #[test]
    fn a_new_session_needs_a_title_and_takes_the_chosen_template() {
        let mut p = picker();
        p.update(Msg::Add);
        p.update(Msg::Confirm);
        assert_eq!(p.message.as_deref(), Some("Vul een naam in."));
        p.update(Msg::Down);
        p.update(Msg::Down);
        p.update(Msg::Up);
        p.update(Msg::Paste("Knooppunt\nHet Anker".into()));
        p.update(Msg::Confirm);
        assert_eq!(
            p.outcome,
            Some(PickerOutcome::Create {
                title: "Knooppunt Het Anker".into(),
                template: "onderwijs-jeugdhulp"
            })
        );
    }
}
