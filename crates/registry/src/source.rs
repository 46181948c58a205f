//! Where a fact came from: [`Source`] tags and the [`Sources`] of an entry.

use std::borrow::Cow;
use std::fmt;

/// The origin of one fact (a date, a title, or just the knowledge that a
/// symbol exists), written in the registry as a short tag.
///
/// The tags are stable: they are the `sources` column of
/// `data/registry/registry.tsv`.
///
/// ```
/// use resgraph_registry::Source;
///
/// assert_eq!(Source::Undl.to_string(), "undl");
/// assert_eq!("cited-by-texts(3)".parse::<Source>().unwrap(), Source::CitedByTexts(3));
/// assert_eq!("my-list".parse::<Source>().unwrap(), Source::Other("my-list".into()));
/// // A date printed in the resolution itself beats the UN Digital Library's vote date.
/// assert!(Source::TextHeading.date_rank() < Source::Undl.date_rank());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// `text-heading`: the adoption date printed in the text of the
    /// resolution ("Resolution adopted by the General Assembly on
    /// 5 December 2018").
    TextHeading,
    /// `igov`: the UN iGov decisions export (meeting date of a decision
    /// taken at one meeting, and its title).
    Igov,
    /// `igov-earliest`: the earliest of several meeting dates the iGov
    /// export lists for a decision taken or amended at several meetings.
    IgovEarliest,
    /// `undl`: the UN Digital Library voting-data registry (vote date and
    /// catalogue title).
    Undl,
    /// `unvotes`: the Voeten/unvotes roll calls (vote date and
    /// description).
    Unvotes,
    /// `metadata-78-80`: the metadata of the session 78-80 texts (title).
    Metadata7880,
    /// `metadata-ict-73-77`: the metadata of the ICT lineage texts of
    /// sessions 73-77 (title).
    MetadataIct,
    /// `marc-993`: a UN Digital Library MARC 993 link names the symbol as
    /// the resolution or decision a draft was adopted as.
    Marc993,
    /// `akn-ga`, `akn-hrc`, `akn-ecosoc`, `akn-sc`: the UN's own Akoma
    /// Ntoso (AKN4UN) XML of a resolution, where its two statements of
    /// the adoption date (FRBR metadata and the printed adoption line)
    /// agree, and its printed title.
    Akn(AknCollection),
    /// `cited-by-texts(n)`: the date that `n` citing texts agree on.
    CitedByTexts(u32),
    /// Any other tag (lower-case ASCII letters, digits, `-`, `.`, and an
    /// optional `(n)`); characters outside that set are written as `-`.
    Other(String),
}

impl Source {
    /// How much a date from this source is trusted: lower wins. The order
    /// is text heading, iGov, UN Digital Library, unvotes, the other
    /// metadata, MARC, citing texts, anything else.
    pub fn date_rank(&self) -> u8 {
        match self {
            // The XML states the date twice, and both agree.
            Source::TextHeading | Source::Akn(_) => 0,
            Source::Igov | Source::IgovEarliest => 1,
            Source::Undl => 2,
            Source::Unvotes => 3,
            Source::Metadata7880 | Source::MetadataIct => 4,
            Source::Marc993 => 5,
            Source::CitedByTexts(_) => 6,
            Source::Other(_) => 7,
        }
    }

    /// How much a title from this source is trusted: lower wins. The order
    /// is UN Digital Library, session 78-80 metadata, ICT metadata, iGov,
    /// unvotes, then the rest.
    pub fn title_rank(&self) -> u8 {
        match self {
            Source::Undl => 0,
            // The XML's printed title, as the texts' metadata: after the
            // Digital Library's catalogue title, which the registry has
            // used from the start (node titles stay as they were).
            Source::Metadata7880 | Source::Akn(_) => 1,
            Source::MetadataIct => 2,
            Source::Igov | Source::IgovEarliest => 3,
            Source::Unvotes => 4,
            Source::TextHeading | Source::Marc993 => 5,
            Source::CitedByTexts(_) => 6,
            Source::Other(_) => 7,
        }
    }

