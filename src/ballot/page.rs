//! The ballot page a phone sees: one self-contained HTML page, no scripts, big touch targets,
//! that works in an old phone browser. A plain form posts the ballot back, with the page token
//! that ties it to the device the page was shown to. Nothing on it loads from anywhere else, so
//! the box can forbid everything external in its Content-Security-Policy.

use std::fmt::Write;

use super::{BoxInbreng, BoxRound};

use crate::html::escape as esc;
use crate::i18n::{Lang, fill};
use crate::model::{
    Ballot, LevelId, MAX_INBRENG_PROVIDER, MAX_INBRENG_TEXT, MAX_NAME, ThemeId, Voter,
};

const STYLE: &str = "
body { font-family: system-ui, Arial, sans-serif; margin: 0; padding: 1rem; font-size: 1.15rem; color: #111; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
.theme { display: block; border: 2px solid #333; border-radius: .5rem; padding: .8rem; margin: .6rem 0; }
.theme small { display: block; color: #444; }
.theme input[type=checkbox] { width: 2rem; height: 2rem; vertical-align: middle; margin-right: .6rem; }
select { font-size: 1.3rem; padding: .3rem; margin-right: .6rem; }
.name { display: block; padding: .7rem; font-size: 1.2rem; }
.name input { width: 1.6rem; height: 1.6rem; vertical-align: middle; margin-right: .6rem; }
button { font-size: 1.3rem; padding: 1rem; width: 100%; margin-top: 1rem; border-radius: .5rem; border: 2px solid #111; background: #1a5fb4; color: #fff; }
.msg { border: 2px solid #111; padding: .8rem; margin: .6rem 0; font-weight: bold; }
.ok { background: #e6f4ea; }
input[type=text] { font-size: 1.2rem; padding: .6rem; width: 100%; box-sizing: border-box; border: 2px solid #333; border-radius: .4rem; }
.field { display: block; margin: .8rem 0 .2rem; font-weight: bold; }
.cell select { width: 100%; }
.err { background: #fde2e2; }
";

fn shell(lang: Lang, body: &str) -> String {
    titled(lang, lang.texts().page_title, body)
}

fn titled(lang: Lang, title: &str, body: &str) -> String {
    let start = crate::html::page_start(lang, title, STYLE);
    format!("{start}\n{body}</body>\n</html>\n")
}

/// A page with only a message, for refusals.
pub fn message(lang: Lang, text: &str) -> String {
    shell(lang, &format!("<p class=\"msg err\">{}</p>\n", esc(text)))
}

/// What the page shows above the form.
pub enum Notice<'a> {
    /// Nothing.
    None,
    /// The ballot was taken: show it.
    Received(&'a Ballot),
    /// The ballot was refused: say why.
    Refused(&'a str),
    /// The phone signed someone in: welcome them, and offer to go on.
    Joined(&'a str),
}

/// "1 stip", "3 stippen".
pub fn dots_text(lang: Lang, n: u32) -> String {
    let t = lang.texts();
    if n == 1 { t.page_dot_one.to_owned() } else { fill(t.page_dots, &[&n]) }
}

/// The ballot page for `round`: the voter's name to pick (in a named round), the candidates
/// with their dots, and a send button. The form posts to `action` with `page_token`, which the
/// box checks against the device the page was made for. `own` is this device's current ballot,
/// pre-filled; the names in `taken` are not offered.
#[allow(clippy::too_many_arguments)]
pub fn ballot(
    lang: Lang,
    action: &str,
    page_token: &str,
    round: &BoxRound,
    me: Option<Voter>,
    taken: &[Voter],
    own: Option<&Ballot>,
    notice: Notice,
) -> String {
    let t = lang.texts();
    let r = &round.round;
    let mut b = String::new();
    let _ = writeln!(b, "<h1>{}</h1>", esc(&r.name));
    match notice {
        Notice::None => {}
        Notice::Received(ballot) => {
            let _ = writeln!(b, "<div class=\"msg ok\">{}<ul>", t.page_received);
            for (theme, dots) in &ballot.dots {
                let name = round
                    .themes
                    .iter()
                    .find(|(id, ..)| id == theme)
                    .map_or("", |(_, d, _)| d.as_str());
                let _ = writeln!(b, "<li>{} — {}</li>", esc(name), dots_text(lang, *dots));
            }
            if ballot.dots.is_empty() {
                let _ = writeln!(b, "<li>{}</li>", t.page_nothing);
            }
            let _ = writeln!(b, "</ul>{}</div>", t.page_change);
        }
        Notice::Refused(why) => {
            let _ = writeln!(b, "<p class=\"msg err\">{}</p>", esc(why));
        }
        Notice::Joined(welcome) => {
            // The name reaches the list through the app: the next page has it, chosen.
            let _ = writeln!(
                b,
                "<div class=\"msg ok\">{}<p><a href=\"{}\">{}</a></p></div>",
                esc(welcome),
                esc(action),
                t.page_join_go_on
            );
            return shell(lang, &b);
        }
    }
    if !r.is_open() {
        let _ = writeln!(b, "<p class=\"msg\">{}</p>", t.page_closed);
        return shell(lang, &b);
    }
    let _ = writeln!(b, "<form method=\"post\" action=\"{}\">", esc(action));
    let _ = writeln!(b, "<input type=\"hidden\" name=\"p\" value=\"{}\">", esc(page_token));
    if !r.anonymous {
        let _ = writeln!(b, "<p><b>{}</b></p>", t.page_name);
        if me.is_none() {
            // Not on the list? The sign-in is under the ballot: a link, not a long scroll.
            let _ = writeln!(b, "<p><a href=\"#aanmelden\">{}</a></p>", t.page_join_heading);
        }
        for (id, name) in &round.present {
            let voter = Voter::Participant(*id);
            if taken.contains(&voter) && me != Some(voter) {
                continue;
            }
            let checked = if me == Some(voter) { " checked" } else { "" };
            let _ = writeln!(
                b,
                "<label class=\"name\"><input type=\"radio\" name=\"voter\" value=\"{}\"{checked}>{}</label>",
                id.0,
                esc(name)
            );
        }
    }
    let intro = if r.dots_per_voter == 1 {
        fill(t.page_intro_one, &[&esc(&r.name)])
    } else {
        fill(t.page_intro, &[&esc(&r.name), &r.dots_per_voter, &r.max_per_theme])
    };
    let _ = writeln!(b, "<p>{intro}</p>");
    for &theme in &r.candidates {
        let Some((_, desired, problem)) = round.themes.iter().find(|(id, ..)| *id == theme) else {
            continue;
        };
        let mine = own.and_then(|o| o.dots.get(&theme)).copied().unwrap_or(0);
        let _ = write!(b, "<label class=\"theme\">");
        if r.max_per_theme == 1 {
            let checked = if mine > 0 { " checked" } else { "" };
            let _ =
                write!(b, "<input type=\"checkbox\" name=\"t{}\" value=\"1\"{checked}>", theme.0);
        } else {
            let _ = write!(b, "<select name=\"t{}\">", theme.0);
            for n in 0..=r.max_per_theme {
                let selected = if n == mine { " selected" } else { "" };
                let _ = write!(b, "<option value=\"{n}\"{selected}>{n}</option>");
            }
            b.push_str("</select>");
        }
        let _ = write!(b, "<b>{}</b>", esc(desired));
        if !problem.is_empty() {
            let _ = write!(b, "<small>{}: {}</small>", t.field_problem, esc(problem));
        }
        b.push_str("</label>\n");
    }
    let _ = writeln!(b, "<button type=\"submit\">{}</button>\n</form>", t.page_send);
    if !r.anonymous && me.is_none() {
        // Not on the list: sign in here rather than at the facilitator's keyboard.
        let _ = writeln!(b, "<form id=\"aanmelden\" method=\"post\" action=\"{}\">", esc(action));
        let _ = writeln!(b, "<input type=\"hidden\" name=\"p\" value=\"{}\">", esc(page_token));
        let _ = writeln!(b, "<input type=\"hidden\" name=\"join\" value=\"1\">");
        let _ = writeln!(b, "<p><b>{}</b></p>", t.page_join_heading);
        text_field(&mut b, "name", t.page_join_name, MAX_NAME, "required autocomplete=\"name\"");
        text_field(&mut b, "org", t.page_join_org, MAX_NAME, "autocomplete=\"organization\"");
        let _ = writeln!(b, "<button type=\"submit\">{}</button>\n</form>", t.page_join_send);
    }
    shell(lang, &b)
}

/// A labelled one-line text field named `name`, at most `max` characters, with `extra`
/// attributes (`required`, an `autocomplete` hint, a suggestion list).
fn text_field(b: &mut String, name: &str, label: &str, max: usize, extra: &str) {
    let _ = writeln!(b, "<label class=\"field\" for=\"{name}\">{label}</label>");
    let _ = writeln!(
        b,
        "<input type=\"text\" id=\"{name}\" name=\"{name}\" maxlength=\"{max}\" {extra}>"
    );
}

/// What the inbreng page shows above its form.
pub enum InbrengNotice<'a> {
    /// Nothing.
    None,
    /// This activity was received; the phone has sent this many in all.
    Received(&'a str, u32),
    /// The last one was refused: say why.
    Refused(&'a str),
}

/// The inbreng page (step 2): one activity at a time for a cell of the matrix (the one sent
/// for last is chosen again), bestaand or nodig, with its provider if the phone knows it
/// (suggested from the providers the session knows). The form posts to `action` with
/// `page_token`, like the ballot.
pub fn inbreng(
    lang: Lang,
    action: &str,
    page_token: &str,
    inbreng: &BoxInbreng,
    chosen: Option<(ThemeId, LevelId)>,
    notice: InbrengNotice,
) -> String {
    let t = lang.texts();
    let mut b = String::new();
    let _ = writeln!(b, "<h1>{}</h1>", t.inbreng_page_title);
    match notice {
        InbrengNotice::None => {
            let _ = writeln!(b, "<p>{}</p>", t.inbreng_page_intro);
        }
        InbrengNotice::Received(text, count) => {
            let line = fill(t.inbreng_page_received, &[&esc(text), &count]);
            let _ = writeln!(b, "<div class=\"msg ok\">{line}</div>");
        }
        InbrengNotice::Refused(why) => {
            let _ = writeln!(b, "<p class=\"msg err\">{}</p>", esc(why));
        }
    }
    let _ = writeln!(b, "<form method=\"post\" action=\"{}\">", esc(action));
    let _ = writeln!(b, "<input type=\"hidden\" name=\"p\" value=\"{}\">", esc(page_token));
    let _ = writeln!(b, "<label class=\"field\" for=\"c\">{}</label>", t.inbreng_page_cell);
    let _ = writeln!(b, "<div class=\"cell\"><select id=\"c\" name=\"c\" required>");
    if chosen.is_none() {
        // Nothing chosen for you: a hurried tap must not file it under the first cell.
        let _ =
            writeln!(b, "<option value=\"\" selected disabled>{}</option>", t.inbreng_page_choose);
    }
    // The levels under their theme when the list is open; closed, the choice reads level
    // first ("Selectief · Gezonde leefstijl"), as the end of a long option may be cut off.
    let mut theme = None;
    for cell in &inbreng.cells {
        if theme != Some(cell.theme) {
            if theme.is_some() {
                let _ = writeln!(b, "</optgroup>");
            }
            let _ = writeln!(b, "<optgroup label=\"{}\">", esc(&cell.theme_name));
            theme = Some(cell.theme);
        }
        let here = chosen == Some((cell.theme, cell.level));
        let selected = if here { " selected" } else { "" };
        let value = format!("{}-{}", cell.theme.0, cell.level.0);
        let _ = writeln!(
            b,
            "<option value=\"{value}\"{selected}>{}</option>",
            esc(&format!("{} · {}", cell.level_name, cell.theme_name))
        );
    }
    if theme.is_some() {
        let _ = writeln!(b, "</optgroup>");
    }
    let _ = writeln!(b, "</select></div>");
    for (value, text, checked) in
        [("b", t.inbreng_page_exists, " checked"), ("n", t.inbreng_page_needed, "")]
    {
        let _ = writeln!(
            b,
            "<label class=\"name\"><input type=\"radio\" name=\"s\" value=\"{value}\"{checked}>{text}</label>"
        );
    }
    text_field(&mut b, "t", t.inbreng_page_text, MAX_INBRENG_TEXT, "required autocomplete=\"off\"");
    let provider = "list=\"aanbieders\" autocomplete=\"off\"";
    text_field(&mut b, "a", t.inbreng_page_provider, MAX_INBRENG_PROVIDER, provider);
    let _ = writeln!(b, "<datalist id=\"aanbieders\">");
    for provider in &inbreng.providers {
        let _ = writeln!(b, "<option value=\"{}\">", esc(provider));
    }
    let _ = writeln!(b, "</datalist>");
    let _ = writeln!(b, "<button type=\"submit\">{}</button>\n</form>", t.inbreng_page_send);
    titled(lang, t.inbreng_page_title, &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_dot_is_singular_in_both_languages() {
        assert_eq!(dots_text(Lang::Nl, 1), "1 stip");
        assert_eq!(dots_text(Lang::Nl, 2), "2 stippen");
        assert_eq!(dots_text(Lang::En, 1), "1 dot");
        assert_eq!(dots_text(Lang::En, 0), "0 dots");
    }
}
