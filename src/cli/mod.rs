//! The command line: `knoop new`, `list`, `check`, `open`, `export`, `vervolg`, `demo`,
//! `overzicht` and the rest, in Dutch or English.
//!
//! clap's derive gives the shape (here); the help texts come from [`crate::i18n`] so that
//! `--lang en` switches them (`localize`); each command's work is in `commands` (files and
//! reports, printed) or `screens` (the full-screen programs). Exit codes: 0 fine, 1 bad
//! input or file, 2 wrong usage.

mod commands;
mod localize;
mod screens;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{FromArgMatches, Parser, Subcommand};

use crate::i18n::{Lang, fill};
use crate::model::template;
use crate::store::{self};

use commands::*;
pub use commands::{holder_text, summary};
pub use localize::command;
use localize::lang_from_args;
use screens::*;

/// Exit code for bad input or a bad file.
pub const EXIT_BAD_INPUT: u8 = 1;

/// Exit code for wrong usage of the command line.
pub const EXIT_USAGE: u8 = 2;

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(name = "knoop", version, disable_help_subcommand = true)]
pub struct Cli {
    /// Language.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Sessions folder.
    #[arg(long, global = true, value_name = "MAP")]
    pub dir: Option<PathBuf>,
    /// Colours.
    #[arg(long, global = true, value_parser = PossibleValuesParser::new(["contrast", "light"]))]
    pub theme: Option<String>,
    /// Port for the ballot box.
    #[arg(long, global = true, value_name = "POORT")]
    pub port: Option<u16>,
    /// The laptop's address phones reach the ballot box on.
    #[arg(long, global = true, value_name = "ADRES")]
    pub bind: Option<std::net::IpAddr>,
    /// Adds the system's or the parser's original (English) words to an error, for whoever
    /// helps the facilitator; without it no such words are shown.
    #[arg(long, global = true)]
    pub verbose: bool,
    /// What to do; none opens the session picker.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a new session.
    New {
        /// Title.
        #[arg(long, value_name = "TITEL")]
        title: String,
        /// Template.
        #[arg(long, default_value = "preventiematrix", value_parser = PossibleValuesParser::new(template::ALL.map(|t| t.key)))]
        template: String,
    },
    /// List sessions.
    List,
    /// Check files.
    Check {
        /// Files.
        #[arg(required = true, value_name = "BESTAND")]
        files: Vec<PathBuf>,
    },
    /// Open a session.
    Open {
        /// File.
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
    /// Write the report of a session.
    Export {
        /// File.
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Format.
        #[arg(long, value_enum, default_value = "md")]
        format: crate::report::Format,
        /// Output.
        #[arg(short = 'o', long = "out", value_name = "UIT")]
        out: Option<PathBuf>,
        /// Byte-order mark.
        #[arg(long, conflicts_with = "no_bom")]
        bom: bool,
        /// No byte-order mark.
        #[arg(long = "zonder-bom", visible_alias = "no-bom")]
        no_bom: bool,
        /// Separator.
        #[arg(long, value_parser = PossibleValuesParser::new([";", ",", "tab", "|"]))]
        sep: Option<String>,
        /// Table.
        #[arg(long = "tabel", visible_alias = "table", value_enum, default_value = "acties")]
        tabel: crate::report::Table,
    },
    /// Make the follow-up meeting of a session.
    #[command(alias = "follow-up")]
    Vervolg {
        /// File.
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
    /// The regional overview across every session in a folder.
    Overzicht {
        /// Folder.
        #[arg(value_name = "MAP")]
        map: PathBuf,
        /// Output file.
        #[arg(long = "naar", visible_alias = "to", value_name = "BESTAND")]
        naar: Option<PathBuf>,
        /// Gemeente filter.
        #[arg(long)]
        gemeente: Option<String>,
        /// Wijk filter.
        #[arg(long)]
        wijk: Option<String>,
        /// Samenwerkingsverband filter.
        #[arg(long)]
        swv: Option<String>,
        /// School type filter.
        #[arg(long, value_parser = PossibleValuesParser::new(crate::model::SchoolType::ALL.map(|t| t.key())))]
        soort: Option<String>,
        /// Year filter.
        #[arg(long)]
        jaar: Option<i16>,
    },
    /// Write a made-up region.
    Genereer {
        /// Folder.
        #[arg(value_name = "MAP")]
        map: PathBuf,
        /// How many sessions.
        #[arg(long, default_value_t = 60)]
        aantal: usize,
    },
    /// Read figures per theme from a CSV file into a session.
    #[command(name = "importeer-cijfers", alias = "import-figures")]
    ImporteerCijfers {
        /// Session file.
        #[arg(value_name = "SESSIE")]
        file: PathBuf,
        /// CSV file.
        #[arg(value_name = "CSV")]
        csv: PathBuf,
    },
    /// Write the shell's Tab completion.
    Completions {
        /// Shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man page.
    Manpage {
        /// Output.
        #[arg(short = 'o', long = "out")]
        out: Option<PathBuf>,
    },
    /// Practise on a copy of the example sessions.
    Demo {
        /// In a temporary folder.
        #[arg(long, visible_alias = "temporary")]
        tijdelijk: bool,
        /// Start over.
        #[arg(long)]
        reset: bool,
    },
    /// Write the one-page cheat sheet.
    #[command(alias = "cheatsheet")]
    Spiekbrief {
        /// Output.
        #[arg(short = 'o', long = "out")]
        out: Option<PathBuf>,
    },
}

/// Runs knoop with these arguments (the first is the program name).
pub fn run(args: Vec<OsString>) -> ExitCode {
    let env = |k: &str| std::env::var(k).ok();
    let lang = Lang::detect(lang_from_args(&args), env);
    let cli =
        match command(lang).try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m)) {
            Ok(cli) => cli,
            Err(e) => return usage_error(lang, &e),
        };
    let t = lang.texts();
    let mut out = std::io::stdout().lock();
    let verbose = cli.verbose;
    let view = View { theme: cli.theme.as_deref(), port: cli.port, bind: cli.bind, verbose };
    let result = match cli.command {
        Some(Command::Check { files }) => check(lang, &files, verbose, &mut out),
        Some(Command::Open { file }) => open(lang, &file, view, &mut out),
        Some(Command::Vervolg { file }) => follow_up(lang, &file, view, &mut out),
        Some(Command::ImporteerCijfers { file, csv }) => {
            import_figures(lang, &file, &csv, verbose, &mut out)
        }
        Some(Command::Export { file, format, out: target, bom, no_bom, sep, tabel }) => {
            let options = crate::report::Options {
                bom: if bom {
                    Some(true)
                } else if no_bom {
                    Some(false)
                } else {
                    None
                },
                separator: sep.map(|s| if s == "tab" { b'\t' } else { s.as_bytes()[0] }),
                table: tabel,
                exported: Some(jiff::ZonedDateTime::now().date()),
            };
            export(lang, &file, format, target.as_deref(), options, verbose, &mut out)
        }
        Some(Command::Overzicht { map, naar, gemeente, wijk, swv, soort, jaar }) => {
            let filter = crate::overzicht::Filter {
                gemeente,
                wijk,
                samenwerkingsverband: swv,
                school_type: soort.as_deref().and_then(crate::model::SchoolType::from_key),
                year: jaar,
            };
            overzicht(lang, &map, naar.as_deref(), filter, view, &mut out)
        }
        Some(Command::Genereer { map, aantal }) => genereer(lang, &map, aantal, &mut out),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut command(lang), "knoop", &mut out);
            Ok(())
        }
        Some(Command::Manpage { out: target }) => manpage(lang, target.as_deref(), &mut out),
        Some(Command::Demo { tijdelijk, reset }) => demo(lang, tijdelijk, reset, view, &mut out),
        Some(Command::Spiekbrief { out: target }) => spiekbrief(lang, target.as_deref(), &mut out),
        Some(Command::New { title, template }) => {
            with_dir(lang, cli.dir, |dir| new(lang, dir, &title, &template, view, &mut out))
        }
        None if on_terminal() => with_dir(lang, cli.dir, |dir| picker(lang, dir, view)),
        Some(Command::List) | None => with_dir(lang, cli.dir, |dir| list(lang, dir, &mut out)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Bad(message)) => {
            let _ = out.flush();
            eprintln!("{message}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("{}\n{}", fill(t.cli_usage_error, &[&message]), t.cli_usage_hint);
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// How the full-screen program looks and listens, and how errors are told: `--theme`,
/// `--port`, `--verbose`.
#[derive(Clone, Copy, Debug)]
struct View<'a> {
    theme: Option<&'a str>,
    port: Option<u16>,
    bind: Option<std::net::IpAddr>,
    verbose: bool,
}

/// How a command failed.
enum Failure {
    /// Bad input or a bad file: exit 1 with this message.
    Bad(String),
    /// Wrong usage: exit 2.
    Usage(String),
}

type Outcome = Result<(), Failure>;

fn usage_error(lang: Lang, e: &clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    if lang == Lang::En {
        let _ = e.print();
        return ExitCode::from(EXIT_USAGE);
    }
    // clap words its errors in English; say it in Dutch, keeping the argument it is about.
    let about =
        [ContextKind::InvalidArg, ContextKind::InvalidSubcommand, ContextKind::InvalidValue]
            .into_iter()
            .find_map(|k| match e.get(k) {
                Some(ContextValue::String(s)) => Some(s.clone()),
                Some(ContextValue::Strings(s)) => Some(s.join(", ")),
                _ => None,
            })
            .unwrap_or_default();
    let t = lang.texts();
    let what = match e.kind() {
        ErrorKind::UnknownArgument => fill(t.cli_unknown_option, &[&about]),
        ErrorKind::InvalidSubcommand => fill(t.cli_unknown_command, &[&about]),
        ErrorKind::InvalidValue => {
            let valid = match e.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(v)) => fill(t.cli_choose_from, &[&v.join(", ")]),
                _ => String::new(),
            };
            fill(t.cli_invalid_value, &[&about, &valid])
        }
        ErrorKind::MissingRequiredArgument => fill(t.cli_missing, &[&about]),
        ErrorKind::MissingSubcommand => t.cli_missing_command.to_owned(),
        ErrorKind::TooManyValues | ErrorKind::ArgumentConflict => fill(t.cli_conflict, &[&about]),
        _ => e.kind().to_string(),
    };
    eprintln!("{}\n{}", fill(t.cli_usage_error, &[&what]), t.cli_usage_hint);
    ExitCode::from(EXIT_USAGE)
}

fn with_dir(lang: Lang, cli_dir: Option<PathBuf>, f: impl FnOnce(&Path) -> Outcome) -> Outcome {
    let t = lang.texts();
    let dir = store::sessions_dir(cli_dir, std::env::var("KNOOP_DIR").ok())
        .ok_or_else(|| Failure::Bad(t.folder_unknown.to_owned()))?;
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::Bad(fill(t.folder_create_failed, &[&dir.display(), &e])))?;
    f(&dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed_in_both_languages() {
        command(Lang::Nl).debug_assert();
        command(Lang::En).debug_assert();
    }

    #[test]
    fn lang_is_read_before_clap() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_from_args(&args(&["knoop", "--lang", "en", "list"])), Some(Lang::En));
        assert_eq!(lang_from_args(&args(&["knoop", "list", "--lang=nl"])), Some(Lang::Nl));
        assert_eq!(lang_from_args(&args(&["knoop", "list"])), None);
    }
}
