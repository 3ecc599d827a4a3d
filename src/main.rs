//! The `rapportlint` command line.

use clap::{Parser, Subcommand, ValueEnum};
use rapportlint::output;
use rapportlint::source;
use rapportlint::vocab::Vocab;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Data-quality linter for Norwegian municipal reports.
///
/// rapportlint reads the text of a report (as `pdftotext rapport.pdf` writes it),
/// rebuilds its tables and checks them.
///
/// Examples:
///   rapportlint tables rapport.txt                 show how each table was read
///   rapportlint tables rapport.txt --format json   the same, as JSON for other tools
///   rapportlint tables rapport.txt --stats         counts of tables, rows, cells, status fields
#[derive(Parser, Debug)]
#[command(name = "rapportlint", version, about, long_about, verbatim_doc_comment)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Show how each table of a report was read.
    ///
    /// Prints every table found: title, unit, lines, columns (name, kind, period) and
    /// rows with their cells. Use it to see what the rules will check.
    #[command(verbatim_doc_comment)]
    Tables {
        /// Report text files (UTF-8).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TablesFormat::Markdown)]
        format: TablesFormat,
        /// Print counts instead: tables, rows, cells, status fields, and lines with
        /// numbers that ended up outside any table.
        #[arg(long)]
        stats: bool,
    },
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
        Command::Tables {
            paths,
            format,
            stats,
        } => {
            let mut docs = Vec::new();
            for p in &paths {
                let src = source::read(p)?;
                docs.push(rapportlint::read_text(&src.path, src.text, &vocab));
            }
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
