//! The `rapportlint` command line.

use clap::{Parser, Subcommand, ValueEnum};
use rapportlint::fix;
use rapportlint::output;
use rapportlint::report;
use rapportlint::rules::{self, Lang, Severity};
use rapportlint::vocab::Vocab;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Datakvalitetslinter for kommunale rapporter (Data-quality linter for Norwegian
/// municipal reports).
///
/// rapportlint leser teksten i en rapport (slik `pdftotext rapport.pdf` skriver den),
/// bygger opp tabellene igjen og kontrollerer dem.
///
/// Eksempler:
///   rapportlint lint rapport.txt                   kontroller rapporten
///   rapportlint lint rapport.txt --output-format concise
///   rapportlint lint utkast/*.txt --output-format github   i GitHub Actions
///   rapportlint lint rapport.txt --show-rounding   vis også avrundingsdifferanser
///   rapportlint tables rapport.txt                 vis hvordan hver tabell ble lest
///   rapportlint tables rapport.txt --format json   det samme, som JSON
///   rapportlint tables rapport.txt --stats         antall tabeller, rader, celler, statusfelt
///   rapportlint rules                              alle regler
///   rapportlint rule RL101                         forklaring av én regel
///
/// Avslutningskoder: 0 ingen funn på --fail-on-nivået, 1 funn, 2 bruks- eller inndatafeil.
#[derive(Parser, Debug)]
#[command(name = "rapportlint", version, about, long_about, verbatim_doc_comment)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Kontroller rapporter (check reports).
    ///
    /// Leser tabellene og kontrollerer dem med de innebygde reglene: summer (RL101),
    /// kolonneforhold (RL102), prosenter (RL103), lovpålagte sammenhenger (RL104), snitt
    /// (RL105), fortegn (RL201–RL204) og statusfelt (RL301–RL306: mangler, ukjent verdi,
    /// uten beskrivelse, motsier beskrivelsen, antall i teksten, skrivemåte). Avrunding
    /// gir aldri funn. Avsluttes med en oppsummering av hva som ble kontrollert;
    /// `rapportlint rules` lister reglene.
    #[command(verbatim_doc_comment)]
    Lint {
        /// Rapportfiler (tekst: UTF-8, UTF-16 med BOM eller Windows-1252).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        output_format: OutputFormat,
        /// Laveste alvorlighetsgrad som gir avslutningskode 1 (standard: error, eller
        /// fail-on i rapportlint.toml).
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Innstillingsfil (standard: nærmeste rapportlint.toml fra mappen du står i og
        /// oppover).
        #[arg(long, value_name = "FIL", conflicts_with = "no_config")]
        config: Option<PathBuf>,
        /// Se bort fra rapportlint.toml; bruk bare de innebygde reglene.
        #[arg(long)]
        no_config: bool,
        /// Skjul funn som står i denne baseline-filen (godtatte funn), nøklet på fil,
        /// tabelltittel, rad, kolonne og regel, ikke linjenummer.
        #[arg(long, value_name = "FIL")]
        baseline: Option<PathBuf>,
        /// Skriv dagens funn til --baseline-filen i stedet for å melde dem.
        #[arg(long, requires = "baseline")]
        update_baseline: bool,
        /// Språk i meldingene: nb (bokmål) eller en (English).
        #[arg(long, value_enum, default_value_t = LangArg::Nb)]
        lang: LangArg,
        /// List også avrundingsdifferanser (forhold som bare holder innenfor avrunding),
        /// som info.
        #[arg(long)]
        show_rounding: bool,
        /// Ekstra toleranse for én regel, i tabellens enhet, i tillegg til
        /// avrundingsintervallet: `--tolerance RL101=2`. Kan gjentas.
        #[arg(long, value_name = "KODE=VERDI", value_parser = parse_tolerance)]
        tolerance: Vec<(String, rust_decimal::Decimal)>,
        /// Rett det som trygt kan rettes (minustegn skrevet som resten av dokumentet), og
        /// kontroller filen på nytt. Filen skrives atomisk; bare bytene i rettingene endres.
        #[arg(long)]
        fix: bool,
        /// Med --fix eller --diff: ta også med rettinger som endrer en verdi.
        #[arg(long)]
        unsafe_fixes: bool,
        /// Skriv rettingene som en samlet diff i stedet for å endre filene; avslutter
        /// med 1 når det er noe å rette.
        #[arg(long)]
        diff: bool,
    },
    /// Skriv skallfullføring (shell completions): `rapportlint completions bash`.
    Completions {
        /// Skallet: bash, zsh, fish, elvish eller powershell.
        shell: clap_complete::Shell,
    },
    /// Skriv en kommentert rapportlint.toml i mappen du står i (write a starter config).
    Init,
    /// List alle regler (list the rules).
    Rules,
    /// Forklar én regel (explain a rule): `rapportlint rule RL102`.
    Rule {
        /// Regelkode eller -navn, for eksempel RL102 eller column-relation.
        code: String,
    },
    /// Vis hvordan hver tabell ble lest (show how each table was read).
    ///
    /// Skriver hver tabell: tittel, enhet, linjer, kolonner (navn, type, periode) og
    /// rader med celler. Bruk den for å se hva reglene vil kontrollere.
    #[command(verbatim_doc_comment)]
    Tables {
        /// Rapportfiler (tekst: UTF-8, UTF-16 med BOM eller Windows-1252).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Utdataformat.
        #[arg(long, value_enum, default_value_t = TablesFormat::Markdown)]
        format: TablesFormat,
        /// Skriv tellinger i stedet: tabeller, rader, celler, statusfelt, og linjer med
        /// tall som havnet utenfor alle tabeller.
        #[arg(long)]
        stats: bool,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Rik visning med utdrag av rapporten.
    Human,
    /// Én linje per funn.
    Concise,
    /// JSON (versjonert kontrakt, se README).
    Json,
    /// Én JSON-linje per funn.
    JsonLines,
    /// SARIF 2.1.0 (for kodeskanning).
    Sarif,
    /// GitHub Actions-annotasjoner (::error file=…,line=…::…).
    Github,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Nb,
    En,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum TablesFormat {
    /// Markdown tables, for reading.
    Markdown,
    /// JSON (versioned contract, see the README).
    Json,
    /// One CSV record per cell.
    Csv,
}

/// `RL101=2` → (`RL101`, 2): a rule code that exists and a non-negative number.
fn parse_tolerance(s: &str) -> Result<(String, rust_decimal::Decimal), String> {
    let (code, value) = s
        .split_once('=')
        .ok_or_else(|| format!("ventet KODE=VERDI, for eksempel RL101=2, fikk «{s}»"))?;
    let rule = rules::find(code.trim())
        .ok_or_else(|| format!("ukjent regel «{code}»; `rapportlint rules` lister dem"))?;
    let value: rust_decimal::Decimal = value
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("«{value}» er ikke et tall"))?;
    if value.is_sign_negative() {
        return Err(format!("toleransen kan ikke være negativ: {value}"));
    }
    Ok((rule.code.to_string(), value))
}

/// Lint one document (the rules, then the config's selection and severities).
type CheckFn<'a> = dyn Fn(&rapportlint::model::Document, &std::path::Path) -> (Vec<rules::Diagnostic>, rules::Checked)
    + Sync
    + 'a;

/// How a streaming lint run prints.
struct Stream<'a> {
    format: OutputFormat,
    lang: Lang,
    color: bool,
    threshold: Option<Severity>,
    baseline: Option<&'a std::path::Path>,
}

/// Files linted in batches read in parallel: each batch's findings are printed (or kept
/// as small JSON values) and its documents dropped, so memory stays bounded by the
/// largest batch, not the whole run.
fn lint_streaming(
    paths: &[PathBuf],
    vocab: &Vocab,
    check: &CheckFn<'_>,
    s: &Stream<'_>,
) -> miette::Result<ExitCode> {
    const BATCH: usize = 8;
    let (inputs, notes) = rapportlint::walk::expand(paths)?;
    for note in &notes {
        eprintln!("{note}");
    }
    let base = match s.baseline {
        Some(b) => Some(rapportlint::baseline::Baseline::read(b)?),
        None => None,
    };
    let bar = rapportlint::walk::progress(inputs.len());
    let level = fix::Level {
        unsafe_fixes: false,
    };
    let mut totals = report::Totals::default();
    let (mut files, mut diags, mut sarif) = (Vec::new(), Vec::new(), Vec::new());
    let (mut hidden, mut fixable, mut unsafe_left) = (0usize, 0usize, 0usize);
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    for batch in inputs.chunks(BATCH) {
        let (loaded, skipped) = rapportlint::walk::load(batch, vocab, bar.as_ref())?;
        for note in &skipped {
            eprintln!("{note}");
        }
        let per: Vec<(report::FileResult<'_>, usize, usize, usize)> = loaded
            .par_iter()
            .map(|l| {
                let (mut diagnostics, checked) = check(&l.doc, &l.path);
                let h = base
                    .as_ref()
                    .map_or(0, |b| b.hide(&l.doc, &mut diagnostics));
                let a = fix::apply(&l.doc.text, &diagnostics, level);
                let r = report::FileResult {
                    doc: &l.doc,
                    diagnostics,
                    checked,
                };
                (r, h, a.fixed, a.unsafe_left)
            })
            .collect();
        let mut results = Vec::with_capacity(per.len());
        for (r, h, f, u) in per {
            hidden += h;
            fixable += f;
            unsafe_left += u;
            totals.add(&r);
            failed |= s
                .threshold
                .is_some_and(|t| r.diagnostics.iter().any(|d| d.severity >= t));
            results.push(r);
        }
        let text = match s.format {
            OutputFormat::Human => report::human_body(&results, s.color, s.lang),
            OutputFormat::Concise => report::concise_body(&results, s.lang),
            OutputFormat::Github => report::github_body(&results),
            OutputFormat::JsonLines => report::json_lines(&results),
            OutputFormat::Json => {
                let (f, d) = report::json_values(&results);
                files.extend(f);
                diags.extend(d);
                String::new()
            }
            OutputFormat::Sarif => {
                sarif.extend(report::sarif_results(&results));
                String::new()
            }
        };
        let _ = write!(out, "{text}");
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let text = match s.format {
        OutputFormat::Human | OutputFormat::Concise | OutputFormat::Github => {
            report::summary_of(&totals, s.lang)
        }
        OutputFormat::Json => report::json_of(&totals, files, diags),
        OutputFormat::Sarif => report::sarif_of(sarif),
        OutputFormat::JsonLines => String::new(),
    };
    let _ = write!(out, "{text}");
    if matches!(s.format, OutputFormat::Human | OutputFormat::Concise) {
        if hidden > 0 {
            let _ = writeln!(
                out,
                "{}",
                match s.lang {
                    Lang::Nb => format!("{hidden} funn skjult av baseline."),
                    Lang::En => format!("{hidden} findings hidden by the baseline."),
                }
            );
        }
        if fixable + unsafe_left > 0 {
            let _ = writeln!(
                out,
                "{}",
                report::fixable_note(fixable, unsafe_left, s.lang)
            );
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> miette::Result<ExitCode> {
    let vocab = Vocab::embedded().map_err(|e| miette::miette!("innebygde regeldata: {e}"))?;
    match cli.command {
        Command::Lint {
            paths,
            output_format,
            fail_on,
            lang,
            show_rounding,
            tolerance,
            fix,
            unsafe_fixes,
            diff,
            config,
            no_config,
            baseline,
            update_baseline,
        } => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            let loaded = if no_config {
                rapportlint::config::Loaded::default()
            } else {
                rapportlint::config::find_and_load(config.as_deref(), &cwd)
                    .map_err(|e| miette::Report::new(*e))?
            };
            let mut vocab = vocab;
            loaded.extend_vocab(&mut vocab);
            let vocab = vocab;
            let fail_on = fail_on.unwrap_or(match loaded.config.fail_on {
                Some(rapportlint::config::FailOnName::Warning) => FailOn::Warning,
                Some(rapportlint::config::FailOnName::Info) => FailOn::Info,
                Some(rapportlint::config::FailOnName::Never) => FailOn::Never,
                _ => FailOn::Error,
            });
            let lang = match lang {
                LangArg::Nb => Lang::Nb,
                LangArg::En => Lang::En,
            };
            let mut opts = rules::Options::new(lang);
            opts.show_rounding = show_rounding;
            // The command line wins over the config.
            opts.tolerance = loaded
                .config
                .tolerance
                .clone()
                .into_iter()
                .chain(tolerance)
                .collect();
            let check = |doc: &rapportlint::model::Document, path: &std::path::Path| {
                let (mut diagnostics, checked) = rules::check_with(doc, &vocab, &opts);
                loaded.apply(&mut diagnostics, path);
                (diagnostics, checked)
            };
            let threshold = match fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Info => Some(Severity::Info),
                FailOn::Never => None,
            };
            let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal();
            if !(fix || diff || update_baseline) {
                return lint_streaming(
                    &paths,
                    &vocab,
                    &check,
                    &Stream {
                        format: output_format,
                        lang,
                        color,
                        threshold,
                        baseline: baseline.as_deref(),
                    },
                );
            }
            let (inputs, notes) = rapportlint::walk::expand(&paths)?;
            let bar = rapportlint::walk::progress(inputs.len());
            let (loaded_files, skipped) = rapportlint::walk::load(&inputs, &vocab, bar.as_ref())?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            for note in notes.iter().chain(&skipped) {
                eprintln!("{note}");
            }
            let mut docs = Vec::new();
            let mut sources = Vec::new();
            let mut paths = Vec::new();
            for l in loaded_files {
                docs.push(l.doc);
                sources.push(l.source);
                paths.push(l.path);
            }
            let level = fix::Level { unsafe_fixes };
            let (mut fixed, mut unsafe_left, mut fixable) = (0usize, 0usize, 0usize);
            let mut diffs = String::new();
            for ((doc, src), p) in docs.iter_mut().zip(&sources).zip(&paths) {
                let (diagnostics, _) = check(doc, p);
                let applied = fix::apply(&doc.text, &diagnostics, level);
                if !(fix || diff) {
                    fixable += applied.fixed;
                    unsafe_left += applied.unsafe_left;
                    continue;
                }
                unsafe_left += applied.unsafe_left;
                if applied.text == doc.text {
                    continue;
                }
                fixed += applied.fixed;
                if diff {
                    diffs.push_str(&fix::unified_diff(&src.path, &doc.text, &applied.text));
                    continue;
                }
                fix::write_atomic(p, &src.encode(&src.text)?, &src.encode(&applied.text)?)?;
                *doc = rapportlint::read_text(&src.path, applied.text, &vocab);
            }
            if diff {
                let mut out = std::io::stdout().lock();
                let _ = write!(out, "{diffs}");
                eprintln!("{}", report::fix_summary(fixed, unsafe_left, true, lang));
                return Ok(if diffs.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                });
            }
            let mut results: Vec<report::FileResult<'_>> = docs
                .par_iter()
                .zip(&paths)
                .map(|(doc, p)| {
                    let (diagnostics, checked) = check(doc, p);
                    report::FileResult {
                        doc,
                        diagnostics,
                        checked,
                    }
                })
                .collect();
            let mut hidden = 0;
            if let Some(bpath) = &baseline {
                if update_baseline {
                    let mut b = if bpath.exists() {
                        rapportlint::baseline::Baseline::read(bpath)?
                    } else {
                        rapportlint::baseline::Baseline::empty(bpath)
                    };
                    for r in &results {
                        b.record(r.doc, &r.diagnostics);
                    }
                    b.write()?;
                    println!(
                        "Skrev {} funn til {} (de skjules når den brukes med --baseline).",
                        b.len(),
                        bpath.display()
                    );
                    return Ok(ExitCode::SUCCESS);
                }
                let b = rapportlint::baseline::Baseline::read(bpath)?;
                for r in &mut results {
                    hidden += b.hide(r.doc, &mut r.diagnostics);
                }
            }
            let text = match output_format {
                OutputFormat::Human => report::human(&results, color, lang),
                OutputFormat::Concise => report::concise(&results, lang),
                OutputFormat::Json => report::json(&results),
                OutputFormat::JsonLines => report::json_lines(&results),
                OutputFormat::Sarif => report::sarif(&results),
                OutputFormat::Github => report::github(&results, lang),
            };
            let mut out = std::io::stdout().lock();
            let _ = write!(out, "{text}");
            if matches!(output_format, OutputFormat::Human | OutputFormat::Concise) {
                if hidden > 0 {
                    let _ = writeln!(
                        out,
                        "{}",
                        match lang {
                            Lang::Nb => format!("{hidden} funn skjult av baseline."),
                            Lang::En => format!("{hidden} findings hidden by the baseline."),
                        }
                    );
                }
                if fix {
                    let _ = writeln!(
                        out,
                        "{}",
                        report::fix_summary(fixed, unsafe_left, false, lang)
                    );
                } else if fixable + unsafe_left > 0 {
                    let _ = writeln!(out, "{}", report::fixable_note(fixable, unsafe_left, lang));
                }
            }
            let failed = threshold.is_some_and(|t| {
                results
                    .iter()
                    .flat_map(|r| &r.diagnostics)
                    .any(|d| d.severity >= t)
            });
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "rapportlint", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Init => {
            let path = PathBuf::from(rapportlint::config::FILE_NAME);
            if path.exists() {
                return Err(miette::miette!(
                    help = "Rediger den som finnes, eller slett den først.",
                    "{} finnes allerede",
                    path.display()
                ));
            }
            std::fs::write(&path, rapportlint::config::STARTER)
                .map_err(|e| miette::miette!("kan ikke skrive {}: {e}", path.display()))?;
            println!(
                "Skrev {} (alle nøklene står kommentert ut).",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules => {
            let mut out = std::io::stdout().lock();
            for r in rules::all() {
                let _ = writeln!(
                    out,
                    "{}  {:<20} {:<8} {}",
                    r.code,
                    r.name,
                    r.severity.name(Lang::Nb),
                    r.summary.0
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rule { code } => match rules::find(&code) {
            Some(r) => {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(
                    out,
                    "{} ({}), {}\n{}\n\n{}",
                    r.code,
                    r.name,
                    r.severity.name(Lang::Nb),
                    r.summary.0,
                    r.docs
                );
                Ok(ExitCode::SUCCESS)
            }
            None => Err(miette::miette!(
                help = "`rapportlint rules` lister alle regler.",
                "ukjent regel: {code}"
            )),
        },
        Command::Tables {
            paths,
            format,
            stats,
        } => {
            let (inputs, notes) = rapportlint::walk::expand(&paths)?;
            let (loaded_files, skipped) = rapportlint::walk::load(&inputs, &vocab, None)?;
            for note in notes.iter().chain(&skipped) {
                eprintln!("{note}");
            }
            let docs: Vec<rapportlint::model::Document> =
                loaded_files.into_iter().map(|l| l.doc).collect();
            let mut out = std::io::stdout().lock();
            let text = if stats {
                let all: Vec<output::Stats> =
                    docs.iter().map(|d| output::stats(d, &vocab)).collect();
                match format {
                    TablesFormat::Json => {
                        serde_json::to_string_pretty(&all).map_err(|e| miette::miette!("{e}"))?
                    }
                    _ => all
                        .iter()
                        .map(output::stats_text)
                        .collect::<Vec<_>>()
                        .join("\n"),
                }
            } else {
                match format {
                    TablesFormat::Json => output::tables_json(&docs),
                    TablesFormat::Csv => {
                        output::tables_csv(&docs).map_err(|e| miette::miette!("{e}"))?
                    }
                    TablesFormat::Markdown => output::tables_markdown(&docs),
                }
            };
            // A closed pipe (`| head`) is not an error.
            let _ = writeln!(out, "{text}");
            Ok(ExitCode::SUCCESS)
        }
    }
}
