//! Planted errors (`fixtures/planted/cases.toml`): a clean excerpt with one thing changed
//! must give an error from the named rule, pointing at the planted row.

use rapportlint::rules::{self, Lang, Severity};
use rapportlint::vocab::Vocab;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    excerpt: String,
    line: usize,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    delete: bool,
    /// With `delete`: how many lines from `line` on (default 1).
    #[serde(default = "one")]
    lines: usize,
    /// Under `fixtures/` (default `excerpts`).
    #[serde(default = "excerpts")]
    dir: String,
    code: String,
    /// `error` (default) or `warning`.
    #[serde(default = "error")]
    severity: String,
    points_at: usize,
    help: Option<String>,
}

fn one() -> usize {
    1
}

fn excerpts() -> String {
    "excerpts".into()
}

fn error() -> String {
    "error".into()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn lint(name: &str, text: String, vocab: &Vocab) -> Vec<rules::Diagnostic> {
    let doc = rapportlint::read_text(name, text, vocab);
    rules::check(&doc, vocab, Lang::Nb).0
}

fn plant(text: &str, case: &Case) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let i = case.line - 1;
    assert!(i < lines.len(), "{}: no line {}", case.name, case.line);
    if case.delete {
        lines.drain(i..i + case.lines);
    } else {
        assert_eq!(
            lines[i].matches(&case.from).count(),
            1,
            "{}: `{}` must occur once on line {}: {}",
            case.name,
            case.from,
            case.line,
            lines[i]
        );
        lines[i] = lines[i].replace(&case.from, &case.to);
    }
    lines.join("\n")
}

#[test]
fn every_planted_error_is_found_where_it_was_planted() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let cases: Cases = toml::from_str(
        &std::fs::read_to_string(root().join("fixtures/planted/cases.toml")).expect("cases"),
    )
    .expect("cases.toml parses");
    assert!(cases.case.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases.case {
        let text =
            std::fs::read_to_string(root().join("fixtures").join(&case.dir).join(&case.excerpt))
                .expect("excerpt reads");
        // The excerpt is clean before the change ...
        let before = lint(&case.excerpt, text.clone(), &vocab);
        assert!(
            before.iter().all(|d| d.severity < Severity::Error),
            "{}: the excerpt has errors before planting: {:?}",
            case.name,
            before.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        // ... and after it, the rule points at the planted row, at the severity named.
        let after = lint(&case.excerpt, plant(&text, case), &vocab);
        let hit = after.iter().any(|d| {
            d.code == case.code
                && d.severity.name(Lang::En) == case.severity
                && (d.primary.line == case.points_at
                    || d.related.iter().any(|r| r.line == case.points_at))
                && case
                    .help
                    .as_ref()
                    .is_none_or(|h| d.help.as_deref().unwrap_or("").contains(h.as_str()))
        });
        // ... and no error elsewhere: every error points at the planted row, or has it
        // among the cells it was computed from.
        let stray: Vec<_> = after
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter(|d| {
                d.primary.line != case.points_at
                    && d.related.iter().all(|r| r.line != case.points_at)
            })
            .map(|d| (d.code, d.primary.line, &d.message))
            .collect();
        if !stray.is_empty() {
            failures.push(format!(
                "{}: errors away from the planted row: {stray:#?}",
                case.name
            ));
        }
        if !hit {
            failures.push(format!(
                "{}: no {} error at line {}{}; found: {:#?}",
                case.name,
                case.code,
                case.points_at,
                case.help
                    .as_ref()
                    .map(|h| format!(" with help containing `{h}`"))
                    .unwrap_or_default(),
                after
                    .iter()
                    .map(|d| (d.code, d.primary.line, &d.message, &d.help))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `--fix --unsafe-fixes` on a planted error either gives back the clean excerpt byte for
/// byte or changes nothing: a fix never "repairs" a table into a third state. Pins which
/// cases are repaired today, so a lost repair shows.
#[test]
fn fixes_restore_the_clean_excerpt_or_leave_it() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let cases: Cases = toml::from_str(
        &std::fs::read_to_string(root().join("fixtures/planted/cases.toml")).expect("cases"),
    )
    .expect("cases.toml parses");
    let mut restored = Vec::new();
    for case in &cases.case {
        let clean =
            std::fs::read_to_string(root().join("fixtures").join(&case.dir).join(&case.excerpt))
                .expect("excerpt");
        let planted = plant(&clean, case);
        let doc = rapportlint::read_text(&case.excerpt, planted.clone(), &vocab);
        let diags = rules::check(&doc, &vocab, Lang::Nb).0;
        let fixed = rapportlint::fix::apply(
            &planted,
            &diags,
            rapportlint::fix::Level { unsafe_fixes: true },
        );
        assert!(
            fixed.text == clean || fixed.text == planted,
            "{}: the fix made a third text",
            case.name
        );
        if fixed.text == clean {
            restored.push(case.name.as_str());
        }
    }
    assert_eq!(
        restored,
        [
            "digits-swapped-in-total",
            "deviation-digits-swapped",
            "unit-sign-flipped-in-deviation",
            "net-result-digit-changed",
            "one-deviation-runs-the-other-way",
            "one-minus-written-differently",
            "one-number-grouped-with-a-no-break-space",
            "status-misspelt",
            "status-spelled-otherwise",
        ]
    );
}
