//! HTML pieces shared by the printable reports, the cheat sheet and the phones' ballot page.

use crate::i18n::Lang;

/// The start of a self-contained page up to and including `<body>`: language, UTF-8, a
/// viewport for phones, the (escaped) `title` and the page's own `style`. Every page knoop
/// writes starts the same way.
pub fn page_start(lang: Lang, title: &str, style: &str) -> String {
    let html_lang = if lang == Lang::En { "en" } else { "nl" };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{style}</style>\n</head>\n<body>",
        escape(title)
    )
}

/// Escapes the characters HTML gives a meaning, so text shows as typed and never runs.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_specials_are_escaped() {
        assert_eq!(
            escape("<b>\"Tom & Jerry's\"</b>"),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"
        );
    }
}
