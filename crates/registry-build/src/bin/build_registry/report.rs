//! The build summary and the text of `PROVENANCE.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use resgraph_registry_build::build::{self, Build, Inputs};
use resgraph_registry_build::convert::CsvTable;
use resgraph_symbol::Kind;

/// Counts drawn from a build, for the console and for PROVENANCE.md.
pub struct Summary {
    total: usize,
    /// kind -> (entries, with date, with title)
    kinds: BTreeMap<&'static str, (usize, usize, usize)>,
    date_sources: BTreeMap<String, usize>,
    title_sources: BTreeMap<String, usize>,
    conflicts: usize,
    conflict_pairs: BTreeMap<(String, String), usize>,
    conflict_examples: Vec<String>,
    links: usize,
    sessions: usize,
    sizes: Vec<(&'static str, usize, usize)>,
    skipped: BTreeMap<(&'static str, String), usize>,
    rows: BTreeMap<&'static str, (usize, usize)>,
    unvotes_symbols_used: Vec<u16>,
    unvotes_symbols_rejected: Vec<u16>,
    unvotes_dates_used: Vec<u16>,
    unvotes_dates_rejected: (Vec<u16>, usize, usize, usize),
    unvotes_dates_used_check: (usize, usize),
    voeten: (usize, usize),
    igov_empty_dates: usize,
    ict_commits: Vec<String>,
    listings: Vec<build::SessionListing>,
    complete_sessions: usize,
}

impl Summary {
    pub fn new(built: &Build, inputs: &Inputs) -> Summary {
        let registry = &built.registry;
        let report = &built.report;
        let mut kinds: BTreeMap<&'static str, (usize, usize, usize)> = BTreeMap::new();
        let mut date_sources = BTreeMap::new();
        let mut title_sources = BTreeMap::new();
        for entry in registry {
            let kind = match entry.symbol.kind() {
                Kind::GaResolution => "GA resolutions",
                Kind::GaDecision => "GA decisions",
                Kind::ScResolution => "SC resolutions",
                Kind::HrcResolution => "HRC resolutions",
                Kind::EcosocResolution => "ECOSOC resolutions",
                _ => "other",
            };
            let k = kinds.entry(kind).or_default();
            k.0 += 1;
            k.1 += usize::from(entry.adopted.is_some());
            k.2 += usize::from(entry.title.is_some());
            if let Some(s) = entry.sources.date.first() {
                *date_sources.entry(s.to_string()).or_default() += 1;
            }
            if let Some(s) = &entry.sources.title {
                *title_sources.entry(s.to_string()).or_default() += 1;
            }
        }
        let mut conflict_pairs = BTreeMap::new();
        for c in registry.conflicts() {
            *conflict_pairs
                .entry((c.kept_source.to_string(), c.other_source.to_string()))
                .or_default() += 1;
        }
        // Examples: one per pair of sources, cross-source pairs first.
        let mut conflict_examples = Vec::new();
        let mut pairs_shown = BTreeSet::new();
        let mut ordered: Vec<_> = registry.conflicts().iter().collect();
        ordered.sort_by_key(|c| (c.kept_source == c.other_source, c.symbol.clone()));
        for c in ordered {
            let pair = (c.kept_source.to_string(), c.other_source.to_string());
            if pairs_shown.insert(pair) {
                conflict_examples.push(format!(
                    "{}: {} ({}) kept over {} ({})",
                    c.symbol, c.kept, c.kept_source, c.other, c.other_source
                ));
            }
        }
        let sizes = vec![
            ("registry.tsv", registry.len(), registry.to_tsv().len()),
            (
                "conflicts.tsv",
                registry.conflicts().len(),
                registry.conflicts_to_tsv().len(),
            ),
            (
                "adopted_from.tsv",
                registry.adopted_from_to_tsv().lines().count() - 1,
                registry.adopted_from_to_tsv().len(),
            ),
            (
                "session_counts.tsv",
                registry.session_counts_to_tsv().lines().count() - 1,
                registry.session_counts_to_tsv().len(),
            ),
            (
                "complete_sessions.tsv",
                registry.complete_sessions_to_tsv().lines().count() - 1,
                registry.complete_sessions_to_tsv().len(),
            ),
        ];
        let mut skipped = BTreeMap::new();
        for s in &report.skipped {
            *skipped.entry((s.file, s.reason.clone())).or_default() += 1;
        }
        let rows = build::ALL_FILES
            .iter()
            .map(|f| {
                (
                    *f,
                    (
                        report.rows.get(f).copied().unwrap_or(0),
                        report.used.get(f).copied().unwrap_or(0),
                    ),
                )
            })
            .collect();
        let mut summary = Summary {
            total: registry.len(),
            kinds,
            date_sources,
            title_sources,
            conflicts: registry.conflicts().len(),
            conflict_pairs,
            conflict_examples,
            links: registry.adopted_from_to_tsv().lines().count() - 1,
            sessions: registry.session_maxima().count(),
            sizes,
            skipped,
            rows,
            unvotes_symbols_used: Vec::new(),
            unvotes_symbols_rejected: Vec::new(),
            unvotes_dates_used: Vec::new(),
            unvotes_dates_rejected: (Vec::new(), 0, 0, 0),
            unvotes_dates_used_check: (0, 0),
            voeten: (report.voeten_compared, report.voeten_mismatches.len()),
            igov_empty_dates: report.igov_empty_dates,
            ict_commits: Vec::new(),
            listings: report.listings.clone(),
            complete_sessions: registry.complete_sessions_to_tsv().lines().count() - 1,
        };
        for s in &report.unvotes_sessions {
            if s.symbols_used {
                summary.unvotes_symbols_used.push(s.session);
            } else {
                summary.unvotes_symbols_rejected.push(s.session);
            }
            if s.dates_used {
                summary.unvotes_dates_used.push(s.session);
                summary.unvotes_dates_used_check.0 += s.dates_agreeing;
                summary.unvotes_dates_used_check.1 += s.dates_checked;
            } else if s.symbols_used {
                summary.unvotes_dates_rejected.0.push(s.session);
                summary.unvotes_dates_rejected.1 += s.dates_agreeing;
                summary.unvotes_dates_rejected.2 += s.dates_checked;
                summary.unvotes_dates_rejected.3 += s.months_agreeing;
            }
        }
        if let Some(text) = &inputs.metadata_ict {
            let table = CsvTable::parse(text);
            let commits: BTreeSet<String> = table
                .rows
                .iter()
                .map(|r| table.get(r, "source_commit").to_string())
                .filter(|c| !c.is_empty())
                .collect();
            summary.ict_commits = commits.into_iter().collect();
        }
        summary
    }

    /// The console summary.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.counts_markdown());
        let _ = writeln!(out, "{}", self.findings_markdown());
        out
    }

    fn counts_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "| file | rows | bytes |\n|---|---|---|");
        for (name, rows, bytes) in &self.sizes {
            let _ = writeln!(out, "| `{name}` | {rows} | {bytes} |");
        }
        let _ = writeln!(
            out,
            "\n{} entries in `registry.tsv`:\n\n| kind | entries | with adoption date | with title |\n|---|---|---|---|",
            self.total
        );
        for (kind, (n, d, t)) in &self.kinds {
            let _ = writeln!(out, "| {kind} | {n} | {d} | {t} |");
        }
        let list = |m: &BTreeMap<String, usize>| {
            m.iter()
                .map(|(k, v)| format!("`{k}` {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "\nDates taken from: {}.\n\nTitles taken from: {}.\n\n{} draft-to-resolution links; {} GA sessions in `session_counts.tsv`.",
            list(&self.date_sources),
            list(&self.title_sources),
            self.links,
            self.sessions
        );
        let _ = writeln!(
            out,
            "\n{} date conflicts (kept source / other source: count):\n",
            self.conflicts
        );
        for ((kept, other), n) in &self.conflict_pairs {
            let _ = writeln!(out, "- `{kept}` over `{other}`: {n}");
        }
        let _ = writeln!(out, "\nExamples:\n");
        for e in &self.conflict_examples {
            let _ = writeln!(out, "- {e}");
        }
        let _ = writeln!(
            out,
            "\nGA sessions covered by a collection of texts ({} listed whole, in `complete_sessions.tsv`):\n\n\
             | file | session | highest | numbers held | highest adopted | whole? |\n|---|---|---|---|---|---|",
            self.complete_sessions
        );
        for l in &self.listings {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} |",
                l.file,
                l.session,
                l.highest,
                l.numbers_held,
                l.highest_adopted,
                l.not_whole
                    .map_or("yes".to_string(), |why| format!("no: {why}"))
            );
        }
        out
    }

    fn findings_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Rows read and used, per source file:\n\n| file | rows read | rows used |\n|---|---|---|"
        );
        for (file, (read, used)) in &self.rows {
            let _ = writeln!(out, "| `{file}` | {read} | {used} |");
        }
        let _ = writeln!(out, "\nRows left out, per file and reason:\n");
        for ((file, reason), n) in &self.skipped {
            let _ = writeln!(out, "- `{file}`: {n} x {reason}");
        }
        let _ = writeln!(
            out,
            "\nunvotes checks against the UN Digital Library, per session:\n\n\
             - resolution numbers used for sessions {}; not used for sessions {} (fewer than half of their `unres` numbers are resolution numbers of that session);\n\
             - vote dates used for sessions {} ({} of {} checked dates agree with the UN Digital Library);\n\
             - vote dates not used for sessions {}: only {} of {} checked dates agree, while {} agree in year and month (the day of the month is wrong; it mostly lies between 1 and 7); there, roll calls only mark resolutions known from other sources as `seen:unvotes`.",
            ranges(&self.unvotes_symbols_used),
            ranges(&self.unvotes_symbols_rejected),
            ranges(&self.unvotes_dates_used),
            self.unvotes_dates_used_check.0,
            self.unvotes_dates_used_check.1,
            ranges(&self.unvotes_dates_rejected.0),
            self.unvotes_dates_rejected.1,
            self.unvotes_dates_rejected.2,
            self.unvotes_dates_rejected.3,
        );
        let _ = writeln!(
            out,
            "\n`voeten_descriptions_1_70.csv` cross-check: {} roll calls compared with `un_roll_calls.csv`, {} differ in date or `unres`.\n\n\
             iGov meeting dates ignored as the export's empty date 1969-12-31: {}.",
            self.voeten.0, self.voeten.1, self.igov_empty_dates
        );
        out
    }

    /// The text of PROVENANCE.md.
    pub fn provenance(&self) -> String {
        let ict = if self.ict_commits.is_empty() {
            "(commits per file in the source's `metadata.csv`)".to_string()
        } else {
            self.ict_commits
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            r#"# Provenance of `data/registry/`

Generated; do not edit by hand. Rebuild with

```text
cargo run -p resgraph-registry-build --bin build_registry -- <data folder> data/registry/registry.tsv
```

where `<data folder>` is the project's shared data folder: verbatim copies
(and CSV conversions) of the public repositories named below. The build
reads only the metadata files listed here; nothing else from those
repositories is in this folder. The crate `resgraph-registry` compiles in
`registry.tsv`, `adopted_from.tsv`, `conflicts.tsv` and
`complete_sessions.tsv`.

## Files

- `registry.tsv`: one line per resolution or decision symbol:
  `symbol <TAB> adopted (YYYY-MM-DD or empty) <TAB> title <TAB> sources`.
  `sources` says where each fact came from: `date:a,b` (the first is the
  source the date was taken from, the others agree with it), `title:c`,
  `seen:d,e` (sources that list the symbol but whose date or title was not
  used). In titles, `\`, tab and line breaks are written `\\`, `\t`, `\n`.
- `conflicts.tsv`: every case where two sources (or two rows of one source)
  give different adoption dates for a symbol: `symbol, kept, kept_source,
  other, other_source`.
- `adopted_from.tsv`: `draft <TAB> resolution` links from UN Digital Library
  MARC field 993 (`ind1` = 1).
- `session_counts.tsv`: for each GA session, the highest resolution number
  in the registry (a lower bound on how many resolutions the session
  adopted; for sessions 1-30 and the early special sessions resolutions
  were numbered across sessions, so it is a running number there), the
  source of that resolution's entry, its symbol, and how many distinct
  resolution numbers of the session the registry knows.
- `complete_sessions.tsv`: the GA sessions one source lists whole (rule
  below): `session, source, highest, numbers_held, highest_adopted`. Only
  for these does `resgraph check` say that a number beyond the highest
  cannot exist; elsewhere the highest known number is a lower bound.

## Sources

| source tag | file in the data folder | repository, commit | licence / terms | taken |
|---|---|---|---|---|
| `text-heading`, `metadata-78-80` | `ga-78-80-texts/metadata.csv` | wannli/mandate-pipeline, `de174d38b7495bbb0112d3117e9126abff29ec43` (2026-01-28), `data/extracted/<symbol>.json` | no licence file; the texts are official UN documents (UN terms of use) | symbol; `adopted_on` (the date printed in the resolution heading "Resolution adopted by the General Assembly on ..."); `title` less its `78/16. ` prefix. Drafts are not used. |
| `text-heading`, `metadata-ict-73-77` | `ga-ict-lineage-73-77/metadata.csv` | wannli/un-docs-downloader, commits {ict}, `data/extracted/<symbol>.json` | no licence file; official UN documents | symbol, `adopted_on`, `title` as above |
| `undl` | `undl-voting-registry/undl_voting_resolutions.csv` | lefthand67/un_votes ("UN VOTES DATABASE", Vadim Rudakov), `38cae077ff037f899e5c82805a13dcbd6b3656e2` (2025-11-08): rows parsed by the data folder's maintainers from the build log `logs_builder/db_pipeline.zip` (`db_pipeline.log`, 2024-03-12) and the 21 historical versions of `logs_update/db_pipeline.log` | GPLv3, as the log's readme rows state | **only** the symbol, the vote date and the title of each row; the title is the UN Digital Library catalogue title with its `: resolution / adopted by the General Assembly` tail removed. Not taken: meeting record, committee reports, agenda, UNDL record id, and nothing of the logs' own text, code or structure. These are facts about UN documents (the UN Digital Library's catalogue data), restated here in resgraph's own format. |
| `unvotes` | `unvotes/un_roll_calls.csv` | dgrtwo/unvotes, `7eb7034314ff79c49c9e0785fcd9d216fa04cf14` (2021-03-08), from Erik Voeten, "United Nations General Assembly Voting Data" (Harvard Dataverse) | CC0 1.0 (public domain), as the package states | `unres` (converted: `R/25/2749B` -> `A/RES/2749 B (XXV)`, `R/43/87` -> `A/RES/43/87`), `date` and `descr` of roll calls on a resolution as a whole (`amend` and `para` 0 or empty), only where the checks below pass; `descr` only where it is a mixed-case title |
| (cross-check only) | `unvotes/voeten_descriptions_1_70.csv` | as above | CC0 1.0 | nothing; compared with `un_roll_calls.csv` |
| `igov`, `igov-earliest` | `ga-decisions-71-80/decisions.csv` | wannli/mandate-pipeline, `de174d38b7495bbb0112d3117e9126abff29ec43`, `data/igov/decisions/<session>/*.json` (the UN iGov decisions export) | no licence file; official UN records | decision number (written `A/DEC/<session>/<number>`, resgraph's form: decisions have no symbol of their own), title, meeting date (the earliest where several are listed; the export's empty date 1969-12-31 ignored) |
| `marc-993` | `undl-marc/session_78_committee_3_drafts_993.csv` | tlebryk/un-bench-eda, `61184e2ec798dfc8256dffa6fa84e924684bfb8c`, `data/raw/xml/session_78_committee_3_drafts.xml` | no licence file; UN Digital Library metadata | draft symbol (MARC 191) and the 993 `ind1` = 1 related symbol (what the draft was adopted as) |
| `akn-ga` | `ga-xml-75-77/registry.tsv` | UNxml/GAresolutions, `42a69b67bb92d23969fc45bba151320b82eb8e52` (2026-07-10), `75session/English/` to `77session/English/` | the UN's terms for the XML files: unofficial copies for information, no warranty; the United Nations to be acknowledged as the source | symbol (a part range `A-B` counts for each part), `adopted` (the XML's FRBR adoption date where it agrees with the printed adoption line; empty otherwise, then only `seen`), `title` (the printed `docTitle`) |
| `akn-hrc` | `hrc-xml-54-60/registry.tsv` | UNxml/HRCresolutions, `b987fdad4bf1310c1c0713d56cfde45d08d2c8e0` (2026-01-29) | as above | symbol, `adopted`, `title` |
| `akn-ecosoc` | `ecosoc-xml-2021-2025/registry.tsv` | UNxml/ECOSOCresolutions, `8d4927c24cea58171e66815990d0bd8598bb754f` (2025-11-27) | as above | symbol (its year is the Council's session year: E/RES/2021/1 was adopted on 21 July 2020), `adopted`, `title` |
| `akn-sc` | `sc-xml-2016-2026/registry.tsv` | UNxml/SCresolutions, `6c4072a866bfd189176ae91d119cc4c66e3ff331` (2026-07-21) | as above | symbol, `adopted` (SC resolutions have no title) |
| `cited-by-texts(n)` | (not in the shipped file) | added at run time by `Registry::fill_from_citations` | | the date `n` citing texts agree on |

## Rules

- Dates: a date printed in the resolution (`text-heading`, or `akn-*`
  where the XML's metadata and printed line agree) beats the iGov
  meeting date, which beats the UN Digital Library vote date, which beats
  the unvotes vote date; between two dates of the same rank the earlier is
  kept. Every disagreement between dates that were used is in
  `conflicts.tsv`; the unvotes dates of sessions found unreliable (below)
  are not used, and their disagreements are counted below, not listed.
- Titles: UN Digital Library, else the session 73-80 metadata or the XML's
  printed title, else iGov,
  else a mixed-case unvotes description. A UN Digital Library record about a
  section of a resolution (`A/RES/33/116[B-IX]`, `[PARA.1]`, `[RULE-33A]`)
  gives its date to the resolution or part, and its title only where all the
  section records of that resolution agree on one once a trailing `[...]`
  is removed. A record for a range of parts (`A/RES/377(V)[A-C]`) counts for
  each part.
- unvotes: per session, the resolution numbers are checked against the UN
  Digital Library (sessions 1-30: the number must lie between the numbers
  of the sessions before and after; from 31: the resolution must be there);
  a session where fewer than half check out is not used. The vote dates are
  checked the same way; where most disagree the session's dates are not
  used, and its roll calls only mark resolutions already known as
  `seen:unvotes` (they add no symbols of their own).
- Complete sessions: a collection of one GA session's texts (the session
  73-80 metadata, the GA XML) lists the session whole when the session is
  numbered `session/number` (31 on), the collection holds at least 95% of
  the numbers from 1 to its highest (a few are filed under other names,
  as parts), its highest-numbered resolution was adopted in the session's
  last weeks (from August of the year after the session opened; session
  `n` opens in September `1945 + n`), and no other source knows a higher
  number of that session. The table under "What the build found" gives
  the verdict for every session a collection covers.
- Disagreements are data: `resgraph check` reports a date the sources
  disagree on (`conflicts.tsv`) as disputed, never as the truth.

## What the build found

{counts}
{findings}"#,
            ict = ict,
            counts = self.counts_markdown(),
            findings = self.findings_markdown(),
        )
    }
}

/// `[1, 2, 3, 5, 7, 8]` -> `1-3, 5, 7-8`.
fn ranges(sessions: &[u16]) -> String {
    if sessions.is_empty() {
        return "none".to_string();
    }
    let mut out: Vec<String> = Vec::new();
    let mut start = sessions[0];
    let mut prev = sessions[0];
    for &s in &sessions[1..] {
        if s == prev + 1 {
            prev = s;
            continue;
        }
        out.push(if start == prev {
            start.to_string()
        } else {
            format!("{start}-{prev}")
        });
        start = s;
        prev = s;
    }
    out.push(if start == prev {
        start.to_string()
    } else {
        format!("{start}-{prev}")
    });
    out.join(", ")
}
