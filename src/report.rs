//! Printing lint results: human (miette), concise, JSON; and the closing summary.

use crate::model::Document;
use crate::rules::{Checked, Diagnostic, Lang, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};
use serde::Serialize;

/// Version of the `lint --output-format json` contract.
pub const LINT_JSON_VERSION: u32 = 1;

/// The most operand cells the human output labels for one finding.
const MAX_LABELS: usize = 8;

/// One file's results.
pub struct FileResult<'a> {
    pub doc: &'a Document,
    pub diagnostics: Vec<Diagnostic>,
    pub checked: Checked,
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

/// How far (in lines) from a finding an operand may stand and still be drawn in the
/// finding's snippet.
const NEAR_LINES: usize = 40;

/// Rich output: the report text around each finding, the offending cell and its operands.
pub fn human(results: &[FileResult<'_>], color: bool, lang: Lang) -> String {
    let mut out = human_body(results, color, lang);
    out.push_str(&summary(results, lang));
    out
}

/// The findings of [`human`] without the closing summary.
pub fn human_body(results: &[FileResult<'_>], color: bool, lang: Lang) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            let mut labels = vec![LabeledSpan::new_primary_with_span(
                Some(d.primary.label.clone()),
                (d.primary.span.0, d.primary.span.1 - d.primary.span.0),
            )];
            // A total over many rows: show the first and last operands; JSON has all.
            let shown: Vec<&crate::rules::Place> = if d.related.len() > MAX_LABELS {
                let tail = d.related.len() - MAX_LABELS / 2;
                d.related[..MAX_LABELS / 2]
                    .iter()
                    .chain(&d.related[tail..])
                    .collect()
            } else {
                d.related.iter().collect()
            };
            // Operands near the finding are labels in its snippet; far ones are listed
            // (a snippet would print every line between them).
            let (near, far): (Vec<_>, Vec<_>) = shown
                .into_iter()
                .partition(|rel| rel.line.abs_diff(d.primary.line) <= NEAR_LINES);
            for rel in near {
                labels.push(LabeledSpan::new_with_span(
                    Some(rel.label.clone()),
                    (rel.span.0, rel.span.1 - rel.span.0),
                ));
            }
            let far_note = (!far.is_empty()).then(|| {
                let places = far
                    .iter()
                    .map(|rel| match lang {
                        Lang::Nb => format!("linje {}: {}", rel.line, rel.label),
                        Lang::En => format!("line {}: {}", rel.line, rel.label),
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                match lang {
                    Lang::Nb => format!("se også {places}"),
                    Lang::En => format!("see also {places}"),
                }
            });
            let mut diag = MietteDiagnostic::new(d.message.clone())
                .with_code(format!("{}({})", d.code, d.rule))
                .with_severity(miette_severity(d.severity))
                .with_labels(labels);
            let hidden = d.related.len().saturating_sub(MAX_LABELS);
            let more = (hidden > 0).then(|| match lang {
                Lang::Nb => {
                    format!("{hidden} steder til er ikke vist (alle står i --output-format json)")
                }
                Lang::En => {
                    format!("{hidden} more places not shown (all are in --output-format json)")
                }
            });
            let fix = d.fix.as_ref().map(|f| {
                let tier = match (f.applicability, lang) {
                    (crate::rules::Applicability::Safe, Lang::Nb) => "retting (--fix)",
                    (crate::rules::Applicability::Unsafe, Lang::Nb) => "retting (--unsafe-fixes)",
                    (crate::rules::Applicability::Display, Lang::Nb) => "forslag",
                    (crate::rules::Applicability::Safe, Lang::En) => "fix (--fix)",
                    (crate::rules::Applicability::Unsafe, Lang::En) => "fix (--unsafe-fixes)",
                    (crate::rules::Applicability::Display, Lang::En) => "suggestion",
                };
                format!("{tier}: {}", f.message)
            });
            let help = [d.help.clone(), far_note, more, fix]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>();
            let help = (!help.is_empty()).then(|| help.join("\n"));
            if let Some(h) = help {
                diag = diag.with_help(h);
            }
            let report = miette::Report::new(diag)
                .with_source_code(NamedSource::new(&r.doc.path, r.doc.text.clone()));
            let mut s = String::new();
            if handler.render_report(&mut s, report.as_ref()).is_ok() {
                out.push_str(&s);
                out.push('\n');
            }
        }
    }
    out
}

