//! Scoring extraction against the golden set: shared by the golden test
//! (`tests/golden.rs`) and the accuracy report (`examples/accuracy.rs`).
//!
//! A golden case is a real text beside the citations a person found in it
//! by reading (`tests/golden/README.md`). A citation found counts as right
//! when the expected list has the same target (matched as multisets per
//! text, so a symbol cited three times must come out three times); a row
//! agrees in full when target, cited date, section, paragraph and relation
//! all match.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One expected or found row: target, date, section, paragraph, relation.
pub type Row = [String; 5];

/// An expected row not right in all five columns, beside the found row
/// of the same target that came out instead, if any.
pub type PartialRow = (Row, Option<Row>);

/// A golden case: its expectation file and the text beside it.
pub struct Case {
    /// `tests/golden/<stratum>/<name>.expected`.
    pub expected: PathBuf,
    /// The text beside it (`.txt` or `.md`).
    pub text: PathBuf,
    /// The folder: one source and layout of the data (`sc-1946-1994`,
    /// `ga-75-77` for the XML renderings).
    pub stratum: String,
    /// The organ and era, from the expectation's `# symbol:` and `#
    /// date:` lines (`Security Council 1946-1994`).
    pub organ_era: String,
}

/// `Security Council 1995-2015`, `General Assembly resolutions 78-80`,
/// ... from a symbol and an ISO date.
pub fn organ_era(symbol: &str, date: &str) -> String {
    let year: u32 = date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    if symbol.starts_with("S/RES/") {
        let era = match year {
            0..=1994 => "1946-1994",
            1995..=2015 => "1995-2015",
            _ => "2016-2026",
        };
        return format!("Security Council {era}");
    }
    if symbol.starts_with("A/HRC/") {
        return "Human Rights Council 54-60".into();
    }
    if symbol.starts_with("E/") {
        return "Economic and Social Council 2021-2025".into();
    }
    if symbol.starts_with("A/DEC/") {
        return "General Assembly decisions 71-80".into();
    }
    if let Some(rest) = symbol.strip_prefix("A/RES/") {
        let session: u32 = rest
            .split('/')
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        return if session <= 77 {
            "General Assembly resolutions 73-77".into()
        } else {
            "General Assembly resolutions 78-80".into()
        };
    }
    "General Assembly drafts 77-80".into()
}

/// Every case under `root`, sorted: one folder per stratum, and any
/// expectation standing in `root` itself (stratum: the root's name).
pub fn cases(root: &Path) -> Vec<Case> {
    let root_name = root
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            let stratum = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            for file in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                files.push((file.path(), stratum.clone()));
            }
        } else {
            files.push((path, root_name.clone()));
        }
    }
    let mut out: Vec<Case> = files
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "expected"))
        .map(|(path, stratum)| Case {
            text: text_beside(&path),
            organ_era: organ_era(
                &header(&path, "# symbol:").unwrap_or_default(),
                &header(&path, "# date:").unwrap_or_default(),
            ),
            expected: path,
            stratum,
        })
        .collect();
    out.sort_by(|a, b| a.expected.cmp(&b.expected));
    out
}

/// The text beside an expectation file (`.txt` or `.md`).
pub fn text_beside(expected: &Path) -> PathBuf {
    ["txt", "md"]
        .iter()
        .map(|e| expected.with_extension(e))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no text beside {}", expected.display()))
}

/// A header line's value (`# symbol: A/RES/76/19` for `# symbol:`).
pub fn header(expected: &Path, key: &str) -> Option<String> {
    std::fs::read_to_string(expected)
        .unwrap_or_else(|e| panic!("{}: {e}", expected.display()))
        .lines()
        .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
}

/// The expected rows of a case (comment lines skipped); a row without
/// its five TAB-separated columns is an error in the expectation.
pub fn expected_rows(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(n, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                f.len(),
                5,
                "{}:{}: five tab-separated columns expected",
                path.display(),
                n + 1
            );
            [
                f[0].to_string(),
                f[1].to_string(),
                f[2].to_string(),
                f[3].to_string(),
                f[4].to_string(),
            ]
        })
        .collect()
}

/// A citation as a row of the expectation format.
pub fn row(c: &resgraph::extract::Citation) -> Row {
    [
        c.target.to_string(),
        c.cited_date.map_or("-".into(), |d| d.to_string()),
        c.section.to_string(),
        c.paragraph.map_or("-".into(), |p| p.to_string()),
        c.relation.to_string(),
    ]
}

/// The rows extraction finds in a case's text.
pub fn found_rows(text: &Path) -> Vec<Row> {
    let bytes = std::fs::read(text).unwrap_or_default();
    let name = text.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let doc = resgraph::extract::extract_bytes(&bytes, &resgraph::extract::Hint::from_path(name));
    doc.citations.iter().map(row).collect()
}

