//! RTF: the text of the document body (paragraphs, list items, table cells), footnotes after
//! the body, and the `\info` group's title, author and creation time. Headers, footers, font
//! and colour tables, pictures, objects and field instructions are left out. `\uN` escapes and
//! `\'hh` bytes in the document's code page (`\ansicpg`) are decoded.
//!
//! Written here rather than taken from a crate: `rtf-parser` 0.4.3, the one maintained RTF
//! crate, returns the text without paragraph breaks and with the `\info` group and the page
//! headers mixed into the body (measured on `tests/data/sources/article.rtf`; docs/sources.md).

use super::paragraphs::TextBuilder;
use super::{ConvertError, Converted, Converter, Format, SourceMeta, Stated};
use crate::corpus::TextEncoding;

pub struct Rtf;

impl Converter for Rtf {
    fn format(&self) -> Format {
        Format::Rtf
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn convert(&self, bytes: &[u8]) -> Result<Converted, ConvertError> {
        if !bytes.starts_with(b"{\\rtf") {
            return Err(ConvertError::Damaged(
                Format::Rtf,
                "it does not start with {\\rtf".into(),
            ));
        }
        let mut p = Parser::new(bytes);
        p.run();
        let mut text = p.text;
        text.end_list();
        for (i, note) in p.notes.iter().enumerate() {
            text.paragraph(&format!("[{}] {note}", i + 1));
        }
        let date = match p.created {
            [Some(y), Some(m), Some(d)] => {
                Stated::new(format!("{y:04}-{m:02}-{d:02}"), "RTF \\info")
            }
            _ => None,
        };
        let meta = SourceMeta {
            title: Stated::new(p.info_title, "RTF \\info"),
            author: Stated::new(p.info_author, "RTF \\info"),
            date,
            ..SourceMeta::default()
        };
        Ok(Converted {
            text: text.finish(),
            meta,
            encoding: TextEncoding::Utf8 { bom: false },
        })
    }
}

/// Where the text of a group goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dest {
    Body,
    Skip,
    Title,
    Author,
    Created,
    Note,
    ListText,
}

#[derive(Clone, Copy, Debug)]
struct State {
    dest: Dest,
    /// How many characters follow a `\uN` as its fallback (`\ucN`).
    uc: usize,
}

/// Destinations whose text is not the article's.
const SKIPPED: [&str; 24] = [
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "xmlnstbl",
    "rsidtbl",
    "listtable",
    "listoverridetable",
    "generator",
];

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    stack: Vec<State>,
    state: State,
    /// Bytes of the code page waiting to be decoded.
    pending: Vec<u8>,
    encoding: &'static encoding_rs::Encoding,
    para: String,
    in_list: bool,
    text: TextBuilder,
    notes: Vec<String>,
    note: String,
    info_title: String,
    info_author: String,
    created: [Option<u32>; 3],
    /// Characters still to skip after a `\uN`.
    skip_chars: usize,
    /// The next group is an ignorable destination (`{\*\…}`).
    ignorable: bool,
}

/// The deepest group nesting read; deeper input is damaged or hostile.
const MAX_DEPTH: usize = 1_000;

