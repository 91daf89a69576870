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

/// Wraps `text` at spaces into lines of at most `width` characters. A word longer than a
/// line is broken where the line ends, not moved to a line of its own first.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let word_len = word.chars().count();
        let gap = usize::from(len > 0);
        if len + gap + word_len <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            len += gap + word_len;
            continue;
        }
        if word_len <= width || len + gap >= width {
            // The word fits a line of its own, or nothing of it fits here.
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
        } else if gap == 1 {
            line.push(' ');
            len += 1;
        }
        for c in word.chars() {
            if len == width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            line.push(c);
            len += 1;
        }
    }
    if len > 0 || lines.is_empty() {
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
        assert_eq!(
            wrap("+ Sociale-vaardigheidstraining", 12),
            ["+ Sociale-va", "ardigheidstr", "aining"]
        );
        assert_eq!(wrap("een twee drie", 4), ["een", "twee", "drie"]);
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
