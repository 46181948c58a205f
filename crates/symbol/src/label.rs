//! How a symbol is named where space is short (pictures, tables, the
//! `label` of JSON rows and exports): the one rule.

use crate::Symbol;

impl Symbol {
    /// The short name shown for the document: the organ stays visible
    /// for everything that is not a General Assembly resolution, so that
    /// a Council's resolution or a decision never looks like an Assembly
    /// resolution.
    ///
    /// | what | label |
    /// |---|---|
    /// | GA resolution | `76/19`, `43/78 H`, `2625 (XXV)`, `ES-10/19` (the running-text form) |
    /// | GA decision | `dec. 77/512` |
    /// | Security Council resolution | `SC 2399 (2018)` |
    /// | ECOSOC resolution / decision | `ECOSOC 1996/31`, `ECOSOC 2008 (LX)`, `ECOSOC dec. 2004/310` |
    /// | Human Rights Council resolution / decision | `HRC 20/8`, `HRC S-28/1`, `HRC dec. 2/102` |
    /// | Commission on Human Rights resolution | `CHR 2005/45` |
    /// | any masthead document (reports, drafts, letters) | the symbol: `A/80/534`, `A/C.1/77/L.73` |
    ///
    /// The Council's and the Commission's forms are how citing texts name
    /// them ("Security Council resolution 2399 (2018)", "Human Rights
    /// Council resolution 20/8", the project's CITATION-FORMS.md) with the
    /// body's usual abbreviation; "dec." is the abbreviation the Official
    /// Records use for decisions.
    ///
    /// ```
    /// use resgraph_symbol::Symbol;
    /// let label = |s: &str| s.parse::<Symbol>().unwrap().label();
    /// assert_eq!(label("A/RES/76/19"), "76/19");
    /// assert_eq!(label("A/RES/2625 (XXV)"), "2625 (XXV)");
    /// assert_eq!(label("A/DEC/77/512"), "dec. 77/512");
    /// assert_eq!(label("S/RES/2399 (2018)"), "SC 2399 (2018)");
    /// assert_eq!(label("A/HRC/RES/20/8"), "HRC 20/8");
    /// assert_eq!(label("A/HRC/DEC/2/102"), "HRC dec. 2/102");
    /// assert_eq!(label("E/RES/1996/31"), "ECOSOC 1996/31");
    /// assert_eq!(label("E/DEC/2004/310"), "ECOSOC dec. 2004/310");
    /// assert_eq!(label("E/CN.4/RES/2005/45"), "CHR 2005/45");
    /// assert_eq!(label("A/C.1/77/L.73"), "A/C.1/77/L.73");
    /// ```
    pub fn label(&self) -> String {
        let short = self.short();
        match self {
            Symbol::GaResolution { .. } | Symbol::Document(_) => short,
            Symbol::GaDecision { .. } => format!("dec. {short}"),
            Symbol::ScResolution { .. } => format!("SC {short}"),
            Symbol::EcosocResolution { .. } | Symbol::EcosocRomanResolution { .. } => {
                format!("ECOSOC {short}")
            }
            Symbol::EcosocDecision { .. } => format!("ECOSOC dec. {short}"),
            Symbol::HrcResolution { .. } => format!("HRC {short}"),
            Symbol::HrcDecision { .. } => format!("HRC dec. {short}"),
            Symbol::ChrResolution { .. } => format!("CHR {short}"),
        }
    }
}

/// The labels' prefixes and the canonical prefix each stands for, longest
/// first so that `HRC dec.` is tried before `HRC`.
const LABEL_PREFIXES: [(&str, &str); 7] = [
    ("ECOSOC dec. ", "E/DEC/"),
    ("HRC dec. ", "A/HRC/DEC/"),
    ("ECOSOC ", "E/RES/"),
    ("HRC ", "A/HRC/RES/"),
    ("CHR ", "E/CN.4/RES/"),
    ("dec. ", "A/DEC/"),
    ("SC ", "S/RES/"),
];

impl Symbol {
    /// Reads back a label that names its organ ([`Symbol::label`]:
    /// `dec. 77/512`, `HRC 20/8`, `SC 2399 (2018)` ...), in any case, so
    /// that what a table shows can be typed again. `None` for anything
    /// else: GA resolutions and masthead documents, whose labels are
    /// their running-text form or symbol, parse as such
    /// ([`Symbol::parse_loose`], [`str::parse`]).
    ///
    /// ```
    /// use resgraph_symbol::Symbol;
    /// let hrc = Symbol::parse_label("hrc 20/8").unwrap();
    /// assert_eq!(hrc.to_string(), "A/HRC/RES/20/8");
    /// assert_eq!(Symbol::parse_label(&hrc.label()), Some(hrc));
    /// assert!(Symbol::parse_label("76/19").is_none());
    /// ```
    pub fn parse_label(label: &str) -> Option<Symbol> {
        let label = label.trim();
        LABEL_PREFIXES.iter().find_map(|(prefix, canonical)| {
            let head = label.get(..prefix.len())?;
            if !head.eq_ignore_ascii_case(prefix) {
                return None;
            }
            let rest = label.get(prefix.len()..)?.trim_start();
            let symbol: Symbol = format!("{canonical}{rest}").parse().ok()?;
            // Only a symbol whose own label starts so: `SC A/65/201`
            // would be the masthead document, not a Council resolution.
            symbol
                .label()
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
                .then_some(symbol)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::Symbol;

    #[test]
    fn every_label_naming_its_organ_reads_back_to_its_symbol() {
        for canonical in [
            "A/DEC/77/512",
            "A/DEC/31/406 A",
            "A/DEC/ES-7/11",
            "S/RES/2399 (2018)",
            "E/RES/1996/31",
            "E/RES/2008 (LX)",
            "E/DEC/2025/218 A",
            "A/HRC/RES/20/8",
            "A/HRC/RES/S-28/1",
            "A/HRC/DEC/2/102",
            "E/CN.4/RES/2005/45",
        ] {
            let symbol: Symbol = canonical.parse().unwrap();
            let label = symbol.label();
            assert_ne!(label, symbol.short(), "{canonical}: the organ shows");
            assert_eq!(Symbol::parse_label(&label), Some(symbol.clone()), "{label}");
            assert_eq!(
                Symbol::parse_label(&label.to_uppercase()),
                Some(symbol),
                "{label}"
            );
        }
        for plain in ["A/RES/76/19", "A/RES/2625 (XXV)", "A/C.1/77/L.73"] {
            let symbol: Symbol = plain.parse().unwrap();
            assert_eq!(Symbol::parse_label(&symbol.label()), None, "{plain}");
        }
        assert_eq!(Symbol::parse_label("SC A/65/201"), None);
    }
}
