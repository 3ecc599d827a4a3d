//! `rapportlint.toml`: which rules run, how serious they are, and words a municipality
//! adds to the embedded rule data. Found from the working directory upwards, or given
//! with `--config`. The embedded `rules/` are the defaults; a config extends them.

use crate::rules::{Diagnostic, RuleInfo, Severity};
use crate::vocab::{StatusDef, TableRelationDef, Vocab};
use globset::{Glob, GlobSet, GlobSetBuilder};
use miette::{NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "rapportlint.toml";

/// A severity as written in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    Error,
    Warning,
    Info,
}

impl From<SeverityName> for Severity {
    fn from(s: SeverityName) -> Self {
        match s {
            SeverityName::Error => Severity::Error,
            SeverityName::Warning => Severity::Warning,
            SeverityName::Info => Severity::Info,
        }
    }
}

/// The lowest severity that fails the run, as written in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOnName {
    Error,
    Warning,
    Info,
    Never,
}

/// Extra words that start total labels.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    /// Grand totals (`Sum`, `Totalt`).
    #[serde(default)]
    pub grand: Vec<String>,
    /// Subtotals (`Delsum`).
    #[serde(default)]
    pub sub: Vec<String>,
}

/// The contents of `rapportlint.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rules to run, by code or code prefix (`RL1`, `RL203`); default all.
    pub select: Option<Vec<String>>,
    /// Rules added to `select`.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rules not to run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule code.
    #[serde(default)]
    pub severity: BTreeMap<String, SeverityName>,
    /// Lowest severity that gives exit code 1 (the command line wins).
    pub fail_on: Option<FailOnName>,
    /// Extra tolerance per rule, in the table's unit.
    #[serde(default)]
    pub tolerance: BTreeMap<String, rust_decimal::Decimal>,
    /// Rules ignored in files matching a glob: `"arkiv/*.txt" = ["RL202"]`, matched
    /// against the path as given and the path from the config file's folder.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Extra total words.
    #[serde(default)]
    pub totals: Totals,
    /// Extra status values, as in `rules/status.toml`.
    #[serde(default)]
    pub status: Vec<StatusDef>,
    /// Column relations for tables by title.
    #[serde(default)]
    pub relation: Vec<TableRelationDef>,
}

/// A config that could not be read or makes no sense, pointing at the place in the file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(
    code(rapportlint::config),
    help("`rapportlint init` skriver en kommentert startfil med alle nøklene.")
)]
pub struct ConfigError {
    path: String,
    message: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("her")]
    span: Option<SourceSpan>,
}

impl ConfigError {
    fn new(
        path: &Path,
        text: &str,
        message: String,
        span: Option<std::ops::Range<usize>>,
    ) -> Box<Self> {
        Box::new(ConfigError {
            path: path.display().to_string(),
            message,
            src: NamedSource::new(path.display().to_string(), text.to_string()),
            span: span.map(|r| (r.start, r.end.saturating_sub(r.start)).into()),
        })
    }
}

/// A loaded config, with its globs compiled.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// Where it came from (none for the defaults).
    pub path: Option<PathBuf>,
    ignores: Vec<(GlobSet, Vec<String>)>,
}

/// The config for a run: `explicit`, or the nearest `rapportlint.toml` from `start`
/// upwards, or the defaults.
pub fn find_and_load(explicit: Option<&Path>, start: &Path) -> Result<Loaded, Box<ConfigError>> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => start
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file()),
    };
    match path {
        Some(p) => load(&p),
        None => Ok(Loaded::default()),
    }
}

/// Read and check one config file.
pub fn load(path: &Path) -> Result<Loaded, Box<ConfigError>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError::new(path, "", format!("kan ikke leses: {e}"), None))?;
    let config: Config = toml::from_str(&text)
        .map_err(|e| ConfigError::new(path, &text, e.message().to_string(), e.span()))?;
    // Rule codes must name rules.
    let known = crate::rules::all();
    let bad_code = |code: &str| !known.iter().any(|r| matches_code(r, code));
    let lists = config
        .select
        .iter()
        .flatten()
        .chain(&config.extend_select)
        .chain(&config.ignore)
        .chain(config.severity.keys())
        .chain(config.tolerance.keys())
        .chain(config.per_file_ignores.values().flatten());
    for code in lists {
        if bad_code(code) {
            let span = find_span(&text, code);
            return Err(ConfigError::new(
                path,
                &text,
                format!("ukjent regel «{code}» (`rapportlint rules` lister dem)"),
                span,
            ));
        }
    }
    let mut ignores = Vec::new();
    for (pattern, codes) in &config.per_file_ignores {
        let glob = Glob::new(pattern).map_err(|e| {
            ConfigError::new(
                path,
                &text,
                format!("ugyldig filmønster: {e}"),
                find_span(&text, pattern),
            )
        })?;
        let set = GlobSetBuilder::new().add(glob).build().map_err(|e| {
            ConfigError::new(
                path,
                &text,
                format!("ugyldig filmønster: {e}"),
                find_span(&text, pattern),
            )
        })?;
        ignores.push((set, codes.clone()));
    }
    Ok(Loaded {
        config,
        path: Some(path.to_path_buf()),
        ignores,
    })
}

/// The byte range of a quoted value in the config text, for pointing at it.
fn find_span(text: &str, value: &str) -> Option<std::ops::Range<usize>> {
    let quoted = format!("\"{value}\"");
    text.find(&quoted)
        .map(|i| i..i + quoted.len())
        .or_else(|| text.find(value).map(|i| i..i + value.len()))
}