impl<'a> Parser<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let state = State {
            dest: Dest::Body,
            uc: 1,
        };
        Self {
            bytes,
            pos: 0,
            stack: Vec::new(),
            state,
            pending: Vec::new(),
            encoding: encoding_rs::WINDOWS_1252,
            para: String::new(),
            in_list: false,
            text: TextBuilder::new(),
            notes: Vec::new(),
            note: String::new(),
            info_title: String::new(),
            info_author: String::new(),
            created: [None; 3],
            skip_chars: 0,
            ignorable: false,
        }
    }

    fn run(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'{' => {
                    self.flush();
                    if self.stack.len() < MAX_DEPTH {
                        self.stack.push(self.state);
                    }
                }
                b'}' => {
                    self.flush();
                    self.close_group();
                }
                b'\\' => self.control(),
                b'\r' | b'\n' => {}
                _ => self.byte(b),
            }
        }
        self.flush();
        self.end_paragraph();
    }

    fn close_group(&mut self) {
        let closing = self.state.dest;
        if let Some(s) = self.stack.pop() {
            self.state = s;
        }
        if closing == Dest::Note && self.state.dest != Dest::Note {
            let note = super::paragraphs::collapse(&std::mem::take(&mut self.note));
            if !note.is_empty() {
                self.notes.push(note);
                self.para.push_str(&format!("[{}]", self.notes.len()));
            }
        }
    }

    fn byte(&mut self, b: u8) {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return;
        }
        self.pending.push(b);
    }

    /// Decode the pending bytes into the current destination.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let (text, _, _) = self.encoding.decode(&self.pending);
        let text = text.into_owned();
        self.pending.clear();
        self.push(&text);
    }

    fn push(&mut self, s: &str) {
        match self.state.dest {
            Dest::Body => self.para.push_str(s),
            Dest::Note => self.note.push_str(s),
            Dest::Title => self.info_title.push_str(s),
            Dest::Author => self.info_author.push_str(s),
            // A list marker that shows something ("•", "1."): an outline heading's is empty.
            Dest::ListText => self.in_list |= s.chars().any(|c| !c.is_whitespace()),
            Dest::Skip | Dest::Created => {}
        }
    }

    fn end_paragraph(&mut self) {
        let para = std::mem::take(&mut self.para);
        if std::mem::take(&mut self.in_list) {
            self.text.list_item("-", &para);
        } else {
            self.text.paragraph(&para);
        }
    }

    fn control(&mut self) {
        let Some(&c) = self.bytes.get(self.pos) else {
            return;
        };
        self.pos += 1;
        if !c.is_ascii_alphabetic() {
            return self.symbol(c);
        }
        let start = self.pos - 1;
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_alphabetic)
        {
            self.pos += 1;
        }
        let word = String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned();
        let num_start = self.pos;
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) && self.pos - num_start < 12
        {
            self.pos += 1;
        }
        let param: Option<i64> = std::str::from_utf8(&self.bytes[num_start..self.pos])
            .ok()
            .and_then(|s| s.parse().ok());
        if self.bytes.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        self.word(&word, param);
    }

    fn symbol(&mut self, c: u8) {
        match c {
            b'\'' => {
                let hex = self
                    .bytes
                    .get(self.pos..self.pos + 2)
                    .and_then(|h| std::str::from_utf8(h).ok());
                if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    self.pos += 2;
                    self.byte(b);
                }
            }
            b'\\' | b'{' | b'}' => self.byte(c),
            b'~' => {
                self.flush();
                self.push("\u{a0}");
            }
            b'_' => self.byte(b'-'),
            b'*' => self.ignorable = true,
            b'\r' | b'\n' => {
                self.flush();
                self.end_paragraph();
            }
            _ => {}
        }
    }

    fn word(&mut self, word: &str, param: Option<i64>) {
        // The first control word of a group may name its destination.
        let ignorable = std::mem::take(&mut self.ignorable);
        self.flush();
        let dest = match word {
            // The first \title and \author of \info count (writers repeat them).
            "title" if self.state.dest == Dest::Skip && self.info_title.is_empty() => {
                Some(Dest::Title)
            }
            "author" if self.state.dest == Dest::Skip && self.info_author.is_empty() => {
                Some(Dest::Author)
            }
            "title" | "author" => Some(Dest::Skip),
            "creatim" => Some(Dest::Created),
            "footnote" => Some(Dest::Note),
            "listtext" | "pntext" => Some(Dest::ListText),
            w if SKIPPED.contains(&w) => Some(Dest::Skip),
            _ if ignorable => Some(Dest::Skip),
            _ => None,
        };
        if let Some(dest) = dest {
            self.state.dest = dest;
            return;
        }
        let n = param.unwrap_or(0);
        match word {
            "ansicpg" => {
                let label = format!("windows-{n}");
                if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
                    self.encoding = enc;
                }
            }
            "uc" => self.state.uc = usize::try_from(n).unwrap_or(1).min(8),
            "u" => {
                let code = if n < 0 { n + 65_536 } else { n };
                if let Some(ch) = u32::try_from(code).ok().and_then(char::from_u32) {
                    self.push(&ch.to_string());
                }
                self.skip_chars = self.state.uc;
            }
            "yr" | "mo" | "dy" if self.state.dest == Dest::Created => {
                let i = match word {
                    "yr" => 0,
                    "mo" => 1,
                    _ => 2,
                };
                self.created[i] = u32::try_from(n).ok();
            }
            "par" | "sect" | "page" | "cell" | "row" if self.state.dest == Dest::Body => {
                self.end_paragraph()
            }
            "par" if self.state.dest == Dest::Note => self.note.push(' '),
            "line" | "tab" => self.push(" "),
            "emdash" => self.push("—"),
            "endash" => self.push("–"),
            "lquote" => self.push("‘"),
            "rquote" => self.push("’"),
            "ldblquote" => self.push("“"),
            "rdblquote" => self.push("”"),
            "bullet" => self.push("•"),
            "pard" => {}
            _ => {}
        }
    }
}
