//! The two status lines: the session, the step, the timebox, who is present and whether
//! everything is saved; under them the message of the moment or the keys that act here.

use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Palette, text};
use crate::app::{App, Msg, SaveState, keymap};
use crate::i18n::fill;

pub fn status_line(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
    let t = app.lang.texts();
    let [first, second] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let step_name = [t.step_1, t.step_2, t.step_3, t.step_4][app.step.number() - 1];
    let present = app.session.participants.iter().filter(|p| p.present).count();
    let bold = palette.status.add_modifier(Modifier::BOLD);
    let mut right = vec![Span::styled(
        format!("│ {} ", fill(t.status_step, &[&app.step.number(), &step_name])),
        palette.status,
    )];
    right.push(if app.timer.is_up() {
        Span::styled(format!(" ⏰ {} {} ", t.status_timer_up, app.timer.text()), palette.warn)
    } else if app.timer.running {
        Span::styled(format!("│ ▶ {} ", app.timer.text()), bold)
    } else {
        Span::styled(format!("│ ⏸ {} ", app.timer.text()), palette.status)
    });
    if area.width >= 120 {
        let text = fill(t.status_present, &[&present, &app.session.participants.len()]);
        right.push(Span::styled(format!("│ {text} "), palette.status));
    }
    right.push(match (&app.read_only, &app.save_state) {
        (Some(_), _) => Span::styled(format!(" {} ", t.status_read_only), palette.warn),
        (None, SaveState::Failed { failure, retry_in, .. }) => {
            let seconds = retry_in.as_secs() + u64::from(retry_in.subsec_nanos() > 0);
            let text = fill(t.status_save_retry, &[&failure.reason, &seconds]);
            Span::styled(format!(" ⚠ {text} "), palette.warn)
        }
        (None, _) if app.unsaved() => {
            Span::styled(format!("│ {} ", t.status_saving), palette.status)
        }
        (None, SaveState::Saved(at)) => {
            let time = at.to_zoned_datetime(TimeZone::system()).strftime("%H:%M:%S").to_string();
            Span::styled(format!("│ ✓ {} ", fill(t.status_saved, &[&time])), palette.status)
        }
        (None, SaveState::Unchanged) => {
            Span::styled(format!("│ {} ", t.status_unchanged), palette.status)
        }
    });
    // Where keys type text, `?` is a character: the help is on F1 there.
    let typing = keymap::contexts(app).contains(&keymap::Context::FormHelp);
    let help = if typing { t.status_help_hint_f1 } else { t.status_help_hint };
    right.push(Span::styled(format!("│ {help} "), palette.status));
    let right_w: usize = right.iter().map(|s| text::width(&s.content)).sum();
    let title_w = (area.width as usize).saturating_sub(right_w + 2);
    let mut spans = Vec::new();
    let title_w = if app.demo.is_some() {
        // A practice copy, said on every screen before the title: the example never changes.
        // Where even that does not fit (a long step name in English at 80 columns), one word.
        let tag = [t.status_demo, t.status_demo_short]
            .into_iter()
            .find(|tag| text::width(tag) <= title_w)
            .map_or_else(|| text::fit(t.status_demo_short, title_w), str::to_owned);
        let tag_w = text::width(&tag);
        spans.push(Span::styled(format!(" {tag}"), palette.warn));
        title_w.saturating_sub(tag_w + 1)
    } else {
        title_w
    };
    // The school beside the title, so the room sees which school's meeting this is.
    let school = app.session.details.school_label();
    let shown = if school.is_empty() || app.session.title.contains(school) {
        app.session.title.clone()
    } else {
        format!("{} · {school}", app.session.title)
    };
    let title = format!(" {} ", text::fit_pad(&shown, title_w));
    spans.push(Span::styled(title, bold));
    spans.extend(right);
    frame.render_widget(Line::from(spans).style(palette.status), first);

    let second_line = match (&app.message, &app.save_state, &app.read_only) {
        (Some(message), _, _) => Line::styled(format!(" {message}"), palette.warn),
        (None, SaveState::Failed { failure, .. }, _) => {
            Line::styled(format!(" {}", failure.message.replace('\n', " ")), palette.warn)
        }
        (None, _, Some(holder)) => {
            Line::styled(format!(" {}", fill(t.open_read_only, &[holder])), palette.warn)
        }
        (None, _, None) => Line::styled(
            format!(" {}", hints(app, area.width.saturating_sub(2) as usize)),
            palette.dim,
        ),
    };
    frame.render_widget(second_line, second);
}

/// A one-line reminder of the most used keys, from the key map: as many whole hints as fit
/// in `width` columns, so none is cut off mid-word.
fn hints(app: &App, width: usize) -> String {
    let t = app.lang.texts();
    // The help key has its own place at the right of the line above.
    let hints = keymap::acting_lines(app)
        .into_iter()
        .filter(|b| b.msg != Msg::ToggleHelp)
        .map(|b| format!("{} {}", keymap::key_label(&b.keys[0], t), keymap::help_text(app, b)));
    text::whole_hints(hints, "  ·  ", width)
}