/// One line per finding: `path:line:column: CODE message`.
pub fn concise(results: &[FileResult<'_>], lang: Lang) -> String {
    let mut out = concise_body(results, lang);
    out.push_str(&summary(results, lang));
    out
}

/// The findings of [`concise`] without the closing summary.
pub fn concise_body(results: &[FileResult<'_>], lang: Lang) -> String {
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            out.push_str(&format!(
                "{}:{}:{}: {} [{}] {}\n",
                r.doc.path,
                d.primary.line,
                d.primary.column,
                d.code,
                d.severity.name(lang),
                d.message
            ));
        }
    }
    out
}

/// What a run checked and found, summed over its files (kept while the files' documents
/// are dropped, so that many files lint in bounded memory).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub tables: usize,
    pub relations_checked: usize,
    pub relations_skipped: usize,
    pub status_fields_checked: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files in which no table was found.
    pub without_tables: Vec<String>,
}

impl Totals {
    pub fn add(&mut self, r: &FileResult<'_>) {
        self.files += 1;
        self.tables += r.checked.tables;
        self.relations_checked += r.checked.relations_checked;
        self.relations_skipped += r.checked.relations_skipped;
        self.status_fields_checked += r.checked.status_fields_checked;
        for d in &r.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
        if r.doc.tables.is_empty() {
            self.without_tables.push(r.doc.path.clone());
        }
    }

    pub fn of(results: &[FileResult<'_>]) -> Self {
        let mut t = Totals::default();
        for r in results {
            t.add(r);
        }
        t
    }
}

/// The closing summary: what was checked and what was found, per file with no tables.
pub fn summary(results: &[FileResult<'_>], lang: Lang) -> String {
    summary_of(&Totals::of(results), lang)
}

/// The closing summary of a run's totals.
pub fn summary_of(t: &Totals, lang: Lang) -> String {
    let mut out = String::new();
    for path in &t.without_tables {
        out.push_str(&match lang {
            Lang::Nb => format!("{path}: fant ingen tabeller; ingenting er kontrollert\n"),
            Lang::En => format!("{path}: no tables found; nothing was checked\n"),
        });
    }
    let (files, tables, relations, skipped, status) = (
        t.files,
        t.tables,
        t.relations_checked,
        t.relations_skipped,
        t.status_fields_checked,
    );
    let (e, w) = (t.errors, t.warnings);
    out.push_str(&match lang {
        Lang::Nb => format!(
            "Kontrollerte {files} fil(er): {tables} tabeller, {relations} summer, kolonneforhold og tellinger ({skipped} hoppet over: tom, tvetydig eller prosentcelle, eller uklart hvilke rader en sum dekker eller hvilken liste et antall gjelder), {status} statusfelt kontrollert. Funn: {e} feil, {w} advarsler.\n"
        ),
        Lang::En => format!(
            "Checked {files} file(s): {tables} tables, {relations} totals, column relations and counts ({skipped} skipped: empty, ambiguous or percent cell, or unclear which rows a total covers or which list a count is of), {status} status fields checked. Found: {e} errors, {w} warnings.\n"
        ),
    });
    out
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    tables: usize,
    relations_checked: usize,
    relations_skipped: usize,
    status_fields_checked: usize,
}

#[derive(Serialize)]
struct JsonDiag<'a> {
    path: &'a str,
    code: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    help: &'a Option<String>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    related: &'a [crate::rules::Place],
    table: &'a crate::rules::TableRef,
    expected: &'a Option<String>,
    found: &'a Option<String>,
    delta: &'a Option<String>,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: crate::rules::Applicability,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

/// An edit: replace the text from `line`:`column` to `end_line`:`end_column` (1-based,
/// end exclusive, columns in characters) with `content`.
#[derive(Serialize)]
struct JsonEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    content: &'a str,
}

fn json_fix<'a>(
    doc: &crate::model::Document,
    d: &'a crate::rules::Diagnostic,
) -> Option<JsonFix<'a>> {
    let fix = d.fix.as_ref()?;
    Some(JsonFix {
        applicability: fix.applicability,
        message: &fix.message,
        edits: fix
            .edits
            .iter()
            .map(|e| {
                let (line, column) = doc.position(e.span.0);
                let (end_line, end_column) = doc.position(e.span.1);
                JsonEdit {
                    line,
                    column,
                    end_line,
                    end_column,
                    content: &e.content,
                }
            })
            .collect(),
    })
}

