//! `resgraph check` on texts written to contain each kind of error, and
//! on real texts that contain none.

use std::path::Path;
use std::process::Command;

use resgraph_test_support::temp_dir;

fn resgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_resgraph"))
}

/// A draft in the form of the real ones, dated `date`, with `body` as its
/// preamble and operative part.
fn draft(symbol: &str, date: &str, body: &str) -> String {
    format!(
        "{symbol}\n\nGeneral Assembly\n\nDistr.: Limited\n{date}\n\nEightieth session\n\nA title\n\nThe General Assembly,\n\n{body}\n"
    )
}

fn findings(dir: &Path) -> (Option<i32>, Vec<serde_json::Value>) {
    let out = resgraph()
        .args(["check", "--all", "--format", "json", "-q"])
        .arg(dir)
        .output()
        .expect("run");
    let json: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    (out.status.code(), json)
}

#[test]
fn each_kind_of_error_is_found() {
    let dir = temp_dir("errors");
    let cases = [
        (
            "A_C.1_80_L.901.txt",
            draft("A/C.1/80/L.901", "13 October 2025", "Recalling its resolution 78/16 of 5 December 2023,"),
            "date-mismatch",
            "2023-12-04",
        ),
        (
            "A_C.1_75_L.902.txt",
            draft("A/C.1/75/L.902", "13 October 2020", "Recalling its resolution 79/237 of 24 December 2024,"),
            "anachronism",
            "after this text",
        ),
        (
            "A_C.1_80_L.903.txt",
            draft("A/C.1/80/L.903", "13 October 2025", "Recalling its resolution 78/999,"),
            "impossible-symbol",
            "session 78 adopted resolutions up to 78/331 (text-heading lists the session whole)",
        ),
        (
            "A_C.1_80_L.904.txt",
            draft("A/C.1/80/L.904", "13 October 2025", "Recalling Security Council resolution 1373 (2002),"),
            "impossible-symbol",
            "is of 2001, not 2002",
        ),
        (
            "A_C.1_80_L.905.txt",
            draft(
                "A/C.1/80/L.905",
                "13 October 2025",
                "Recalling its resolution 78/16 of 4 December 2023,\n\n1. Recalls resolution 78/16 of 6 December 2023;",
            ),
            "inconsistent-dates",
            "elsewhere in the same text",
        ),
        (
            "A_C.1_80_L.906.txt",
            draft("A/C.1/80/L.906", "13 October 2025", "Recalling document A/C.1/80/L.906,"),
            "self-citation",
            "own symbol",
        ),
    ];
    for (name, text, _, _) in &cases {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let (code, found) = findings(&dir);
    assert_eq!(code, Some(1), "errors make the exit code 1");
    for (name, _, kind, phrase) in &cases {
        let hit = found.iter().any(|f| {
            f["source"].as_str().is_some_and(|s| s.ends_with(name))
                && f["kind"] == *kind
                && f["message"].as_str().is_some_and(|m| m.contains(phrase))
        });
        assert!(
            hit,
            "{name}: no {kind} finding mentioning {phrase:?} in {found:#?}"
        );
    }
}

#[test]
fn real_texts_without_errors_pass() {
    // The seed and 76/19 cite every resolution with its true date.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
    let dir = temp_dir("clean");
    for file in ["seed/A_C.1_77_L.73.txt", "ga/A_RES_76_19.txt"] {
        let name = Path::new(file).file_name().expect("name");
        std::fs::copy(root.join(file), dir.join(name)).expect("copy");
    }
    let (code, found) = findings(&dir);
    assert_eq!(code, Some(0), "{found:#?}");
    assert!(found.is_empty(), "{found:#?}");
}

/// What the registry cannot vouch for is not an error: numbers beyond the
/// highest known of a session no source lists whole, dates the sources
/// disagree on, and a date written once after two items.
#[test]
fn doubtful_registry_facts_are_not_errors() {
    let dir = temp_dir("doubts");
    let cases = [
        // 60/288 exists; session 60 is known from recorded votes only.
        (
            "A_C.1_80_L.911.txt",
            "Recalling its resolution 60/288 of 8 September 2006,",
        ),
        // The two sources say 15 and 14 April 2008; the texts say 15 May.
        (
            "A_C.1_80_L.912.txt",
            "Recalling its resolution 62/249 of 15 May 2008,",
        ),
        // One of the two dates the sources give: nothing to say.
        (
            "A_C.1_80_L.913.txt",
            "Recalling its resolution 62/249 of 14 April 2008,",
        ),
        // 15 December 1960 is 1541 (XV)'s date; 1514 (XV) is of the 14th.
        (
            "A_C.1_80_L.914.txt",
            "Recalling its resolutions 1514 (XV) and 1541 (XV) of 15 December 1960,",
        ),
    ];
    for (name, body) in &cases {
        std::fs::write(
            dir.join(name),
            draft(
                &name.replace('_', "/").replace(".txt", ""),
                "13 October 2025",
                body,
            ),
        )
        .expect("write");
    }
    let (code, found) = findings(&dir);
    assert_eq!(code, Some(0), "no errors: {found:#?}");
    let of = |name: &str| -> Vec<&serde_json::Value> {
        found
            .iter()
            .filter(|f| f["source"].as_str().is_some_and(|s| s.ends_with(name)))
            .collect()
    };
    assert!(of("L.911.txt").is_empty(), "{found:#?}");
    let disputed = of("L.912.txt");
    assert_eq!(disputed.len(), 1, "{found:#?}");
    assert_eq!(disputed[0]["kind"], "disputed-date");
    assert_eq!(disputed[0]["level"], "warning");
    let message = disputed[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("2008-04-15 (undl)") && message.contains("2008-04-14 (unvotes)"),
        "{message}"
    );
    assert!(of("L.913.txt").is_empty(), "{found:#?}");
    let shared = of("L.914.txt");
    assert_eq!(shared.len(), 1, "{found:#?}");
    assert_eq!(shared[0]["kind"], "date-mismatch");
    assert_eq!(shared[0]["level"], "warning");
    assert!(shared[0]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("may be meant for A/RES/1541 (XV) alone"));
}
