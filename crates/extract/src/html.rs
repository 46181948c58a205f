//! HTML input: markup blanked out in place, so that byte offsets into the
//! page stay exact, with block-level tags turned into line breaks so that
//! paragraphs survive.

/// Block-level elements whose tags end a line (paragraphs, headings,
/// list items, table rows and cells, line breaks).
const BLOCK_TAGS: [&str; 18] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "blockquote",
];

/// Elements whose content is not text (scripts, styles, the head).
const HIDDEN: [&str; 4] = ["script", "style", "head", "template"];

/// The next occurrence of a pattern at or after a position, remembering
/// the last answer: a page full of unclosed `<` (or `<!--`) is searched
/// once, not once per `<`.
struct NextMatch {
    pattern: &'static str,
    /// (searched from, first occurrence at or after it).
    last: Option<(usize, Option<usize>)>,
}

impl NextMatch {
    fn new(pattern: &'static str) -> NextMatch {
        NextMatch {
            pattern,
            last: None,
        }
    }

    fn find(&mut self, text: &str, from: usize) -> Option<usize> {
        if let Some((searched, found)) = self.last {
            if searched <= from {
                match found {
                    None => return None,
                    Some(at) if at >= from => return Some(at),
                    Some(_) => {}
                }
            }
        }
        let found = text
            .get(from..)
            .and_then(|rest| rest.find(self.pattern))
            .map(|e| from + e);
        self.last = Some((from, found));
        found
    }
}

/// Returns `html` with every tag, comment and hidden element replaced by
/// spaces of the same byte length, a block-level tag by a line break
/// (paragraph tags by a blank line) padded the same way. Entities are
/// left for extraction's cleaning to decode.
///
/// ```
/// let page = "<p>Recalling its resolution <a href=\"x\">76/19</a>,</p><p>Noting</p>";
/// let text = resgraph_extract::html::blank_markup(page);
/// assert_eq!(text.len(), page.len());
/// assert_eq!(&text[page.find("76/19").unwrap()..][..5], "76/19");
/// assert!(text.contains('\n'));
/// ```
pub fn blank_markup(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let mut hidden_until: Option<String> = None;
    let mut tag_end = NextMatch::new(">");
    let mut comment_end = NextMatch::new("-->");
    while i < bytes.len() {
        if bytes[i] != b'<' {
            if hidden_until.is_some() {
                out.push(if bytes[i] == b'\n' { b'\n' } else { b' ' });
            } else {
                out.push(bytes[i]);
            }
            i += 1;
            continue;
        }
        // A comment runs to `-->`, a tag to `>`; an unclosed `<` is text.
        let end = if html[i..].starts_with("<!--") {
            comment_end.find(html, i).map(|e| e + 3)
        } else {
            tag_end.find(html, i).map(|e| e + 1)
        };
        let Some(end) = end else {
            out.push(if hidden_until.is_some() { b' ' } else { b'<' });
            i += 1;
            continue;
        };
        let tag = &html[i..end];
        let name: String = tag
            .trim_start_matches(['<', '/', '!'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with("</");
        if let Some(hidden) = &hidden_until {
            if closing && &name == hidden {
                hidden_until = None;
            }
        } else if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with("/>") {
            hidden_until = Some(name.clone());
        }
        let breaks = if BLOCK_TAGS.contains(&name.as_str()) {
            if name == "p" || name.starts_with('h') || name == "div" {
                2
            } else {
                1
            }
        } else {
            0
        };
        let len = end - i;
        for k in 0..len {
            out.push(if k < breaks { b'\n' } else { b' ' });
        }
        i = end;
    }
    // Only ASCII bytes were written in place of markup, and text bytes
    // were copied whole, so the result is valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
