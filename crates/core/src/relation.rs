//! The relation of a citation: how the citing text treats what it cites.
//!
//! A [`Relation`] keeps the verb as the text wrote it, lower-cased
//! (`recalling`, `takes note`, `see`, `draft`): that is what JSON, the
//! graph file and the exports show. Its [`RelationClass`] is what code
//! compares, derived from the verb by one function
//! ([`RelationClass::of`]). How the verb is read from a paragraph's
//! opening words is here too ([`Relation::from_opening`]), so that the
//! extractor and the synthetic corpora share one table of phrases.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// What a paragraph above the organ line is; the citations in it take
/// the role's verb ([`HeadingRole::verb`]) as their relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HeadingRole {
    /// `[on the report of the First Committee (A/76/439, para. 7)]`:
    /// verb `report`.
    Report,
    /// `[without reference to a Main Committee (A/78/L.1)]`: the draft
    /// the document was adopted from; verb `draft`.
    DraftOf,
    /// `76/19. Developments in the field of ...`, or a draft's title:
    /// verb `title`.
    Title,
    /// Anything else above the organ line: verb `heading`.
    Other,
}

impl HeadingRole {
    /// Every role.
    pub const ALL: [HeadingRole; 4] = [
        HeadingRole::Report,
        HeadingRole::DraftOf,
        HeadingRole::Title,
        HeadingRole::Other,
    ];

    /// The relation verb of citations in a paragraph of this role.
    ///
    /// ```
    /// assert_eq!(resgraph_core::HeadingRole::DraftOf.verb(), "draft");
    /// ```
    pub fn verb(self) -> &'static str {
        match self {
            HeadingRole::Report => "report",
            HeadingRole::DraftOf => "draft",
            HeadingRole::Title => "title",
            HeadingRole::Other => "heading",
        }
    }
}

/// What kind of relation a verb expresses: what the code distinguishes
/// (the drawing of a lineage, the draft-to-resolution links), whatever
/// the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum RelationClass {
    /// Recalling, recalls, referring, bearing in mind.
    Recalling,
    /// Reaffirming, reaffirms, reiterating, endorsing.
    Reaffirming,
    /// Welcoming, welcomes, noting, acknowledging, taking note, takes
    /// note, having taken note.
    Welcoming,
    /// The organ acts on what it cites: decides, decided, requests, calls
    /// upon, urges, demands, authorizes, acting under.
    Acting,
    /// A reference in a footnote: see, cf., ibid.
    Footnote,
    /// A citation in the heading, by the paragraph's role; the role
    /// [`HeadingRole::DraftOf`] names the draft a resolution was adopted
    /// from.
    Heading(HeadingRole),
    /// Any other verb.
    #[default]
    Other,
}

impl RelationClass {
    /// The class of a verb or phrase as written: the one rule.
    ///
    /// Case, surrounding whitespace and punctuation, repeated spaces and
    /// a trailing "also"/"further" are ignored. A heading role's verb
    /// (`draft`, `report`, `title`, `heading`) is a heading class only as
    /// the whole relation.
    ///
    /// ```
    /// use resgraph_core::{HeadingRole, RelationClass};
    ///
    /// assert_eq!(RelationClass::of("Recalling also"), RelationClass::Recalling);
    /// assert_eq!(RelationClass::of("reaffirms"), RelationClass::Reaffirming);
    /// assert_eq!(RelationClass::of("Takes note"), RelationClass::Welcoming);
    /// assert_eq!(RelationClass::of("see"), RelationClass::Footnote);
    /// assert_eq!(RelationClass::of("calls upon"), RelationClass::Acting);
    /// assert_eq!(RelationClass::of("draft"), RelationClass::Heading(HeadingRole::DraftOf));
    /// assert_eq!(RelationClass::of("deciding"), RelationClass::Other);
    /// ```
    pub fn of(verb: &str) -> RelationClass {
        let lowered = verb.to_lowercase();
        let words: Vec<&str> = lowered
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if let [only] = words.as_slice() {
            if let Some(role) = HeadingRole::ALL.into_iter().find(|r| r.verb() == *only) {
                return RelationClass::Heading(role);
            }
        }
        let Some(first) = words.first() else {
            return RelationClass::Other;
        };
        let second = words.get(1).copied().unwrap_or("");
        match *first {
            "recalling" | "recalls" | "recall" | "recalled" | "referring" | "refers" => {
                RelationClass::Recalling
            }
            "bearing" | "bears" if second == "in" => RelationClass::Recalling,
            "reaffirming" | "reaffirms" | "reaffirm" | "reaffirmed" | "reiterating"
            | "reiterates" | "endorsing" | "endorses" => RelationClass::Reaffirming,
            "welcoming" | "welcomes" | "welcome" | "welcomed" | "acknowledging"
            | "acknowledges" | "noting" | "notes" => RelationClass::Welcoming,
            "taking" | "takes" | "take" | "took" | "having" if words.contains(&"note") => {
                RelationClass::Welcoming
            }
            "see" | "footnote" | "footnotes" | "fn" | "cf" | "ibid" => RelationClass::Footnote,
            "decides" | "decided" | "requests" | "urges" | "demands" | "authorizes" => {
                RelationClass::Acting
            }
            "calls" | "calling" if second == "upon" => RelationClass::Acting,
            "acting" if second == "under" => RelationClass::Acting,
            _ => RelationClass::Other,
        }
    }
}

