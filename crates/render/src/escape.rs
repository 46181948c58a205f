//! Escaping for the two output languages.
//!
//! Every piece of caller text (ids, labels, titles, organs, links) reaches
//! the output through one of these functions:
//!
//! * [`clean`] first: control characters that neither DOT nor XML 1.0 can
//!   carry safely are dropped, tabs become spaces, `\r\n` and `\r` become `\n`.
//! * DOT: [`dot_id`] (node names) and [`dot_text`] (labels, tooltips, links)
//!   always produce a double-quoted string in which `\` and `"` are
//!   backslash-escaped, so the string cannot end early and no escString
//!   sequence (`\N`, `\G`, `\l` ...) can be formed by the caller.
//!   [`dot_text`] also writes newlines as `\n` and `&` as `&amp;`, because
//!   Graphviz reads `&name;` in labels as an entity: with `&` escaped, text
//!   such as `&amp;` is shown literally and cannot form markup in the SVG
//!   that Graphviz writes (Graphviz itself escapes `<`, `>`, `"`, `'`, `-`).
//! * SVG: [`xml`] escapes `&`, `<`, `>`, `"` and `'`, so the result is safe
//!   in text content and in quoted attribute values (the rule is
//!   [`resgraph_io::xml_escape`], shared with the graph's GraphML export).
//! * Links: [`safe_url`] keeps only `http://` and `https://` URLs and
//!   paths of the same site (`/doc/A/RES/76/19`, for a picture served by
//!   a web page), and percent-encodes every character outside the
//!   URL-safe ASCII set ([`resgraph_io::LINK_ENCODE_SET`]).

use graphviz_rust::dot_structures::Id;

/// Drops characters that cannot travel in DOT or XML 1.0 text: C0 and C1
/// controls other than `\n` (tabs become spaces, `\r\n` and lone `\r` become
/// `\n`), and the non-characters U+FFFE and U+FFFF.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// [`clean`] that also turns newlines into spaces: for ids and other
/// one-line texts.
pub(crate) fn one_line(s: &str) -> String {
    clean(s).replace('\n', " ")
}

/// A DOT node name: double-quoted, `\` and `"` escaped, `&` written
/// `&amp;` (Graphviz reads entities in names too, and would copy a stray
/// `&x;` into its SVG as an undefined entity), on one line.
pub(crate) fn dot_id(s: &str) -> Id {
    quoted(&one_line(s), "\\\\")
}

/// A DOT escString value (label, tooltip, URL, cluster label):
/// double-quoted; `\`, `"` escaped; newlines written `\n`; `&` written
/// `&amp;`.
pub(crate) fn dot_text(s: &str) -> Id {
    quoted(&clean(s), "\\\\")
}

/// A DOT tooltip or link (`tooltip`, `URL`): like [`dot_text`], except
/// that a backslash is written as four.
///
/// Graphviz reads these attributes twice (checked with Graphviz 2.43):
/// once undoing `\\` and once expanding `\N`, `\G`, `\E`, `\T`, `\H`, `\L`
/// and dropping other backslashes, so a title `a\N` must reach it as
/// `a\\\\N`. The count of backslashes stays even, so the quoted string
/// can never end early whatever a Graphviz version makes of them.
pub(crate) fn dot_tooltip(s: &str) -> Id {
    quoted(&clean(s), "\\\\\\\\")
}

/// A double-quoted DOT string: `"` escaped, each backslash written as
/// `backslash`, newlines as `\n`, `&` as `&amp;`.
fn quoted(s: &str, backslash: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str(backslash),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

/// A DOT value the renderer itself chose (colours, styles, numbers): quoted
/// and escaped like a node name, so even a mistake here cannot break the
/// DOT.
pub(crate) fn dot_value(s: &str) -> Id {
    dot_id(s)
}

/// Text escaped for XML content and quoted attribute values, after
/// [`clean`]: the one XML rule, [`resgraph_io::xml_escape`] (after
/// cleaning, only its `\n` → `&#10;` and the five special characters
/// apply).
pub(crate) fn xml(s: &str) -> String {
    resgraph_io::xml_escape(&clean(s))
}

/// The URL if it is an `http://` or `https://` link or a path of the same
/// site (one `/` then a character other than `/` or `\\`: `//host` and
/// `/\\host` would leave the site), with every character outside the
/// URL-safe ASCII set percent-encoded; `None` otherwise (`javascript:`,
/// `data:`, other relative links, empty strings...).
pub(crate) fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    if is_site_path(url) {
        return Some(resgraph_io::percent_encode(
            url,
            resgraph_io::LINK_ENCODE_SET,
        ));
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    let out = resgraph_io::percent_encode(url, resgraph_io::LINK_ENCODE_SET);
    // A host is needed: "https://" alone is no link.
    let rest = out.split_once("://").map(|(_, r)| r).unwrap_or("");
    if rest.is_empty() || rest.starts_with('/') {
        return None;
    }
    Some(out)
}

/// Whether `url` is a path of the same site: such a link opens in the
/// same window (the page that shows the picture is on that site), any
/// other in a new one.
pub(crate) fn is_site_path(url: &str) -> bool {
    let mut chars = url.trim().chars();
    chars.next() == Some('/') && chars.next().is_some_and(|c| c != '/' && c != '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(id: Id) -> String {
        match id {
            Id::Escaped(s) | Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s,
        }
    }

    #[test]
    fn clean_drops_controls_and_normalises_newlines() {
        assert_eq!(
            clean("a\r\nb\rc\td\u{0}e\u{1b}[0m\u{85}f\u{FFFF}"),
            "a\nb\nc de[0mf"
        );
    }

    #[test]
    fn dot_text_escapes_everything_that_matters() {
        assert_eq!(raw(dot_text(r#"say "hi"\N"#)), r#""say \"hi\"\\N""#);
        assert_eq!(raw(dot_text("a\nb & c")), r#""a\nb &amp; c""#);
        assert_eq!(raw(dot_text("ends with \\")), r#""ends with \\""#);
        assert_eq!(raw(dot_id("x\ny\"&")), r#""x y\"&amp;""#);
        assert_eq!(
            raw(dot_tooltip("a\\N \"b\"\n&")),
            r#""a\\\\N \"b\"\n&amp;""#
        );
    }

    #[test]
    fn xml_escapes_markup() {
        assert_eq!(
            xml("</svg><script>alert('x') & \"y\"</script>"),
            "&lt;/svg&gt;&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn safe_url_keeps_http_only_and_encodes() {
        assert_eq!(
            safe_url(" https://undocs.org/A/RES/76/19 ").as_deref(),
            Some("https://undocs.org/A/RES/76/19")
        );
        assert_eq!(
            safe_url("HTTP://x.org/a b\"<c>").as_deref(),
            Some("HTTP://x.org/a%20b%22%3Cc%3E")
        );
        assert_eq!(
            safe_url("https://x.org/é").as_deref(),
            Some("https://x.org/%C3%A9")
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,<script>"), None);
        // A relative link that is no path of the site.
        assert_eq!(safe_url("relative"), None);
        assert_eq!(safe_url("https://"), None);
        assert_eq!(
            safe_url("/doc/A/RES/43/78 H").as_deref(),
            Some("/doc/A/RES/43/78%20H")
        );
        assert_eq!(safe_url("//evil.example/x"), None);
        assert_eq!(safe_url("/\\evil.example/x"), None);
        assert_eq!(safe_url("/"), None);
        assert_eq!(safe_url("doc/A/RES/76/19"), None);
        assert_eq!(safe_url(""), None);
    }
}
