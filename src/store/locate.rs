//! Finds the line and column of a field in JSON text, so a broken rule can be pointed at.
//!
//! serde_json tells where a syntax or type error is, but a model rule is checked after parsing,
//! when positions are gone. This walks the (already valid) text along the field's path.

use super::error::Position;
use crate::model::PathSeg;

/// The position of the value at `path` in `text`, if the path exists there.
pub fn locate(text: &str, path: &[PathSeg]) -> Option<Position> {
    let mut s = Scanner { bytes: text.as_bytes(), at: 0 };
    s.skip_ws();
    for seg in path {
        match seg {
            PathSeg::Key(key) => s.enter_key(key)?,
            PathSeg::Index(index) => s.enter_index(*index)?,
        }
    }
    Some(position_of(text, s.at))
}

/// 1-based line and column (in characters) of byte offset `at`.
pub fn position_of(text: &str, at: usize) -> Position {
    let before = &text[..at.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Moves into the object at the cursor, to the value of `key`.
    fn enter_key(&mut self, key: &str) -> Option<()> {
        self.expect(b'{')?;
        loop {
            self.skip_ws();
            if self.peek()? == b'}' {
                return None;
            }
            let name = self.string()?;
            self.expect(b':')?;
            self.skip_ws();
            if name == key {
                return Some(());
            }
            self.skip_value()?;
            self.skip_ws();
            if self.peek()? == b',' {
                self.at += 1;
            }
        }
    }

    /// Moves into the list at the cursor, to its `index`-th item.
    fn enter_index(&mut self, index: usize) -> Option<()> {
        self.expect(b'[')?;
        for _ in 0..index {
            self.skip_ws();
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.expect(b',')?;
        }
        self.skip_ws();
        (self.peek()? != b']').then_some(())
    }

    /// Reads the string at the cursor, decoding its escapes.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.skip_string()?;
        let raw = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        serde_json::from_str(raw).ok()
    }

    fn skip_string(&mut self) -> Option<()> {
        (self.peek()? == b'"').then_some(())?;
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                ) {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> PathSeg {
        PathSeg::Key(k.into())
    }

    const TEXT: &str = r#"{
  "a": {"x": "}]\"{", "y": [1, {"z": true}, [3]]},
  "b\u00e9": [
    10,
    "tien",
    {"owner": 42}
  ]
}"#;

    #[test]
    fn finds_nested_fields_past_tricky_strings() {
        let p = locate(TEXT, &[key("a"), key("y"), PathSeg::Index(1), key("z")]).unwrap();
        assert_eq!((p.line, p.column), (2, 38));
        let p = locate(TEXT, &[key("bé"), PathSeg::Index(2), key("owner")]).unwrap();
        assert_eq!((p.line, p.column), (6, 15));
        let p = locate(TEXT, &[key("bé"), PathSeg::Index(1)]).unwrap();
        assert_eq!((p.line, p.column), (5, 5));
    }

    #[test]
    fn a_path_that_is_not_there_gives_none() {
        assert_eq!(locate(TEXT, &[key("c")]), None);
        assert_eq!(locate(TEXT, &[key("bé"), PathSeg::Index(3)]), None);
        assert_eq!(locate(TEXT, &[key("a"), PathSeg::Index(0)]), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // Byte 9 is after "ééé\n" (7 bytes) and one "é" (2 bytes).
        let p = position_of("ééé\néé", 9);
        assert_eq!((p.line, p.column), (2, 2));
    }
}
