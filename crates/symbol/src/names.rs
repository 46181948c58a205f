//! Kinds and organs by name: what a user types after `--kind` and
//! `--organ`, parsed once into the enums ([`Kind`], [`Organ`]), with an
//! error that lists the names there are.

use std::str::FromStr;

use crate::{Kind, Organ};

/// A name that is no [`Kind`]'s, with the names there are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind {input:?}: expected one of {}", kind_names())]
pub struct UnknownKind {
    /// What was typed.
    pub input: String,
}

fn kind_names() -> String {
    Kind::ALL.map(Kind::as_str).join(", ")
}

impl FromStr for Kind {
    type Err = UnknownKind;

    /// A kind by its tag ([`Kind::as_str`]), in any case.
    ///
    /// ```
    /// use resgraph_symbol::Kind;
    /// assert_eq!("HRC-Resolution".parse::<Kind>(), Ok(Kind::HrcResolution));
    /// let err = "resolutions".parse::<Kind>().unwrap_err().to_string();
    /// assert!(err.contains("ga-resolution, ga-decision, sc-resolution"), "{err}");
    /// ```
    fn from_str(name: &str) -> Result<Kind, UnknownKind> {
        let name = name.trim();
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownKind {
                input: name.to_string(),
            })
    }
}

impl Organ {
    /// Every organ, in a fixed order.
    pub const ALL: [Organ; 6] = [
        Organ::GeneralAssembly,
        Organ::SecurityCouncil,
        Organ::EconomicAndSocialCouncil,
        Organ::HumanRightsCouncil,
        Organ::Secretariat,
        Organ::Other,
    ];

    /// The short name typed on a command line and shown in labels: `GA`,
    /// `SC`, `ECOSOC`, `HRC`, `ST` (the Secretariat's series), `other`.
    ///
    /// ```
    /// assert_eq!(resgraph_symbol::Organ::HumanRightsCouncil.abbreviation(), "HRC");
    /// ```
    pub fn abbreviation(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "GA",
            Organ::SecurityCouncil => "SC",
            Organ::EconomicAndSocialCouncil => "ECOSOC",
            Organ::HumanRightsCouncil => "HRC",
            Organ::Secretariat => "ST",
            Organ::Other => "other",
        }
    }
}

/// A name that is no [`Organ`]'s, with the names there are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown organ {input:?}: expected one of {}", organ_names())]
pub struct UnknownOrgan {
    /// What was typed.
    pub input: String,
}

fn organ_names() -> String {
    Organ::ALL
        .map(|o| format!("{} ({})", o.abbreviation(), o.name()))
        .join(", ")
}

impl FromStr for Organ {
    type Err = UnknownOrgan;

    /// An organ by its abbreviation ([`Organ::abbreviation`]) or its name
    /// ([`Organ::name`]), in any case; `Secretariat` is also `ST`.
    ///
    /// ```
    /// use resgraph_symbol::Organ;
    /// assert_eq!("hrc".parse::<Organ>(), Ok(Organ::HumanRightsCouncil));
    /// assert_eq!("Security Council".parse::<Organ>(), Ok(Organ::SecurityCouncil));
    /// let err = "UNGA".parse::<Organ>().unwrap_err().to_string();
    /// assert!(err.contains("GA (General Assembly), SC (Security Council)"), "{err}");
    /// ```
    fn from_str(name: &str) -> Result<Organ, UnknownOrgan> {
        let name = name.trim();
        Organ::ALL
            .into_iter()
            .find(|o| {
                o.abbreviation().eq_ignore_ascii_case(name) || o.name().eq_ignore_ascii_case(name)
            })
            .ok_or_else(|| UnknownOrgan {
                input: name.to_string(),
            })
    }
}

/// Kinds and organs serialize as their tag and abbreviation.
macro_rules! serde_by_name {
    ($t:ty, $name:expr) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($name(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

serde_by_name!(Kind, Kind::as_str);
serde_by_name!(Organ, Organ::abbreviation);
