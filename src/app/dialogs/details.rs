//! Gegevens van het overleg: the day, start time, place and facilitator of the meeting, and the
//! school and region it is about (for the regional overview), in one form opened with `g`.

use jiff::civil::Date;
use tui_input::Input;

use super::text_field::{MAX_TEXT, paste_into, type_into};
use crate::app::{App, Msg, Overlay};
use crate::i18n::fill;
use crate::model::{DateError, SchoolType, parse_date, parse_time};

/// The fields of the form, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailField {
    /// The day, typed like an action's date.
    Date,
    /// The start time.
    Start,
    /// Where.
    Place,
    /// Who leads it.
    Facilitator,
    /// The school's name.
    School,
    /// BRIN or another code.
    Code,
    /// Po, so, vo, mbo, kinderopvang.
    SchoolType,
    /// The gemeente.
    Gemeente,
    /// The wijk.
    Wijk,
    /// The samenwerkingsverband.
    Samenwerkingsverband,
}

impl DetailField {
    /// Every field, in the order of the form.
    pub const ALL: [DetailField; 10] = [
        DetailField::Date,
        DetailField::Start,
        DetailField::Place,
        DetailField::Facilitator,
        DetailField::School,
        DetailField::Code,
        DetailField::SchoolType,
        DetailField::Gemeente,
        DetailField::Wijk,
        DetailField::Samenwerkingsverband,
    ];

    /// The field's label in the interface language.
    pub fn label(self, t: &crate::i18n::Texts) -> &'static str {
        match self {
            DetailField::Date => t.details_date,
            DetailField::Start => t.details_start,
            DetailField::Place => t.details_place,
            DetailField::Facilitator => t.details_facilitator,
            DetailField::School => t.details_school,
            DetailField::Code => t.details_code,
            DetailField::SchoolType => t.details_school_type,
            DetailField::Gemeente => t.details_gemeente,
            DetailField::Wijk => t.details_wijk,
            DetailField::Samenwerkingsverband => t.details_swv,
        }
    }
}

/// What was typed in a field is not a time or school type knoop knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotUnderstood;

/// The open form: one input per [`DetailField`], as typed.
#[derive(Clone, Debug)]
pub struct DetailsDialog {
    /// One input per field, in the order of [`DetailField::ALL`].
    pub inputs: Vec<Input>,
    /// The field with the cursor.
    pub field: usize,
}

impl DetailsDialog {
    /// The form filled with what the session holds now.
    pub fn of(app: &App) -> Self {
        let s = &app.session;
        let d = &s.details;
        let values = [
            // A session without a date is most likely being held today: offered, not asked.
            s.meeting_date.unwrap_or(app.today).strftime("%d-%m-%Y").to_string(),
            d.start.map(|t| t.strftime("%H:%M").to_string()).unwrap_or_default(),
            s.place.clone(),
            s.facilitator.clone(),
            d.school.clone(),
            d.code.clone(),
            d.school_type.map(|t| t.key().to_owned()).unwrap_or_default(),
            d.gemeente.clone(),
            d.wijk.clone(),
            d.samenwerkingsverband.clone(),
        ];
        DetailsDialog { inputs: values.into_iter().map(Input::new).collect(), field: 0 }
    }

    /// What is typed in `field`, trimmed.
    pub fn value(&self, field: DetailField) -> &str {
        let at = DetailField::ALL.iter().position(|&f| f == field).unwrap_or(0);
        self.inputs.get(at).map_or("", |i| i.value().trim())
    }

    /// The day the date field stands for: nothing typed, a date, or why not.
    pub fn date(&self, today: Date) -> Result<Option<Date>, DateError> {
        match parse_date(self.value(DetailField::Date), today) {
            Ok(d) => Ok(Some(d)),
            Err(DateError::Empty) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The start time typed: nothing, a time, or `Err` when it is not one.
    pub fn start(&self) -> Result<Option<jiff::civil::Time>, NotUnderstood> {
        let typed = self.value(DetailField::Start);
        if typed.is_empty() { Ok(None) } else { parse_time(typed).map(Some).ok_or(NotUnderstood) }
    }

    /// The school type typed: nothing, a type, or `Err` when it is not one.
    pub fn school_type(&self) -> Result<Option<SchoolType>, NotUnderstood> {
        let typed = self.value(DetailField::SchoolType);
        if typed.is_empty() {
            Ok(None)
        } else {
            SchoolType::from_key(typed).map(Some).ok_or(NotUnderstood)
        }
    }
}

/// Opens the form (`g`); a read-only session says why not.
pub(crate) fn open(app: &mut App) {
    if app.refuse_if_read_only() {
        return;
    }
    app.overlay = Overlay::Details(DetailsDialog::of(app));
}

/// Handles a key while the form is open.
pub(crate) fn update(app: &mut App, msg: Msg) {
    let Overlay::Details(mut form) = std::mem::take(&mut app.overlay) else { return };
    let too_long = || fill(app.lang.texts().ui_too_long, &[&MAX_TEXT]);
    match msg {
        Msg::Close => return,
        Msg::NextField => form.field = (form.field + 1) % form.inputs.len(),
        Msg::Input(request) => {
            if let Some(input) = form.inputs.get_mut(form.field)
                && !type_into(input, request, MAX_TEXT)
            {
                app.message = Some(too_long());
            }
        }
        Msg::Paste(text) => {
            if let Some(input) = form.inputs.get_mut(form.field)
                && !paste_into(input, &text, MAX_TEXT)
            {
                app.message = Some(too_long());
            }
        }
        Msg::Confirm if confirm(app, &mut form) => return,
        _ => {}
    }
    app.overlay = Overlay::Details(form);
}

/// Keeps the form's content in the session; false (with a message, the cursor on the field)
/// when a date, time or school type is not understood.
fn confirm(app: &mut App, form: &mut DetailsDialog) -> bool {
    let t = app.lang.texts();
    let at = |f: DetailField| DetailField::ALL.iter().position(|&x| x == f).unwrap_or(0);
    let date = match form.date(app.today) {
        Ok(d) => d,
        Err(_) => {
            app.message = Some(fill(t.ui_date_not_understood, &[&form.value(DetailField::Date)]));
            form.field = at(DetailField::Date);
            return false;
        }
    };
    let Ok(start) = form.start() else {
        app.message = Some(fill(t.details_time_not_understood, &[&form.value(DetailField::Start)]));
        form.field = at(DetailField::Start);
        return false;
    };
    let Ok(school_type) = form.school_type() else {
        app.message =
            Some(fill(t.details_type_not_understood, &[&form.value(DetailField::SchoolType)]));
        form.field = at(DetailField::SchoolType);
        return false;
    };
    let text = |f| form.value(f).to_owned();
    let _ = app.edit(|s| {
        s.meeting_date = date;
        s.place = text(DetailField::Place);
        s.facilitator = text(DetailField::Facilitator);
        let d = &mut s.details;
        d.start = start;
        d.school = text(DetailField::School);
        d.code = text(DetailField::Code);
        d.school_type = school_type;
        d.gemeente = text(DetailField::Gemeente);
        d.wijk = text(DetailField::Wijk);
        d.samenwerkingsverband = text(DetailField::Samenwerkingsverband);
        Ok::<(), ()>(())
    });
    app.message = Some(t.details_saved.to_owned());
    true
}
