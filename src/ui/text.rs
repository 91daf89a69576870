//! Small text helpers for drawing: wrapping and cutting to a width.

use unicode_width::UnicodeWidthChar;

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

/// Cuts `text` to at most `width` characters, ending in "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// Wraps `text` at spaces into lines of at most `width` characters; a longer word is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            line = line.chars().skip(width).collect();
            lines.push(head);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("Gratis ontbijt op school", 10), ["Gratis", "ontbijt op", "school"]);
        assert_eq!(wrap("Schoolmaatschappelijk", 8), ["Schoolma", "atschapp", "elijk"]);
        assert_eq!(wrap("", 5), [""]);
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
        assert_eq!(fit("Geïndiceerd", 5), "Geïn…");
    }
}
