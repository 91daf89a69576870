//! Small text helpers for drawing: wrapping and cutting to a width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The part of a text field's `value` that shows in a field `width` columns wide, scrolled
/// `scroll` columns to the left, padded with spaces to the full width. Columns, not
/// characters: "日本" takes four.
pub fn field(value: &str, scroll: usize, width: usize) -> String {
    let mut column = 0;
    let mut used = 0;
    let mut out = String::new();
    for c in value.chars() {
        let w = c.width().unwrap_or(0);
        if column >= scroll && column + w <= scroll + width {
            out.push(c);
            used += w;
        }
        column += w;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// How many columns `text` takes on screen: "Zoë" three, "日本" four.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` shortened to at most `width` columns. A text that does not fit ends in "…" after
/// its last whole word that fits, so no word is ever cut without a mark; only a first word
/// longer than the whole width is cut inside, and then too it ends in "…".
pub fn fit(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let gap = usize::from(!out.is_empty());
        let w = self::width(word);
        if used + gap + w + 1 > width {
            break;
        }
        if gap == 1 {
            out.push(' ');
        }
        out.push_str(word);
        used += gap + w;
    }
    if out.is_empty() {
        out = columns(text, width - 1);
    }
    out.push('…');
    out
}

/// [`fit`], then padded with spaces to exactly `width` columns: a table cell.
pub fn fit_pad(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let pad = width.saturating_sub(self::width(&fitted));
    format!("{fitted}{}", " ".repeat(pad))
}

/// The start of `text` that fits in `width` columns, cut between characters.
fn columns(text: &str, width: usize) -> String {
    let mut used = 0;
    text.chars()
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= width
        })
        .collect()
}

/// Wraps `text` into lines of at most `width` columns, at spaces and after the hyphens of
/// compound words ("Sociale-" / "vaardigheidstraining"). A word longer than a whole line
/// gets a line of its own, shortened with "…" by [`fit`]: marked, never silently cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let options = textwrap::Options::new(width).break_words(false);
    let raw: Vec<String> =
        textwrap::wrap(text, options).into_iter().map(|l| l.into_owned()).collect();
    let mut lines: Vec<String> = Vec::with_capacity(raw.len());
    let mut rest = raw.into_iter().peekable();
    while let Some(line) = rest.next() {
        // A marker alone ("✓", "+") before a word too long for any line: keep them together
        // on one line, the word shortened, rather than a marker on a line of its own.
        if self::width(&line) <= 2
            && let Some(next) = rest.peek()
            && self::width(next) > width
        {
            let room = width.saturating_sub(self::width(&line) + 2);
            let joined = format!("{line} {}…", columns(next, room));
            rest.next();
            lines.push(joined);
            continue;
        }
        lines.push(fit(&line, width));
    }
    if lines.is_empty() { vec![String::new()] } else { lines }
}

/// An activity's status as a sign, the same in every view (the legend says what it means):
/// ✓ bestaat, + nodig.
pub fn status_mark(status: crate::model::ActivityStatus) -> &'static str {
    match status {
        crate::model::ActivityStatus::Existing => "✓",
        crate::model::ActivityStatus::Needed => "+",
    }
}

/// An activity's status in sign and word, never by colour alone: "✓ Bestaat", "+ Nodig".
pub fn status_words(lang: crate::i18n::Lang, status: crate::model::ActivityStatus) -> String {
    let t = lang.texts();
    let word = match status {
        crate::model::ActivityStatus::Existing => t.rep_existing,
        crate::model::ActivityStatus::Needed => t.rep_needed,
    };
    format!("{} {word}", status_mark(status))
}

/// As many whole `hints` as fit in `width` columns, joined by `sep`: a hint line never ends
/// in half a hint.
pub fn whole_hints(hints: impl IntoIterator<Item = String>, sep: &str, width: usize) -> String {
    let mut line = String::new();
    for hint in hints {
        let sep = if line.is_empty() { "" } else { sep };
        if self::width(&line) + self::width(sep) + self::width(&hint) > width {
            break;
        }
        line.push_str(sep);
        line.push_str(&hint);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_hyphens_and_marks_a_word_too_long_for_a_line() {
        assert_eq!(wrap("Gratis ontbijt op school", 10), ["Gratis", "ontbijt op", "school"]);
        assert_eq!(wrap("Schoolmaatschappelijk werk", 8), ["Schoolm…", "werk"]);
        assert_eq!(
            wrap("+ Sociale-vaardigheidstraining", 22),
            ["+ Sociale-", "vaardigheidstraining"]
        );
        assert_eq!(wrap("een twee drie", 4), ["een", "twee", "drie"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(
            wrap("✓ Schuldhulpverlening voor gezinnen", 17),
            ["✓ Schuldhulpverl…", "voor gezinnen"]
        );
        // Display columns, not characters: four wide characters take eight columns.
        assert_eq!(wrap("日本語テ 日本", 8), ["日本語テ", "日本"]);
    }

    #[test]
    fn fit_ends_at_a_whole_word() {
        assert_eq!(fit("Sociaal vaardige jeugdigen", 20), "Sociaal vaardige…");
        assert_eq!(fit("Ahmed Benali", 10), "Ahmed…");
        assert_eq!(fit_pad("Ahmed Benali", 10), "Ahmed…    ");
        assert_eq!(fit("日本語 テスト", 7), "日本語…");
    }

    #[test]
    fn visible_counts_columns_of_wide_characters() {
        assert_eq!(field("日本語テスト", 0, 6), "日本語");
        assert_eq!(field("日本語テスト", 4, 4), "語テ");
        assert_eq!(field("日本語テスト", 0, 5), "日本 ");
        assert_eq!(field("Zoë", 0, 5), "Zoë  ");
    }

    #[test]
    fn fit_marks_a_cut() {
        assert_eq!(fit("Geïndiceerd", 20), "Geïndiceerd");
        assert_eq!(fit("Geïndiceerd", 5), "Geïn…", "a single word longer than the room");
    }
}
