//! What reaches a person's terminal: text from documents (titles, file
//! names, mentions) can carry control characters and bidi overrides — an
//! escape sequence that retitles the window or clears the screen, a
//! U+202E that shows a symbol backwards. In every output meant for people
//! (tables, messages) they are shown escaped (`\u{1b}`), never sent.
//! Outputs for programs (JSON, GraphML, CSV, DOT, SVG) follow their own
//! escaping rules and are left alone.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` must not reach a terminal as it is: a control character
/// other than line feed and tab (C0, DEL, C1), or a bidi formatting
/// character (embeddings, overrides, isolates, marks).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character ([`is_unsafe`]) written as
/// `\u{...}`; borrowed when there is none.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that escapes what [`escape`] escapes, for outputs meant for
/// people. Bytes are UTF-8 cut anywhere: a character cut by the end of a
/// write waits for the next; a byte that is not UTF-8 is written `\xNN`.
pub struct Terminal<W: Write> {
    inner: W,
    /// The start of a character cut by the end of the last write.
    pending: Vec<u8>,
}

impl<W: Write> Terminal<W> {
    /// Escapes what is written to `inner`.
    pub fn new(inner: W) -> Terminal<W> {
        Terminal {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_escaped(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut rest = bytes;
        while !rest.is_empty() {
            let (valid, after) = match std::str::from_utf8(rest) {
                Ok(valid) => (valid, &[][..]),
                Err(err) => {
                    let (valid, after) = rest.split_at(err.valid_up_to());
                    // Valid by construction.
                    (std::str::from_utf8(valid).unwrap_or_default(), after)
                }
            };
            self.inner.write_all(escape(valid).as_bytes())?;
            rest = after;
            match std::str::from_utf8(rest) {
                Err(err) if err.valid_up_to() == 0 && err.error_len().is_none() => {
                    // A character cut by the end of this write.
                    self.pending.extend_from_slice(rest);
                    return Ok(());
                }
                _ => {}
            }
            if let Some((&byte, after)) = rest.split_first() {
                write!(self.inner, "\\x{byte:02x}")?;
                rest = after;
            }
        }
        Ok(())
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.write_escaped(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.write_escaped(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for Terminal<W> {
    fn drop(&mut self) {
        // A character never completed: shown as its bytes.
        for byte in std::mem::take(&mut self.pending) {
            let _ = write!(self.inner, "\\x{byte:02x}");
        }
    }
}

/// Whether messages are coloured: decided once, from `--color` and the
/// environment, before any message is written ([`use_color`]); set once
/// and never changed, like the searchers built in `OnceLock`s.
static COLOR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Decides once whether messages on standard error are coloured: `auto`
/// colours on a terminal unless `NO_COLOR` is set (and not empty), as
/// <https://no-color.org> asks.
pub fn use_color(choice: clap::ColorChoice) {
    use std::io::IsTerminal;
    let on = match choice {
        clap::ColorChoice::Always => true,
        clap::ColorChoice::Never => false,
        clap::ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stderr().is_terminal()
        }
    };
    let _ = COLOR.set(on);
}

/// The `--color` among the arguments (`--color WHEN` or
/// `--color=WHEN`), for clap's own help and errors, which are written
/// while the arguments are parsed; `auto` when absent or not a choice
/// (the parser then says so).
pub fn color_choice_in(args: impl IntoIterator<Item = std::ffi::OsString>) -> clap::ColorChoice {
    let args: Vec<std::ffi::OsString> = args.into_iter().collect();
    let mut choice = clap::ColorChoice::Auto;
    for (i, arg) in args.iter().enumerate() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--color") => args.get(i + 1).and_then(|v| v.to_str()),
            Some(other) => other.strip_prefix("--color="),
            None => None,
        };
        if let Some(parsed) =
            value.and_then(|v| <clap::ColorChoice as clap::ValueEnum>::from_str(v, true).ok())
        {
            choice = parsed;
        }
    }
    choice
}

/// A message with its `error:`/`warning:` label in bold red or yellow
/// when messages are coloured ([`use_color`]); unchanged otherwise.
pub fn paint(message: &str) -> Cow<'_, str> {
    if !COLOR.get().copied().unwrap_or(false) {
        return Cow::Borrowed(message);
    }
    for (label, style) in [("error:", "1;31"), ("warning:", "1;33")] {
        if let Some(at) = message.find(label) {
            let (before, after) = message.split_at(at);
            let rest = &after[label.len()..];
            return Cow::Owned(format!("{before}\x1b[{style}m{label}\x1b[0m{rest}"));
        }
    }
    Cow::Borrowed(message)
}

/// `eprintln!` for messages to people: the message escaped ([`escape`]),
/// then its label coloured when colour is on ([`paint`]; the escapes
/// added are ours, never a text's).
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::terminal::paint(&$crate::terminal::escape(&format!($($arg)*))))
    };
}
pub(crate) use say;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_color_choice_is_found_before_parsing() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            color_choice_in(args(&["resgraph", "top", "--color", "never"])),
            clap::ColorChoice::Never
        );
        assert_eq!(
            color_choice_in(args(&["resgraph", "--color=always", "top"])),
            clap::ColorChoice::Always
        );
        assert_eq!(
            color_choice_in(args(&["resgraph", "top"])),
            clap::ColorChoice::Auto
        );
        assert_eq!(
            color_choice_in(args(&["resgraph", "extract", "--", "--color=never"])),
            clap::ColorChoice::Auto
        );
    }

    #[test]
    fn escapes_and_bidi_overrides_are_shown_not_sent() {
        let hostile = "Title\u{1b}]0;PWNED\u{7}\u{1b}[2J \u{202e}91/67 \u{9b}x\tcol\nnext";
        assert_eq!(
            escape(hostile),
            "Title\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J \\u{202e}91/67 \\u{9b}x\tcol\nnext"
        );
        assert!(matches!(escape("A/RES/76/19 – “ICT”"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_escapes_across_cut_characters() {
        let hostile = "é\u{202e}ü\u{1b}[2J€".as_bytes();
        for cut in 0..=hostile.len() {
            let mut out = Vec::new();
            {
                let mut t = Terminal::new(&mut out);
                t.write_all(&hostile[..cut]).unwrap();
                t.write_all(&hostile[cut..]).unwrap();
            }
            assert_eq!(
                String::from_utf8(out).unwrap(),
                "é\\u{202e}ü\\u{1b}[2J€",
                "cut at {cut}"
            );
        }
        let mut out = Vec::new();
        Terminal::new(&mut out).write_all(b"a\xffb").unwrap();
        assert_eq!(out, b"a\\xffb");
    }
}
