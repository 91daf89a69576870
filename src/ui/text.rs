//! Small text helpers for drawing: wrapping and cutting to a width.

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
        assert_eq!(
            wrap("Gratis ontbijt op school", 10),
            ["Gratis", "ontbijt op", "school"]
        );
        assert_eq!(
            wrap("Schoolmaatschappelijk", 8),
            ["Schoolma", "atschapp", "elijk"]
        );
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn fit_marks_a_cut() {
        assert_eq!(fit("Geïndiceerd", 20), "Geïndiceerd");
        assert_eq!(fit("Geïndiceerd", 5), "Geïn…");
    }
}
