//! The ambition form (step 3): for one theme, the outcome the knooppunt aims for and up to
//! three indicators with source, baseline (value and year) and target (value and date).
//! Opened with `i` from the Matrix pane (the selected row) or the Acties pane (the theme of
//! the selected action, or of the theme filter).

use tui_input::Input;

use super::text_field::{MAX_TEXT, paste_into, type_into};
use crate::app::panes::acties::{ActiesList, rows as acties_rows};
use crate::app::panes::matrix::rows as matrix_rows;
use crate::app::{App, Msg, Overlay, Pane};
use crate::i18n::errors::ambition_text;
use crate::model::{Ambition, AmbitionError, Figure, Indicator, MAX_INDICATORS, ThemeId};

/// Fields per indicator: name, source, baseline value, baseline year, target value, target
/// date, and in a follow-up meeting the new value and its year.
pub const INDICATOR_FIELDS: usize = 8;

/// The fields of an indicator set the first year; the new value and its year come after.
const FIRST_YEAR_FIELDS: usize = 6;

/// The form's state: field 0 is the outcome, then six fields per indicator.
#[derive(Clone, Debug)]
pub struct AmbitionForm {
    /// The theme whose ambition is edited.
    pub theme: ThemeId,
    /// The outcome, then [`INDICATOR_FIELDS`] inputs for each of [`MAX_INDICATORS`] indicators.
    pub inputs: Vec<Input>,
    /// The input with the cursor.
    pub field: usize,
}

impl AmbitionForm {
    /// The form for `theme`, filled with its ambition when it has one.
    pub fn open(app: &App, theme: ThemeId) -> AmbitionForm {
        let mut inputs = vec![Input::default(); 1 + MAX_INDICATORS * INDICATOR_FIELDS];
        if let Some(a) = app.session.ambition(theme) {
            inputs[0] = Input::new(a.outcome.clone());
            let comma = app.lang == crate::i18n::Lang::Nl;
            for (k, i) in a.indicators.iter().enumerate().take(MAX_INDICATORS) {
                let base = i.baseline.as_ref();
                let target = i.target.as_ref();
                let texts = [
                    i.name.clone(),
                    i.source.clone(),
                    base.map(|b| b.value.text(comma)).unwrap_or_default(),
                    base.map(|b| b.year.to_string()).unwrap_or_default(),
                    target.map(|t| t.value.text(comma)).unwrap_or_default(),
                    target.map(|t| t.by.strftime("%d-%m-%Y").to_string()).unwrap_or_default(),
                    i.latest.as_ref().map(|l| l.value.text(comma)).unwrap_or_default(),
                    i.latest.as_ref().map(|l| l.year.to_string()).unwrap_or_default(),
                ];
                for (j, text) in texts.into_iter().enumerate() {
                    inputs[1 + k * INDICATOR_FIELDS + j] = Input::new(text);
                }
            }
        }
        AmbitionForm { theme, inputs, field: 0 }
    }

    /// The typed fields of indicator `k` (0-based): the first year's six, then the new
    /// value and its year.
    pub fn row(&self, k: usize) -> [&str; INDICATOR_FIELDS] {
        std::array::from_fn(|j| {
            self.inputs.get(1 + k * INDICATOR_FIELDS + j).map_or("", |i| i.value())
        })
    }

    /// Whether indicator row `k` holds nothing typed.
    pub fn row_is_empty(&self, k: usize) -> bool {
        self.row(k).iter().all(|f| f.trim().is_empty())
    }