    /// The tag as written in the registry.
    pub fn tag(&self) -> Cow<'static, str> {
        match self {
            Source::TextHeading => "text-heading".into(),
            Source::Igov => "igov".into(),
            Source::IgovEarliest => "igov-earliest".into(),
            Source::Undl => "undl".into(),
            Source::Unvotes => "unvotes".into(),
            Source::Metadata7880 => "metadata-78-80".into(),
            Source::MetadataIct => "metadata-ict-73-77".into(),
            Source::Marc993 => "marc-993".into(),
            Source::Akn(collection) => collection.tag().into(),
            Source::CitedByTexts(n) => format!("cited-by-texts({n})").into(),
            Source::Other(tag) => {
                if split_count(tag).is_some() {
                    return tag.clone().into();
                }
                let clean: String = tag
                    .chars()
                    .map(|c| {
                        if is_tag_char(c) && c != '(' && c != ')' {
                            c
                        } else {
                            '-'
                        }
                    })
                    .collect();
                if clean.is_empty() {
                    "other".into()
                } else {
                    clean.into()
                }
            }
        }
    }
}

/// Whose resolutions an AKN4UN XML collection holds (one [`Source::Akn`]
/// tag each).
///
/// ```
/// use resgraph_registry::{AknCollection, Source};
///
/// assert_eq!(Source::Akn(AknCollection::Ecosoc).to_string(), "akn-ecosoc");
/// assert_eq!("akn-sc".parse::<Source>().unwrap(), Source::Akn(AknCollection::SecurityCouncil));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AknCollection {
    /// General Assembly resolutions (`akn-ga`).
    GeneralAssembly,
    /// Human Rights Council resolutions (`akn-hrc`).
    HumanRightsCouncil,
    /// Economic and Social Council resolutions (`akn-ecosoc`).
    Ecosoc,
    /// Security Council resolutions (`akn-sc`).
    SecurityCouncil,
}

impl AknCollection {
    /// Every collection, in tag order.
    pub const ALL: [AknCollection; 4] = [
        AknCollection::GeneralAssembly,
        AknCollection::HumanRightsCouncil,
        AknCollection::Ecosoc,
        AknCollection::SecurityCouncil,
    ];

    /// The source tag.
    pub fn tag(self) -> &'static str {
        match self {
            AknCollection::GeneralAssembly => "akn-ga",
            AknCollection::HumanRightsCouncil => "akn-hrc",
            AknCollection::Ecosoc => "akn-ecosoc",
            AknCollection::SecurityCouncil => "akn-sc",
        }
    }
}

fn is_tag_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '(' | ')')
}

/// Splits a well-formed tag into its name and optional count digits:
/// `name` or `name(n)`, the name of tag characters without parentheses,
/// the count without leading zeros.
fn split_count(s: &str) -> Option<(&str, Option<&str>)> {
    if s.is_empty() || !s.chars().all(is_tag_char) {
        return None;
    }
    let (name, count) = match s.strip_suffix(')').and_then(|r| r.split_once('(')) {
        Some((name, digits)) => {
            let ok = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits == "0" || !digits.starts_with('0'))
                && digits.len() <= 10;
            if !ok {
                return None;
            }
            (name, Some(digits))
        }
        None => (s, None),
    };
    if name.is_empty() || name.contains(['(', ')']) {
        return None;
    }
    Some((name, count))
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag())
    }
}

/// Why a string is not a source tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a source tag: {0:?} (expected lower-case letters, digits, '-', '.', optional '(n)')")]
pub struct SourceParseError(pub String);

impl std::str::FromStr for Source {
    type Err = SourceParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SourceParseError(s.chars().take(60).collect());
        let (name, count) = split_count(s).ok_or_else(err)?;
        Ok(match (name, count) {
            ("text-heading", None) => Source::TextHeading,
            ("igov", None) => Source::Igov,
            ("igov-earliest", None) => Source::IgovEarliest,
            ("undl", None) => Source::Undl,
            ("unvotes", None) => Source::Unvotes,
            ("metadata-78-80", None) => Source::Metadata7880,
            ("metadata-ict-73-77", None) => Source::MetadataIct,
            ("marc-993", None) => Source::Marc993,
            ("akn-ga", None) => Source::Akn(AknCollection::GeneralAssembly),
            ("akn-hrc", None) => Source::Akn(AknCollection::HumanRightsCouncil),
            ("akn-ecosoc", None) => Source::Akn(AknCollection::Ecosoc),
            ("akn-sc", None) => Source::Akn(AknCollection::SecurityCouncil),
            ("cited-by-texts", Some(digits)) => {
                Source::CitedByTexts(digits.parse().map_err(|_| err())?)
            }
            _ => Source::Other(s.to_string()),
        })
    }
}