/// The line after `lint --fix` (or on standard error after `--diff`).
pub fn fix_summary(fixed: usize, unsafe_left: usize, would: bool, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let mut s = match (would, nb) {
        (false, true) => format!("Rettet {fixed} funn."),
        (true, true) => format!("{fixed} funn ville blitt rettet."),
        (false, false) => format!("Fixed {fixed} findings."),
        (true, false) => format!("Would fix {fixed} findings."),
    };
    if unsafe_left > 0 {
        s.push_str(&if nb {
            format!(" {unsafe_left} til kan rettes med --unsafe-fixes.")
        } else {
            format!(" {unsafe_left} more can be fixed with --unsafe-fixes.")
        });
    }
    s
}

/// The line that tells, without `--fix`, how many findings it would repair.
pub fn fixable_note(safe: usize, unsafe_fixes: usize, lang: Lang) -> String {
    match lang {
        Lang::Nb if safe == 0 => format!("{unsafe_fixes} funn kan rettes med --unsafe-fixes."),
        Lang::En if safe == 0 => {
            format!("{unsafe_fixes} findings can be fixed with --unsafe-fixes.")
        }
        Lang::Nb if unsafe_fixes > 0 => {
            format!("{safe} funn kan rettes med --fix ({unsafe_fixes} til med --unsafe-fixes).")
        }
        Lang::Nb => format!("{safe} funn kan rettes med --fix."),
        Lang::En if unsafe_fixes > 0 => format!(
            "{safe} findings can be fixed with --fix ({unsafe_fixes} more with --unsafe-fixes)."
        ),
        Lang::En => format!("{safe} findings can be fixed with --fix."),
    }
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    tables: usize,
    relations_checked: usize,
    relations_skipped: usize,
    status_fields_checked: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct JsonOut {
    version: u32,
    tool: serde_json::Value,
    files: Vec<serde_json::Value>,
    diagnostics: Vec<serde_json::Value>,
    summary: JsonSummary,
}

fn json_diags<'a>(results: &'a [FileResult<'a>]) -> Vec<JsonDiag<'a>> {
    let mut diagnostics = Vec::new();
    for r in results {
        for d in &r.diagnostics {
            diagnostics.push(JsonDiag {
                path: &r.doc.path,
                code: d.code,
                rule: d.rule,
                severity: d.severity,
                message: &d.message,
                help: &d.help,
                line: d.primary.line,
                column: d.primary.column,
                end_line: d.primary.end_line,
                end_column: d.primary.end_column,
                related: &d.related,
                table: &d.table,
                expected: &d.expected,
                found: &d.found,
                delta: &d.delta,
                fix: json_fix(r.doc, d),
            });
        }
    }
    diagnostics
}

/// `lint --output-format json-lines`: one diagnostic per line, each as in the JSON
/// contract's `diagnostics`.
pub fn json_lines(results: &[FileResult<'_>]) -> String {
    let mut out = String::new();
    for d in json_diags(results) {
        out.push_str(&serde_json::to_string(&d).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// `lint --output-format github`: workflow commands that GitHub Actions shows as
/// annotations on the lines of the report, then the summary.
pub fn github(results: &[FileResult<'_>], lang: Lang) -> String {
    let mut out = github_body(results);
    out.push_str(&summary(results, lang));
    out
}

/// The annotations of [`github`] without the closing summary.
pub fn github_body(results: &[FileResult<'_>]) -> String {
    // Data is escaped as GitHub's toolkit does: %, CR, LF; properties also : and ,.
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push('\n');
                message.push_str(h);
            }
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                prop(&r.doc.path),
                d.primary.line,
                d.primary.column,
                d.primary.end_line,
                d.primary.end_column,
                prop(&format!("{} ({})", d.code, d.rule)),
                data(&message)
            ));
        }
    }
    out
}

/// `lint --output-format sarif`: SARIF 2.1.0 with the rules' metadata, for code-scanning
/// dashboards.
pub fn sarif(results: &[FileResult<'_>]) -> String {
    sarif_of(sarif_results(results))
}

/// The SARIF document around some results.
pub fn sarif_of(results: Vec<serde_json::Value>) -> String {
    use serde_json::json;
    let rules = crate::rules::all();
    let rule_meta: Vec<serde_json::Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary.1 },
                "fullDescription": { "text": r.summary.0 },
                "help": { "text": r.docs },
                "defaultConfiguration": { "level": sarif_level(r.severity) },
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "rapportlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_meta,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// The SARIF results of some files.
pub fn sarif_results(results: &[FileResult<'_>]) -> Vec<serde_json::Value> {
    use serde_json::json;
    let rules = crate::rules::all();
    let region = |p: &crate::rules::Place| {
        json!({
            "startLine": p.line,
            "startColumn": p.column,
            "endLine": p.end_line,
            "endColumn": p.end_column,
        })
    };
    let mut out = Vec::new();
    for r in results {
        for d in &r.diagnostics {
            let location = |p: &crate::rules::Place| {
                json!({
                    "physicalLocation": {
                        "artifactLocation": { "uri": r.doc.path },
                        "region": region(p),
                    }
                })
            };
            let related: Vec<serde_json::Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut l = location(p);
                    l["id"] = json!(i);
                    l["message"] = json!({ "text": p.label });
                    l
                })
                .collect();
            let mut text = d.message.clone();
            if let Some(h) = &d.help {
                text.push_str(" (");
                text.push_str(h);
                text.push(')');
            }
            out.push(json!({
                "ruleId": d.code,
                "ruleIndex": rules.iter().position(|x| x.code == d.code),
                "level": sarif_level(d.severity),
                "message": { "text": text },
                "locations": [location(&d.primary)],
                "relatedLocations": related,
            }));
        }
    }
    out
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The `lint --output-format json` document.
pub fn json(results: &[FileResult<'_>]) -> String {
    let (files, diagnostics) = json_values(results);
    json_of(&Totals::of(results), files, diagnostics)
}

/// The `files` and `diagnostics` entries of some files, as JSON values.
pub fn json_values(results: &[FileResult<'_>]) -> (Vec<serde_json::Value>, Vec<serde_json::Value>) {
    let files = results
        .iter()
        .map(|r| {
            serde_json::to_value(JsonFile {
                path: &r.doc.path,
                tables: r.checked.tables,
                relations_checked: r.checked.relations_checked,
                relations_skipped: r.checked.relations_skipped,
                status_fields_checked: r.checked.status_fields_checked,
            })
            .unwrap_or_default()
        })
        .collect();
    let diagnostics = json_diags(results)
        .iter()
        .map(|d| serde_json::to_value(d).unwrap_or_default())
        .collect();
    (files, diagnostics)
}

/// The JSON document of a run, from its totals and entries.
pub fn json_of(
    t: &Totals,
    files: Vec<serde_json::Value>,
    diagnostics: Vec<serde_json::Value>,
) -> String {
    let summary = JsonSummary {
        files: t.files,
        tables: t.tables,
        relations_checked: t.relations_checked,
        relations_skipped: t.relations_skipped,
        status_fields_checked: t.status_fields_checked,
        errors: t.errors,
        warnings: t.warnings,
        infos: t.infos,
    };
    let out = JsonOut {
        version: LINT_JSON_VERSION,
        tool: serde_json::json!({ "name": "rapportlint", "version": env!("CARGO_PKG_VERSION") }),
        files,
        diagnostics,
        summary,
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}