/// Counts for precision and recall.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    /// Texts scored.
    pub texts: usize,
    /// Rows expected.
    pub expected: usize,
    /// Rows found.
    pub found: usize,
    /// Found rows whose target matches an expected one.
    pub right: usize,
    /// Found rows that agree with an expected one in all five columns.
    pub full: usize,
}

impl Score {
    /// Right targets among those found.
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }
    /// Expected targets found.
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.expected)
    }
    /// Expected rows found with all five columns right.
    pub fn full_recall(&self) -> f64 {
        ratio(self.full, self.expected)
    }
    fn add(&mut self, other: Score) {
        self.texts += other.texts;
        self.expected += other.expected;
        self.found += other.found;
        self.right += other.right;
        self.full += other.full;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores one case; also returns the targets missed and the extra ones.
pub fn score(expected: &[Row], found: &[Row]) -> (Score, Vec<String>, Vec<String>) {
    let count = |rows: &[Row], key: fn(&Row) -> String| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for r in rows {
            *m.entry(key(r)).or_default() += 1;
        }
        m
    };
    let target = |r: &Row| r[0].clone();
    let whole = |r: &Row| r.join("\t");
    let overlap = |a: &HashMap<String, usize>, b: &HashMap<String, usize>| -> usize {
        a.iter()
            .map(|(k, n)| (*n).min(*b.get(k).unwrap_or(&0)))
            .sum()
    };
    let (et, ft) = (count(expected, target), count(found, target));
    let (ew, fw) = (count(expected, whole), count(found, whole));
    let mut missed = Vec::new();
    let mut extra = Vec::new();
    for (k, n) in &et {
        for _ in *ft.get(k).unwrap_or(&0)..*n {
            missed.push(k.clone());
        }
    }
    for (k, n) in &ft {
        for _ in *et.get(k).unwrap_or(&0)..*n {
            extra.push(k.clone());
        }
    }
    missed.sort();
    extra.sort();
    (
        Score {
            texts: 1,
            expected: expected.len(),
            found: found.len(),
            right: overlap(&et, &ft),
            full: overlap(&ew, &fw),
        },
        missed,
        extra,
    )
}

/// The whole golden set scored, per stratum and in all.
pub struct Report {
    /// Per folder (source and layout).
    pub strata: BTreeMap<String, Score>,
    /// Per organ and era.
    pub organ_eras: BTreeMap<String, Score>,
    /// All strata together.
    pub total: Score,
    /// `(text, missed targets, extra targets)` for each text that differs.
    pub differences: Vec<(PathBuf, Vec<String>, Vec<String>)>,
    /// For each text, the expected rows not found right in all five
    /// columns, each beside a found row of the same target that is not
    /// right either (what came out instead), if there is one.
    pub partial: Vec<(PathBuf, Vec<PartialRow>)>,
}

/// The expected rows not matched in all five columns, in text order, each
/// paired with an unmatched found row of the same target when one is left
/// (taken in order, so a row's nearest counterpart is shown).
pub fn partial_rows(expected: &[Row], found: &[Row]) -> Vec<PartialRow> {
    let mut found_left: Vec<Option<&Row>> = found.iter().map(Some).collect();
    let mut unmatched = Vec::new();
    for e in expected {
        match found_left.iter_mut().find(|f| f.is_some_and(|f| f == e)) {
            Some(slot) => *slot = None,
            None => unmatched.push(e),
        }
    }
    unmatched
        .into_iter()
        .map(|e| {
            let counterpart = found_left
                .iter_mut()
                .find(|f| f.is_some_and(|f| f[0] == e[0]))
                .and_then(Option::take)
                .cloned();
            (e.clone(), counterpart)
        })
        .collect()
}

/// Scores every case under `root`.
pub fn report(root: &Path) -> Report {
    let mut strata: BTreeMap<String, Score> = BTreeMap::new();
    let mut organ_eras: BTreeMap<String, Score> = BTreeMap::new();
    let mut total = Score::default();
    let mut differences = Vec::new();
    let mut partial = Vec::new();
    for case in cases(root) {
        let (expected, found) = (expected_rows(&case.expected), found_rows(&case.text));
        let (s, missed, extra) = score(&expected, &found);
        let wrong = partial_rows(&expected, &found);
        if !wrong.is_empty() {
            partial.push((case.text.clone(), wrong));
        }
        strata.entry(case.stratum.clone()).or_default().add(s);
        organ_eras.entry(case.organ_era.clone()).or_default().add(s);
        total.add(s);
        if !missed.is_empty() || !extra.is_empty() {
            differences.push((case.text.clone(), missed, extra));
        }
    }
    Report {
        strata,
        organ_eras,
        total,
        differences,
        partial,
    }
}