/// How a citing text treats what it cites: the verb as written,
/// lower-cased (`recalling`, `takes note`, `see` in footnotes,
/// `report`/`draft`/`title`/`heading` in the heading, `annex` in
/// annexes), and its [`RelationClass`].
///
/// Serialized as the verb alone, so JSON and graph files show the words
/// of the text; compared, ordered and hashed by the verb.
///
/// ```
/// use resgraph_core::{Relation, RelationClass};
/// let r = Relation::new("welcomes");
/// assert_eq!(r.verb(), "welcomes");
/// assert_eq!(r.class(), RelationClass::Welcoming);
/// assert_eq!(r, "welcomes");
/// assert_eq!(serde_json::to_string(&r).unwrap(), "\"welcomes\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Relation {
    // The class is a function of the verb, so deriving the comparisons
    // over both fields compares by the verb.
    verb: Cow<'static, str>,
    class: RelationClass,
}

/// Adverbs that may stand before the verb (`Also requests`, `Further
/// decides`, `Once again urges`).
const SKIPPED: [&str; 7] = [
    "also", "further", "again", "once", "strongly", "firmly", "and",
];

/// Openings kept as phrases rather than cut to their first word: the
/// one table, which the extractor reads with and synthetic texts are
/// labelled with.
pub const OPENING_PHRASES: [&str; 12] = [
    "taking note",
    "takes note",
    "took note",
    "bearing in mind",
    "calls upon",
    "calling upon",
    "guided by",
    "expressing concern",
    "expresses concern",
    "having considered",
    "having examined",
    "acting under",
];

impl Relation {
    /// The relation with no verb (a citation whose paragraph has no
    /// opening word), of class [`RelationClass::Other`].
    ///
    /// ```
    /// use resgraph_core::Relation;
    /// assert_eq!(Relation::EMPTY, Relation::new(""));
    /// ```
    pub const EMPTY: Relation = Relation {
        verb: Cow::Borrowed(""),
        class: RelationClass::Other,
    };

    /// The relation of a citation in a footnote: `see`.
    pub const SEE: Relation = Relation {
        verb: Cow::Borrowed("see"),
        class: RelationClass::Footnote,
    };

    /// The relation of a citation in an annex: `annex`.
    pub const ANNEX: Relation = Relation {
        verb: Cow::Borrowed("annex"),
        class: RelationClass::Other,
    };

    /// A relation from its verb as written; its class is
    /// [`RelationClass::of`] the verb.
    pub fn new(verb: impl Into<Cow<'static, str>>) -> Relation {
        let verb = verb.into();
        let class = RelationClass::of(&verb);
        Relation { verb, class }
    }

    /// The relation of citations in a heading paragraph of this role.
    ///
    /// ```
    /// use resgraph_core::{HeadingRole, Relation, RelationClass};
    /// let r = Relation::heading(HeadingRole::DraftOf);
    /// assert_eq!((r.verb(), r.class()), ("draft", RelationClass::Heading(HeadingRole::DraftOf)));
    /// ```
    pub fn heading(role: HeadingRole) -> Relation {
        Relation::new(role.verb())
    }

    /// The relation a paragraph's opening words give (the text after any
    /// paragraph number or label): the first word lower-cased, after any
    /// leading adverb (`also`, `further`, `once again`, `strongly`), or
    /// one of [`OPENING_PHRASES`], `having` with its participle, or
    /// `expresses concern` for "Expresses its serious concern".
    ///
    /// ```
    /// use resgraph_core::Relation;
    /// assert_eq!(Relation::from_opening("Recalling also its resolution"), "recalling");
    /// assert_eq!(Relation::from_opening("Once again urges"), "urges");
    /// assert_eq!(Relation::from_opening("Taking note of the report"), "taking note");
    /// assert_eq!(Relation::from_opening("Having heard the statement"), "having heard");
    /// assert_eq!(Relation::from_opening("Expressing its deep concern"), "expressing concern");
    /// ```
    pub fn from_opening(opening: &str) -> Relation {
        Relation::new(opening_verb(opening))
    }

    /// The verb as written, lower-cased (what JSON shows).
    pub fn verb(&self) -> &str {
        &self.verb
    }

    /// The verb (the same as [`Relation::verb`]).
    pub fn as_str(&self) -> &str {
        &self.verb
    }

    /// What kind of relation it is.
    pub fn class(&self) -> RelationClass {
        self.class
    }

    /// Whether it names the draft a document was adopted from (a heading's
    /// `[without reference to a Main Committee (A/78/L.1)]`).
    pub fn is_draft_of(&self) -> bool {
        self.class == RelationClass::Heading(HeadingRole::DraftOf)
    }
}

