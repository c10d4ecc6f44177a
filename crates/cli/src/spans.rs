//! Where each value of a JSON document starts (line, column), by JSON path
//! (`items[3].hours[0].open`), so problems found on the parsed model can be
//! reported at their place in the file.

use std::collections::HashMap;

pub struct Spans(HashMap<String, (usize, usize)>);

impl Spans {
    /// Scans a document that is already known to be valid JSON.
    pub fn of(text: &str) -> Spans {
        let mut s = Scanner { b: text.as_bytes(), i: 0, line: 1, col: 1, out: HashMap::new() };
        s.value(String::new(), 0);
        Spans(s.out)
    }

    /// The position of `path`, or of its nearest existing parent (a missing
    /// field is reported where its object starts).
    pub fn find(&self, path: &str) -> (usize, usize) {
        let mut p = path.to_owned();
        loop {
            if let Some(pos) = self.0.get(&p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p.truncate(i),
                None => return self.0.get("").copied().unwrap_or((1, 1)),
            }
        }
    }
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
    col: usize,
    out: HashMap<String, (usize, usize)>,
}

impl Scanner<'_> {
    fn bump(&mut self) {
        if let Some(&c) = self.b.get(self.i) {
            if c == b'\n' {
                self.line += 1;
                self.col = 1;
            } else if c & 0xC0 != 0x80 {
                // Columns count characters, not UTF-8 continuation bytes.
                self.col += 1;
            }
            self.i += 1;
        }
    }

    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn string(&mut self) -> String {
        let start = self.i + 1;
        self.bump();
        while let Some(&c) = self.b.get(self.i) {
            if c == b'\\' {
                self.bump();
            } else if c == b'"' {
                break;
            }
            self.bump();
        }
        let raw = &self.b[start..self.i.min(self.b.len())];
        self.bump();
        serde_json::from_slice::<String>(&[b"\"", raw, b"\""].concat()).unwrap_or_default()
    }

    /// Passes over one value, however deeply nested, iteratively.
    fn skip_value(&mut self) {
        let mut open = 0usize;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'"' => {
                    self.string();
                    if open == 0 {
                        return;
                    }
                    continue;
                }
                b'[' | b'{' => open += 1,
                b']' | b'}' if open == 0 => return,
                b']' | b'}' => {
                    open -= 1;
                    if open == 0 {
                        return self.bump();
                    }
                }
                b',' if open == 0 => return,
                _ => {}
            }
            self.bump();
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        self.ws();
        self.out.entry(path.clone()).or_insert((self.line, self.col));
        if depth > 200 {
            // Deeper than any feed: skip the value without recursing (the
            // stack stays small), so what follows it is still found.
            return self.skip_value();
        }
        match self.b.get(self.i) {
            Some(b'{') => {
                self.bump();
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b'}') | None => break self.bump(),
                        Some(b',') => self.bump(),
                        Some(b'"') => {
                            let key = self.string();
                            self.ws();
                            self.bump(); // ':'
                            let child = if path.is_empty() { key } else { format!("{path}.{key}") };
                            self.value(child, depth + 1);
                        }
                        Some(_) => self.bump(),
                    }
                }
            }
            Some(b'[') => {
                self.bump();
                let mut n = 0;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b']') | None => break self.bump(),
                        Some(b',') => self.bump(),
                        Some(_) => {
                            self.value(format!("{path}[{n}]"), depth + 1);
                            n += 1;
                        }
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            _ => {
                while matches!(self.b.get(self.i), Some(c) if !matches!(c, b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t')) {
                    self.bump();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_by_path() {
        let doc = "{\n  \"format\": \"x\",\n  \"items\": [\n    {\"id\": \"a\", \"name\": {\"en\": \"é\"}},\n    {\"id\": \"b\"}\n  ]\n}";
        let s = Spans::of(doc);
        assert_eq!(s.find("format"), (2, 13));
        assert_eq!(s.find("items[0]"), (4, 5));
        assert_eq!(s.find("items[0].name.en"), (4, 32));
        assert_eq!(s.find("items[1].id"), (5, 12));
        assert_eq!(s.find("items[1].name"), (5, 5), "missing field: where its object starts");
    }

    #[test]
    fn strings_with_separators_inside_are_one_value() {
        let s = Spans::of("{\"a\": \"x, y] }\", \"b\": 1}");
        assert_eq!(s.find("b"), (1, 23));
    }

    #[test]
    fn nesting_is_followed_200_levels_down_and_no_further() {
        // A guard against a stack overflow on a hostile file: values deeper
        // than that are reported at their deepest recorded parent.
        for (open, close, step) in [("[", "]", "[0]"), ("{\"k\":", "}", ".k")] {
            let doc = format!("{{\"d\":{}1{},\n\"after\": 2}}", open.repeat(205), close.repeat(205));
            let s = Spans::of(&doc);
            assert_eq!(s.find("after"), (2, 10), "{open}: what follows the deep value is found");
            let path = |n: usize| format!("d{}", step.repeat(n));
            assert!(s.0.contains_key(&path(200)), "{open}");
            assert!(!s.0.contains_key(&path(201)), "{open}");
            assert_eq!(s.find(&path(204)), s.find(&path(200)), "{open}: reported at the deepest recorded parent");
        }
    }

    #[test]
    fn values_skipped_past_the_limit_may_hold_strings_brackets_and_commas() {
        // Elements at depth 201: a string with brackets and a comma, a list, numbers.
        let doc = format!("{{\"d\":{}\"x]}}, y\", [5, 6], 2, 3{},\n\"after\": [4]}}", "[".repeat(200), "]".repeat(200));
        let s = Spans::of(&doc);
        assert_eq!(s.find("after[0]"), (2, 11));
        assert!(s.0.contains_key(&format!("d{}", "[0]".repeat(200))));
        let inner = |n: usize| format!("d{}[{n}]", "[0]".repeat(199));
        assert!(s.0.contains_key(&inner(3)) && !s.0.contains_key(&inner(4)), "each element at the limit is listed, none inside");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // Four Arabic letters take eight bytes but four columns.
        let s = Spans::of("{\"ar\": \"مخبز\", \"b\": 1}");
        assert_eq!(s.find("b"), (1, 21));
    }
}