/// Does a selector (`RL1`, `RL203`, `total-sum`) name this rule?
fn matches_code(rule: &RuleInfo, selector: &str) -> bool {
    let s = selector.trim();
    s.eq_ignore_ascii_case(rule.name)
        || (!s.is_empty()
            && rule
                .code
                .to_ascii_uppercase()
                .starts_with(&s.to_ascii_uppercase()))
}

impl Loaded {
    /// Add the config's words and statuses to the vocabulary.
    pub fn extend_vocab(&self, vocab: &mut Vocab) {
        vocab.extend(
            &self.config.totals.grand,
            &self.config.totals.sub,
            self.config.status.clone(),
        );
        vocab
            .table_relations
            .extend(self.config.relation.iter().cloned());
    }

    /// Is this rule selected for this file?
    pub fn selected(&self, rule: &RuleInfo, file: &Path) -> bool {
        let c = &self.config;
        let chosen = c
            .select
            .as_ref()
            .is_none_or(|s| s.iter().any(|x| matches_code(rule, x)))
            || c.extend_select.iter().any(|x| matches_code(rule, x));
        // Patterns match the path as given, and the path from the config's folder.
        let from_config = self.path.as_ref().and_then(|cfg| {
            let base = cfg.parent()?.canonicalize().ok()?;
            let abs = std::path::absolute(file).ok()?;
            abs.strip_prefix(&base).ok().map(Path::to_path_buf)
        });
        let ignored = c.ignore.iter().any(|x| matches_code(rule, x))
            || self.ignores.iter().any(|(set, codes)| {
                (set.is_match(file) || from_config.as_ref().is_some_and(|f| set.is_match(f)))
                    && codes.iter().any(|x| matches_code(rule, x))
            });
        chosen && !ignored
    }

    /// Drop the findings of rules not selected for `file`, and set the severities the
    /// config names.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>, file: &Path) {
        let rules = crate::rules::all();
        diagnostics.retain(|d| {
            rules
                .iter()
                .find(|r| r.code == d.code)
                .is_none_or(|r| self.selected(r, file))
        });
        for d in diagnostics.iter_mut() {
            // Info findings (rounding notes) stay info.
            if d.severity == Severity::Info {
                continue;
            }
            if let Some(s) = self
                .config
                .severity
                .iter()
                .find(|(code, _)| {
                    rules
                        .iter()
                        .any(|r| r.code == d.code && matches_code(r, code))
                })
                .map(|(_, s)| *s)
            {
                d.severity = s.into();
            }
        }
    }
}

/// The starter file `rapportlint init` writes.
pub const STARTER: &str = r#"# rapportlint.toml: innstillinger for rapportlint i denne mappen og mappene under.
# Alle nøkler er valgfrie; uten fil gjelder de innebygde reglene. `rapportlint rules`
# lister reglene.

# Regler som kjøres, etter kode eller kodeprefiks (standard: alle).
# select = ["RL1", "RL2"]
# Regler som legges til select.
# extend-select = []
# Regler som ikke kjøres.
# ignore = ["RL202"]

# Laveste alvorlighetsgrad som gir avslutningskode 1: error, warning, info eller never.
# fail-on = "error"

# Alvorlighetsgrad per regel.
# [severity]
# RL203 = "error"

# Ekstra toleranse per regel, i tabellens enhet (i tillegg til avrundingen).
# [tolerance]
# RL101 = 2

# Regler som ikke gjelder for filer som passer et mønster.
# [per-file-ignores]
# "arkiv/*.txt" = ["RL202", "RL204"]

# Ekstra ord som innleder en sum.
# [totals]
# grand = ["Totalsum alle enheter"]
# sub = ["Sum enhet"]

# Kolonneforhold for tabeller med en bestemt tittel (kolonnene ved navn eller
# begynnelsen av navnet; - foran trekker fra).
# [[relation]]
# table = "Sykefravær"
# result = "Totalt"
# terms = ["Korttid", "Langtid"]

# Ekstra statusverdier, som i rules/status.toml.
# [[status]]
# canonical = "Videreføres"
# aliases = ["Videreført"]
# group = "progress"
# state = "progressing"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).expect("write");
        (dir, path)
    }

    #[test]
    fn the_starter_file_loads() {
        let (_d, p) = write(STARTER);
        let l = load(&p).expect("starter loads");
        assert!(l.config.select.is_none());
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let (_d, p) = write("select = [\"RL1\"]\nignorer = [\"RL202\"]\n");
        let e = load(&p).expect_err("unknown key");
        let span = e.span.expect("a span");
        assert_eq!(span.offset(), 17, "{e:?}");
        assert!(e.message.contains("ignorer"), "{}", e.message);
    }

    #[test]
    fn unknown_rule_is_an_error() {
        let (_d, p) = write("ignore = [\"RL999\"]\n");
        let e = load(&p).expect_err("unknown rule");
        assert!(e.message.contains("RL999"));
        assert_eq!(e.span.map(|s| s.offset()), Some(10));
    }

    #[test]
    fn selection_by_prefix_name_and_file() {
        let (_d, p) = write(
            "select = [\"RL1\"]\nextend-select = [\"mixed-minus\"]\nignore = [\"RL105\"]\n[per-file-ignores]\n\"arkiv/*.txt\" = [\"RL101\"]\n",
        );
        let l = load(&p).expect("loads");
        let rule = |code: &str| crate::rules::find(code).expect("rule");
        let f = Path::new("rapport.txt");
        assert!(l.selected(&rule("RL101"), f));
        assert!(!l.selected(&rule("RL101"), Path::new("arkiv/gammel.txt")));
        assert!(l.selected(&rule("RL202"), f));
        assert!(!l.selected(&rule("RL105"), f));
        assert!(!l.selected(&rule("RL201"), f));
    }
}