fn opening_verb(opening: &str) -> String {
    let lower = opening.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && SKIPPED.contains(&words[0]) {
        words.remove(0);
    }
    let joined = words.iter().take(3).copied().collect::<Vec<_>>().join(" ");
    for phrase in OPENING_PHRASES {
        if joined.starts_with(phrase) {
            return phrase.to_string();
        }
    }
    // "Having noted", "Having taken note", "Having heard": the participle
    // says how; "having" alone would say nothing.
    if words.first() == Some(&"having") {
        return match (words.get(1), words.get(2)) {
            (Some(&"taken"), Some(&"note")) => "having taken note".into(),
            (Some(w), _) => format!("having {w}"),
            (None, _) => "having".into(),
        };
    }
    // "Expresses its serious concern", "Expressing its deep concern".
    if let (Some(&verb @ ("expresses" | "expressing")), Some(&"its")) =
        (words.first(), words.get(1))
    {
        if words.iter().skip(2).take(2).any(|w| *w == "concern") {
            return format!("{verb} concern");
        }
    }
    words.first().map(|w| w.to_string()).unwrap_or_default()
}

/// The verb, padded as a string is (`{:<18}` lines up tables).
impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.verb)
    }
}

impl AsRef<str> for Relation {
    fn as_ref(&self) -> &str {
        &self.verb
    }
}

impl From<&str> for Relation {
    fn from(verb: &str) -> Relation {
        Relation::new(verb.to_string())
    }
}

impl From<String> for Relation {
    fn from(verb: String) -> Relation {
        Relation::new(verb)
    }
}

impl From<&Relation> for Relation {
    fn from(relation: &Relation) -> Relation {
        relation.clone()
    }
}

impl PartialEq<str> for Relation {
    fn eq(&self, other: &str) -> bool {
        self.verb == other
    }
}

impl PartialEq<String> for Relation {
    fn eq(&self, other: &String) -> bool {
        self.verb == other.as_str()
    }
}

impl PartialEq<&str> for Relation {
    fn eq(&self, other: &&str) -> bool {
        self.verb == *other
    }
}

impl Serialize for Relation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.verb)
    }
}

impl<'de> Deserialize<'de> for Relation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Relation::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_words_map_to_classes() {
        // Moved from the render crate, which mapped words itself before.
        use RelationClass::*;
        for (word, class) in [
            ("recalling", Recalling),
            ("Recalling also", Recalling),
            ("  RECALLING   FURTHER ", Recalling),
            ("recalls", Recalling),
            ("bearing in mind", Recalling),
            ("reaffirming", Reaffirming),
            ("Reaffirms", Reaffirming),
            ("reaffirming also", Reaffirming),
            ("welcoming", Welcoming),
            ("welcomes", Welcoming),
            ("taking note", Welcoming),
            ("Takes note", Welcoming),
            ("taking note with appreciation", Welcoming),
            ("having taken note", Welcoming),
            ("noting", Welcoming),
            ("see", Footnote),
            ("See also", Footnote),
            ("footnote", Footnote),
            ("cf.", Footnote),
            ("ibid", Footnote),
            ("decides", Acting),
            ("calls upon", Acting),
            ("acting under", Acting),
            ("deciding", Other),
            ("taking", Other),
            ("annex", Other),
            ("", Other),
        ] {
            assert_eq!(RelationClass::of(word), class, "{word:?}");
        }
    }

    #[test]
    fn constants_have_the_class_of_their_verb() {
        // Written out because a constant cannot call `RelationClass::of`;
        // this keeps them from saying anything the rule does not.
        for relation in [Relation::EMPTY, Relation::SEE, Relation::ANNEX] {
            assert_eq!(relation, Relation::new(relation.verb().to_string()));
        }
    }

    #[test]
    fn heading_verbs_have_heading_classes() {
        for role in HeadingRole::ALL {
            assert_eq!(
                Relation::heading(role).class(),
                RelationClass::Heading(role)
            );
        }
        // Only as the whole relation: "report of" is no heading role.
        assert_eq!(RelationClass::of("report of"), RelationClass::Other);
        assert!(!Relation::new("drafts").is_draft_of());
    }

    #[test]
    fn openings() {
        for (text, relation) in [
            ("Recalling its resolutions 43/78 H", "recalling"),
            ("Welcomes* the proposal", "welcomes"),
            ("Also requests the Secretary-General", "requests"),
            ("Taking note of the report", "taking note"),
            ("Efforts taken", "efforts"),
            ("Calls upon Member States", "calls upon"),
            ("Having taken note with appreciation", "having taken note"),
            ("Acting under Chapter VII", "acting under"),
            ("Deeply concerned", "deeply"),
            ("", ""),
        ] {
            assert_eq!(Relation::from_opening(text), text_verb(relation), "{text}");
        }
    }

    fn text_verb(verb: &str) -> Relation {
        Relation::from(verb)
    }

    #[test]
    fn displayed_as_a_padded_string() {
        assert_eq!(format!("[{:<8}]", Relation::from("see")), "[see     ]");
    }

    #[test]
    fn round_trips_through_json() {
        for verb in ["recalling", "see", "draft", "", "Odd Case"] {
            let r = Relation::from(verb);
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(serde_json::from_str::<Relation>(&json).unwrap(), r);
        }
    }
}