/// The sources behind one registry entry.
///
/// Written in the registry's `sources` column as up to three groups,
/// `date:a,b;title:c;seen:d,e`, empty groups left out:
///
/// - `date`: the sources that give the adoption date shown, most trusted
///   first (the first is the one the date was taken from; the others
///   agree with it);
/// - `title`: the source of the title shown;
/// - `seen`: sources that list the symbol but whose date or title was not
///   used (not given, not trusted, or outranked; a disagreeing date is
///   also in `conflicts.tsv`).
///
/// ```
/// use resgraph_registry::{Source, Sources};
///
/// let s: Sources = "date:text-heading,undl;title:undl;seen:unvotes".parse().unwrap();
/// assert_eq!(s.date, [Source::TextHeading, Source::Undl]);
/// assert_eq!(s.title, Some(Source::Undl));
/// assert_eq!(s.seen, [Source::Unvotes]);
/// assert_eq!(s.to_string(), "date:text-heading,undl;title:undl;seen:unvotes");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Sources {
    /// The sources of the adoption date, the one it was taken from first.
    pub date: Vec<Source>,
    /// The source of the title.
    pub title: Option<Source>,
    /// Other sources that list the symbol.
    pub seen: Vec<Source>,
}

impl Sources {
    /// The source that best stands for the entry: the date's, else the
    /// title's, else the first that saw it.
    ///
    /// ```
    /// use resgraph_registry::{Source, Sources};
    /// let s: Sources = "title:undl;seen:marc-993".parse().unwrap();
    /// assert_eq!(s.primary(), Some(&Source::Undl));
    /// ```
    pub fn primary(&self) -> Option<&Source> {
        self.date
            .first()
            .or(self.title.as_ref())
            .or_else(|| self.seen.first())
    }

    /// Whether no source at all is recorded.
    pub fn is_empty(&self) -> bool {
        self.date.is_empty() && self.title.is_none() && self.seen.is_empty()
    }

    /// Whether `source` appears in any group.
    pub fn contains(&self, source: &Source) -> bool {
        self.date.contains(source)
            || self.title.as_ref() == Some(source)
            || self.seen.contains(source)
    }

    /// Drops from `seen` what the other groups already name, and
    /// duplicates.
    pub(crate) fn tidy(&mut self) {
        let mut kept: Vec<Source> = Vec::with_capacity(self.seen.len());
        for s in std::mem::take(&mut self.seen) {
            if !self.date.contains(&s) && self.title.as_ref() != Some(&s) && !kept.contains(&s) {
                kept.push(s);
            }
        }
        self.seen = kept;
    }
}

impl fmt::Display for Sources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut group = |f: &mut fmt::Formatter<'_>, key: &str, list: &[Source]| {
            if list.is_empty() {
                return Ok(());
            }
            if !first {
                f.write_str(";")?;
            }
            first = false;
            write!(f, "{key}:")?;
            for (i, s) in list.iter().enumerate() {
                if i > 0 {
                    f.write_str(",")?;
                }
                f.write_str(&s.tag())?;
            }
            Ok(())
        };
        group(f, "date", &self.date)?;
        group(f, "title", self.title.as_slice())?;
        group(f, "seen", &self.seen)
    }
}

/// Why a string is not a `sources` field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a sources field: {0:?} (expected date:a,b;title:c;seen:d)")]
pub struct SourcesParseError(pub String);

impl std::str::FromStr for Sources {
    type Err = SourcesParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SourcesParseError(s.chars().take(80).collect());
        let mut out = Sources::default();
        let mut last_key = 0;
        if s.is_empty() {
            return Ok(out);
        }
        for group in s.split(';') {
            let (key, list) = group.split_once(':').ok_or_else(err)?;
            let rank = match key {
                "date" => 1,
                "title" => 2,
                "seen" => 3,
                _ => return Err(err()),
            };
            // Each group at most once, in the written order.
            if rank <= last_key {
                return Err(err());
            }
            last_key = rank;
            let mut parsed = Vec::new();
            for tag in list.split(',') {
                parsed.push(tag.parse::<Source>().map_err(|_| err())?);
            }
            match key {
                "date" => out.date = parsed,
                "title" => {
                    if parsed.len() != 1 {
                        return Err(err());
                    }
                    out.title = parsed.pop();
                }
                _ => out.seen = parsed,
            }
        }
        Ok(out)
    }
}