    /// What the form stands for now: the ambition (`None`: remove it, nothing is typed), or
    /// the first refusal with the field to put the cursor on.
    pub fn ambition(
        &self,
        today: jiff::civil::Date,
    ) -> Result<Option<Ambition>, (AmbitionError, usize)> {
        let mut indicators = Vec::new();
        for k in 0..MAX_INDICATORS {
            if self.row_is_empty(k) {
                continue;
            }
            let first = 1 + k * INDICATOR_FIELDS;
            let row = self.row(k);
            let first_year: [&str; FIRST_YEAR_FIELDS] = std::array::from_fn(|j| row[j]);
            let mut indicator = Indicator::from_typed(first_year, today).map_err(|e| {
                let blank = |j: usize| row[j].trim().is_empty();
                let at = match e {
                    AmbitionError::BadYear => 3,
                    AmbitionError::BadDate | AmbitionError::TargetBeforeBaseline => 5,
                    AmbitionError::NotANumber if !blank(2) && Figure::parse(row[2]).is_err() => 2,
                    AmbitionError::NotANumber => 4,
                    // The empty half of a value and its year or date.
                    AmbitionError::Incomplete => [2, 3, 4, 5]
                        .into_iter()
                        .find(|&j| blank(j) && !blank(if j % 2 == 0 { j + 1 } else { j - 1 }))
                        .unwrap_or(2),
                    _ => 0,
                };
                (e, first + at)
            })?;
            indicator.latest = Indicator::latest_from_typed(row[6], row[7]).map_err(|e| {
                let at =
                    if e == AmbitionError::BadYear || row[7].trim().is_empty() { 7 } else { 6 };
                (e, first + at)
            })?;
            indicators.push(indicator);
        }
        let outcome = self.inputs[0].value().trim();
        if outcome.is_empty() && indicators.is_empty() {
            return Ok(None);
        }
        Ambition::new(self.theme, outcome, indicators).map(Some).map_err(|e| (e, 0))
    }
}

/// The theme `i` acts on in the focused pane.
pub fn theme_in_focus(app: &App) -> Option<ThemeId> {
    theme_in_pane(app, app.focus)
}

/// The theme a pane is about now, whose ambition it shows: the Matrix pane's selected row;
/// in the Acties pane the selected action's theme, else the theme filter.
pub fn theme_in_pane(app: &App, pane: Pane) -> Option<ThemeId> {
    match pane {
        Pane::Matrix => matrix_rows(app).get(app.selected(Pane::Matrix)).copied(),
        Pane::Acties => {
            let from_action = (app.acties.list == ActiesList::Actions)
                .then(|| acties_rows(app).get(app.selected(Pane::Acties)).copied())
                .flatten()
                .and_then(|i| app.session.actions.get(i))
                .and_then(|a| a.theme);
            from_action.or(app.acties.theme)
        }
        Pane::Stemmen => None,
    }
}

/// `i`: opens the form for the theme in focus, or says why not.
pub(crate) fn open(app: &mut App) {
    if app.refuse_if_read_only() {
        return;
    }
    let t = app.lang.texts();
    let Some(theme) = theme_in_focus(app).and_then(|id| app.session.matrix.theme(id)) else {
        app.message = Some(t.ui_ambition_no_theme.to_owned());
        return;
    };
    if theme.basis {
        app.message = Some(t.ui_ambition_basis.to_owned());
        return;
    }
    let id = theme.id;
    app.overlay = Overlay::Ambition(AmbitionForm::open(app, id));
}

/// Handles a key while the form is open.
pub(crate) fn update(app: &mut App, msg: Msg) {
    let Overlay::Ambition(mut form) = std::mem::take(&mut app.overlay) else { return };
    let t = app.lang.texts();
    let too_long = crate::i18n::fill(t.ui_too_long, &[&MAX_TEXT]);
    match msg {
        Msg::Close => return,
        Msg::NextField => {
            // The new value and its year are asked only in a follow-up meeting.
            let follow_up = app.session.previous.is_some();
            loop {
                form.field = (form.field + 1) % form.inputs.len();
                let j = (form.field + INDICATOR_FIELDS - 1) % INDICATOR_FIELDS;
                if form.field == 0 || follow_up || j < FIRST_YEAR_FIELDS {
                    break;
                }
            }
        }
        Msg::Input(request) if !type_into(&mut form.inputs[form.field], request, MAX_TEXT) => {
            app.message = Some(too_long);
        }
        Msg::Paste(text) if !paste_into(&mut form.inputs[form.field], &text, MAX_TEXT) => {
            app.message = Some(too_long);
        }
        Msg::Confirm => match form.ambition(app.today) {
            Ok(ambition) => {
                let removed = ambition.is_none() && app.session.ambition(form.theme).is_some();
                let theme = form.theme;
                if app.edit(|s| s.set_ambition(theme, ambition)).is_ok() && removed {
                    app.message = Some(t.ui_ambition_removed.to_owned());
                }
                return;
            }
            Err((e, field)) => {
                app.message = Some(ambition_text(app.lang, &e));
                form.field = field;
            }
        },
        _ => {}
    }
    app.overlay = Overlay::Ambition(form);
}
