//! The command line: `knoop new`, `list`, `check`, `open`, in Dutch or English.
//!
//! clap's derive gives the shape; the help texts come from [`crate::i18n`] so that `--lang en`
//! switches them. Exit codes: 0 fine, 1 bad input or file, 2 wrong usage.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::app::{App, Overlay, Picker, PickerEntry, PickerOutcome, Review};
use crate::i18n::{Lang, Texts, date_text, fill, moment_text};
use crate::model::{ActivityStatus, Session, template};
use crate::store::{self, Access, LockInfo, OpenError, ReadOnlyReason};
use crate::ui::Palette;

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

/// The language asked for on the command line, read before clap so that clap's own help and
/// errors can already be in it.
fn lang_from_args(args: &[OsString]) -> Option<Lang> {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        if let Some(tag) = arg.strip_prefix("--lang=") {
            return Lang::from_tag(tag);
        }
        if arg == "--lang" {
            return iter.next().and_then(Lang::from_tag);
        }
    }
    None
}

/// One subcommand's texts: about, usage line, and (argument, value name, help) per argument.
struct SubTexts {
    name: &'static str,
    about: &'static str,
    usage: String,
    args: Vec<(&'static str, &'static str, &'static str)>,
}

/// The clap command with every help text in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let t = lang.texts();
    let (title, file, dir, template) =
        (t.cli_value_title, t.cli_value_file, t.cli_value_dir, t.cli_value_template);
    let subs = [
        SubTexts {
            name: "new",
            about: t.cli_new,
            usage: format!("knoop new --title <{title}> [--template <{template}>]"),
            args: vec![
                ("title", title, t.cli_new_title),
                ("template", template, t.cli_new_template),
            ],
        },
        SubTexts {
            name: "list",
            about: t.cli_list,
            usage: format!("knoop list [--dir <{dir}>]"),
            args: vec![],
        },
        SubTexts {
            name: "check",
            about: t.cli_check,
            usage: format!("knoop check <{file}>..."),
            args: vec![("files", file, t.cli_check_files)],
        },
        SubTexts {
            name: "export",
            about: t.cli_export,
            usage: format!(
                "knoop export <{file}> [--format md|csv|html|xlsx] [-o <{file}>] [--tabel <{}>] [--sep <{}>] [--bom|--zonder-bom]",
                t.cli_value_table, t.cli_value_sep
            ),
            args: vec![
                ("file", file, t.cli_export_file),
                ("format", t.cli_value_format, t.cli_export_format),
                ("out", file, t.cli_export_out),
                ("bom", "", t.cli_export_bom),
                ("no_bom", "", t.cli_export_no_bom),
                ("sep", t.cli_value_sep, t.cli_export_sep),
                ("tabel", t.cli_value_table, t.cli_export_table),
            ],
        },
        SubTexts {
            name: "completions",
            about: t.cli_completions,
            usage: format!("knoop completions <{}>", t.cli_value_shell),
            args: vec![("shell", t.cli_value_shell, t.cli_completions_shell)],
        },
        SubTexts {
            name: "manpage",
            about: t.cli_manpage,
            usage: format!("knoop manpage [-o <{file}>]"),
            args: vec![("out", file, t.cli_manpage_out)],
        },
        SubTexts {
            name: "vervolg",
            about: t.cli_follow_up,
            usage: format!("knoop vervolg <{file}>"),
            args: vec![("file", file, t.cli_follow_up_file)],
        },
        SubTexts {
            name: "overzicht",
            about: t.cli_overzicht,
            usage: format!(
                "knoop overzicht <{dir}> [--naar <{file}>] [--gemeente GEMEENTE] [--wijk WIJK] [--swv SWV] [--soort po|so|vo|mbo|kinderopvang] [--jaar JAAR]"
            ),
            args: vec![
                ("map", dir, t.cli_overzicht_dir),
                ("naar", file, t.cli_overzicht_naar),
                ("gemeente", "GEMEENTE", t.cli_overzicht_gemeente),
                ("wijk", "WIJK", t.cli_overzicht_wijk),
                ("swv", "SWV", t.cli_overzicht_swv),
                ("soort", "SOORT", t.cli_overzicht_soort),
                ("jaar", "JAAR", t.cli_overzicht_jaar),
            ],
        },
        SubTexts {
            name: "genereer",
            about: t.cli_genereer,
            usage: format!("knoop genereer <{dir}> [--aantal <{}>]", t.cli_value_count),
            args: vec![
                ("map", dir, t.cli_genereer_dir),
                ("aantal", t.cli_value_count, t.cli_genereer_aantal),
            ],
        },
        SubTexts {
            name: "importeer-cijfers",
            about: t.cli_import_figures,
            usage: format!("knoop importeer-cijfers <{file}> <CSV>"),
            args: vec![("file", file, t.cli_import_session), ("csv", "CSV", t.cli_import_csv)],
        },
        SubTexts {
            name: "open",
            about: t.cli_open,
            usage: format!("knoop open <{file}>"),
            args: vec![("file", file, t.cli_open_file)],
        },
        SubTexts {
            name: "demo",
            about: t.cli_demo,
            usage: "knoop demo [--tijdelijk] [--reset]".to_owned(),
            args: vec![("tijdelijk", "", t.cli_demo_temp), ("reset", "", t.cli_demo_reset)],
        },
        SubTexts {
            name: "spiekbrief",
            about: t.cli_spiekbrief,
            usage: format!("knoop spiekbrief [--lang en] [-o <{file}>]"),
            args: vec![("out", file, t.cli_spiekbrief_out)],
        },
    ];
    let mut cmd = localize(Cli::command(), t, true)
        .override_usage(format!("knoop [{}] [{}]", t.cli_value_options, t.cli_value_command))
        .about(t.cli_about)
        .subcommand_help_heading(t.cli_commands_heading)
        .mut_arg("lang", |a| a.help(t.cli_lang).hide_possible_values(true))
        .mut_arg("dir", |a| a.help(t.cli_dir).value_name(dir))
        .mut_arg("theme", |a| a.help(t.cli_theme).hide_possible_values(true))
        .mut_arg("port", |a| a.help(t.cli_port).value_name(t.cli_value_port))
        .mut_arg("bind", |a| a.help(t.cli_bind).value_name(t.cli_value_address))
        .mut_arg("verbose", |a| a.help(t.cli_verbose));
    for sub_texts in subs {
        cmd = cmd.mut_subcommand(sub_texts.name, |mut sub| {
            for (arg, value, help) in sub_texts.args {
                sub = sub.mut_arg(arg, |a| {
                    let a = a.help(help);
                    if a.get_action().takes_values() {
                        a.value_name(value).hide_possible_values(true).hide_default_value(true)
                    } else {
                        a
                    }
                });
            }
            localize(sub, t, false).about(sub_texts.about).override_usage(sub_texts.usage)
        });
    }
    cmd
}

/// Dutch or English headings and help/version flags for one (sub)command.
fn localize(cmd: clap::Command, t: &Texts, top: bool) -> clap::Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t.cli_usage_heading
    );
    let ids: Vec<(String, bool)> =
        cmd.get_arguments().map(|a| (a.get_id().to_string(), a.is_positional())).collect();
    let mut cmd = cmd.help_template(template).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t.cli_help)
            .help_heading(t.cli_options_heading),
    );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t.cli_version)
                .help_heading(t.cli_options_heading),
        );
    }
    for (id, positional) in ids {
        let heading = if positional { t.cli_args_heading } else { t.cli_options_heading };
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading));
    }
    cmd
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

fn new(
    lang: Lang,
    dir: &Path,
    title: &str,
    template_key: &str,
    view: View,
    out: &mut impl Write,
) -> Outcome {
    let title = title.trim();
    if title.is_empty() {
        return Err(Failure::Usage("--title".to_owned()));
    }
    let template =
        template::by_key(template_key).ok_or_else(|| Failure::Usage(template_key.to_owned()))?;
    let session = Session::new(title, template, Timestamp::now());
    let path =
        store::create(dir, &session).map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    let _ = writeln!(out, "{}", fill(lang.texts().created_at, &[&path.display()]));
    if !on_terminal() {
        return Ok(());
    }
    let opened = store::open(&path, Timestamp::now())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    full_screen(lang, opened, view, false)
}

fn list(lang: Lang, dir: &Path, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let listed =
        store::list(dir).map_err(|e| Failure::Bad(fill(t.load_io, &[&dir.display(), &e])))?;
    if listed.is_empty() {
        let _ = writeln!(out, "{}", fill(t.list_empty, &[&dir.display()]));
        return Ok(());
    }
    let zone = TimeZone::system();
    let rows: Vec<[String; 4]> = listed
        .iter()
        .map(|l| match &l.session {
            Ok(s) => [
                s.title.clone(),
                s.meeting_date.map_or_else(|| t.no_date.to_owned(), |d| date_text(lang, d)),
                moment_text(lang, s.updated, &zone),
                l.path.display().to_string(),
            ],
            Err(_) => [
                fill(t.list_unreadable, &[&l.path.display()]),
                String::new(),
                String::new(),
                l.path.display().to_string(),
            ],
        })
        .collect();
    let header =
        [t.list_col_title, t.list_col_date, t.list_col_changed, t.list_col_file].map(str::to_owned);
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().chain([&header]).map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let _ = writeln!(out, "{}", fill(t.list_header, &[&dir.display()]));
    for row in [&header].into_iter().chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        let _ = writeln!(out, "  {}", cells.join("  ").trim_end());
    }
    Ok(())
}

fn check(lang: Lang, files: &[PathBuf], verbose: bool, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let mut problems = Vec::new();
    for file in files {
        match store::load(file) {
            Ok(session) => {
                let _ = writeln!(out, "{}", fill(t.check_ok, &[&file.display(), &session.title]));
            }
            Err(e) => problems.push(e.report(lang, verbose)),
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(Failure::Bad(problems.join("\n\n"))) }
}

/// Who holds a lock, in words (never a blank name); see [`crate::i18n::errors::holder_text`].
pub fn holder_text(lang: Lang, holder: Option<&LockInfo>) -> String {
    crate::i18n::errors::holder_text(lang, holder)
}

fn open(lang: Lang, file: &Path, view: View, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let opened = store::open(file, Timestamp::now())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    if let Some(took_over) = opened.took_over_message(lang) {
        let _ = writeln!(out, "{took_over}");
    }
    if let Access::ReadOnly(why) = &opened.access {
        let told = why.report(lang, file, view.verbose);
        let _ = writeln!(out, "{}", fill(t.open_read_only, &[&told]));
    }
    if !on_terminal() {
        // Not on a terminal (a pipe, a script): say what the session holds instead.
        let _ = writeln!(out, "{}", summary(lang, &opened.session));
        return Ok(());
    }
    full_screen(lang, opened, view, false)
}

/// `knoop export`: the report beside the session (or at `-o`, or on stdout with `-o -`).
/// A CSV of another table than the actions is named after it: `NAME-stemmen.csv`.
fn export(
    lang: Lang,
    file: &Path,
    format: crate::report::Format,
    target: Option<&Path>,
    options: crate::report::Options,
    verbose: bool,
    out: &mut impl Write,
) -> Outcome {
    use crate::report::{Format, Table};
    let t = lang.texts();
    let session = store::load(file).map_err(|e| Failure::Bad(e.report(lang, verbose)))?;
    let bytes = crate::report::try_render(&session, format, lang, options)
        .map_err(|e| Failure::Bad(e.message(lang)))?;
    if target == Some(Path::new("-")) {
        let _ = out.write_all(&bytes);
        return Ok(());
    }
    let beside = || match (format, options.table) {
        (Format::Csv, table) if table != Table::Acties => {
            let stem = file.file_stem().unwrap_or_default().to_string_lossy();
            file.with_file_name(format!("{stem}-{}.csv", table.key()))
        }
        _ => file.with_extension(format.extension()),
    };
    let path = target.map_or_else(beside, Path::to_owned);
    store::write_replace(&path, &bytes).map_err(|e| {
        let mut message = fill(t.rep_write_failed, &[&e.report(lang, verbose)]);
        // Windows refuses to replace a file another program holds open, as Excel does with
        // the workbook or CSV it shows; say what to do about it.
        if e.source.kind() == std::io::ErrorKind::PermissionDenied {
            message.push('\n');
            message.push_str(&fill(t.rep_write_in_use, &[&path.display()]));
        }
        Failure::Bad(message)
    })?;
    let _ = writeln!(out, "{}", fill(t.rep_written, &[&path.display()]));
    Ok(())
}

/// `knoop manpage`: the man page (roff) of the same command line as `--help`, on stdout or in
/// a file.
fn manpage(lang: Lang, target: Option<&Path>, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let mut page = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(command(lang)).render(&mut page);
    match target {
        None => {
            let _ = out.write_all(&page);
        }
        Some(path) if path == Path::new("-") => {
            let _ = out.write_all(&page);
        }
        Some(path) => {
            store::write_replace(path, &page)
                .map_err(|e| Failure::Bad(fill(t.rep_write_failed, &[&e.message(lang)])))?;
            let _ = writeln!(out, "{}", fill(t.rep_written, &[&path.display()]));
        }
    }
    Ok(())
}

/// Makes the follow-up of the session at `path` as a new file in `dir`.
fn make_follow_up(lang: Lang, path: &Path, dir: &Path, verbose: bool) -> Result<PathBuf, String> {
    let session = store::load(path).map_err(|e| e.report(lang, verbose))?;
    let title = format!("{} ({})", session.title, lang.texts().follow_up_suffix);
    let next = session.follow_up(&title, &follows_name(path), Timestamp::now());
    store::create(dir, &next).map_err(|e| e.report(lang, verbose))
}

/// `knoop vervolg FILE`: the follow-up meeting's session beside FILE, opened on its carried
/// actions (or its path printed when not on a terminal).
fn follow_up(lang: Lang, file: &Path, view: View, out: &mut impl Write) -> Outcome {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let path = make_follow_up(lang, file, &dir, view.verbose).map_err(Failure::Bad)?;
    let _ = writeln!(out, "{}", fill(lang.texts().created_at, &[&path.display()]));
    if !on_terminal() {
        return Ok(());
    }
    let opened = store::open(&path, Timestamp::now())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    full_screen(lang, opened, view, true)
}

/// `knoop importeer-cijfers SESSIE CSV`: a GGD's figures per theme into the session, all
/// rows or none: a row that names no theme of the session stops the import with its line.
fn import_figures(
    lang: Lang,
    file: &Path,
    csv: &Path,
    verbose: bool,
    out: &mut impl Write,
) -> Outcome {
    use crate::model::FactRefusal;
    let t = lang.texts();
    let text = std::fs::read_to_string(csv)
        .map_err(|e| Failure::Bad(fill(t.import_read_failed, &[&csv.display(), &e])))?;
    let opened =
        store::open(file, Timestamp::now()).map_err(|e| Failure::Bad(e.report(lang, verbose)))?;
    if let Access::ReadOnly(why) = &opened.access {
        let why = match why {
            ReadOnlyReason::HeldElsewhere(holder) => holder_text(lang, holder.as_ref()),
            other => other.reason(lang).to_owned(),
        };
        return Err(Failure::Bad(fill(t.import_read_only, &[&why])));
    }
    let mut session = opened.session;
    let facts = match crate::model::parse_facts(&text, &session.matrix) {
        Ok(facts) => facts,
        Err(refused) => {
            let mut message = fill(t.import_refused, &[&refused.len()]);
            for row in &refused {
                let line = match &row.why {
                    FactRefusal::UnknownTheme(name) => {
                        fill(t.import_row_unknown, &[&row.line, name])
                    }
                    FactRefusal::BadYear(year) => fill(t.import_row_year, &[&row.line, year]),
                    FactRefusal::Empty => fill(t.import_row_empty, &[&row.line]),
                    FactRefusal::Unreadable(why) => {
                        fill(t.import_row_unreadable, &[&row.line, why])
                    }
                };
                message.push_str(&format!("\n  {line}"));
            }
            message.push_str(&format!("\n{}", t.import_hint));
            return Err(Failure::Bad(message));
        }
    };
    let count = facts.len();
    for (theme, fact) in facts {
        if let Ok(row) = session.matrix.theme_mut(theme) {
            row.facts.push(fact);
        }
    }
    session.touch(Timestamp::now());
    store::save(&opened.path, &session).map_err(|e| Failure::Bad(e.report(lang, verbose)))?;
    let _ = writeln!(out, "{}", fill(t.import_done, &[&count, &file.display()]));
    Ok(())
}

/// The file name a follow-up records as the session it follows.
fn follows_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Why a session could not be opened, in words.
fn open_error(lang: Lang, e: OpenError, verbose: bool) -> String {
    e.report(lang, verbose)
}

fn on_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

fn palette(theme: Option<&str>) -> Palette {
    Palette::choose(theme, std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
}

/// Runs the full-screen program on an opened session, offering a recovery file if a crash
/// left one.
fn full_screen(lang: Lang, opened: store::Opened, view: View, review: bool) -> Outcome {
    full_screen_with(lang, opened, view, review, |_| {})
}

/// [`full_screen`], with `prepare` changing the app before it shows (the demo's notice).
fn full_screen_with(
    lang: Lang,
    opened: store::Opened,
    view: View,
    review: bool,
    prepare: impl FnOnce(&mut App),
) -> Outcome {
    let read_only = match &opened.access {
        Access::ReadOnly(ReadOnlyReason::HeldElsewhere(holder)) => {
            Some(holder_text(lang, holder.as_ref()))
        }
        Access::ReadOnly(why) => Some(why.reason(lang).to_owned()),
        Access::Editable(_) => None,
    };
    let data_dir = store::recovery_dir(std::env::var("KNOOP_RECOVERY_DIR").ok());
    let recovered = match read_only {
        None => store::pending_recovery(&opened.path, data_dir.as_deref(), &opened.session)
            .map(|r| r.session),
        Some(_) => None,
    };
    let took_over = opened.took_over_message(lang);
    let mut app = App::new(opened.session, opened.path.clone(), lang);
    app.read_only = read_only;
    if let Some(recovered) = recovered {
        app.overlay = Overlay::Recovery(Box::new(recovered));
    } else if review && let Some(review) = Review::of(&app.session) {
        // The first screen of a follow-up meeting: the carried actions, one key each.
        app.focus = crate::app::Pane::Acties;
        app.overlay = Overlay::Review(review);
    }
    prepare(&mut app);
    if let Some(text) = took_over {
        // A crashed knoop's lock was taken over: say so until the facilitator has seen it.
        let then = Box::new(std::mem::take(&mut app.overlay));
        app.overlay = Overlay::Notice { text, then };
    }
    let options =
        crate::runtime::Options { port: view.port, bind: view.bind, recovery_dir: data_dir };
    let result = crate::runtime::run(app, palette(view.theme), options);
    drop(opened.access);
    let ended = result.map_err(|e| Failure::Bad(e.to_string()))?;
    if let Some(farewell) = ended.farewell {
        println!("{farewell}");
    }
    Ok(())
}

/// `knoop demo`: copies of the example sessions in the demo folder (or a temporary one), the
/// first opened with the status line saying it is a copy. Not on a terminal, it says where the
/// copies are and what the first holds.
fn demo(lang: Lang, temporary: bool, reset: bool, view: View, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let recovery = store::recovery_dir(std::env::var("KNOOP_RECOVERY_DIR").ok());
    // Kept until knoop ends, then removed with everything in it.
    let temp = if temporary {
        let made = tempfile::Builder::new().prefix("knoop-demo-").tempdir();
        Some(made.map_err(|e| {
            let dir = std::env::temp_dir();
            Failure::Bad(fill(t.folder_create_failed, &[&dir.display(), &e]))
        })?)
    } else {
        None
    };
    let dir = match &temp {
        Some(temp) => temp.path().to_owned(),
        None => crate::demo::demo_dir().ok_or_else(|| Failure::Bad(t.folder_unknown.to_owned()))?,
    };
    let prepared = crate::demo::prepare(&dir, reset, recovery.as_deref())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    let said = match (reset, prepared.fresh) {
        (true, _) => t.demo_reset_done,
        (false, true) => t.demo_ready,
        (false, false) => t.demo_kept,
    };
    let _ = writeln!(out, "{}", fill(said, &[&dir.display()]));
    if !on_terminal() {
        let session =
            store::load(&prepared.first).map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
        let _ = writeln!(out, "{}", prepared.first.display());
        let _ = writeln!(out, "{}", summary(lang, &session));
        return Ok(());
    }
    let opened = store::open(&prepared.first, Timestamp::now())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    let result = full_screen_with(lang, opened, view, false, |app| {
        app.demo = Some(dir.clone());
        app.message = Some(t.demo_opened.to_owned());
    });
    drop(temp);
    result
}

/// `knoop spiekbrief`: the one-page cheat sheet as HTML, in `spiekbrief.html` (or at `-o`, or
/// on stdout with `-o -`).
fn spiekbrief(lang: Lang, target: Option<&Path>, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let page = crate::report::spiekbrief::render(lang);
    let path = target.unwrap_or(Path::new("spiekbrief.html"));
    if path == Path::new("-") {
        let _ = out.write_all(page.as_bytes());
        return Ok(());
    }
    store::write_replace(path, page.as_bytes())
        .map_err(|e| Failure::Bad(fill(t.rep_write_failed, &[&e.message(lang)])))?;
    let _ = writeln!(out, "{}", fill(t.sb_written, &[&path.display()]));
    Ok(())
}

/// `knoop` without a command on a terminal: the session picker, then the chosen session.
fn picker(lang: Lang, dir: &Path, view: View) -> Outcome {
    let mut message = None;
    loop {
        let listed = store::list(dir)
            .map_err(|e| Failure::Bad(fill(lang.texts().load_io, &[&dir.display(), &e])))?;
        let entries = listed.iter().map(|l| PickerEntry::from_listed(l, lang)).collect();
        let mut picker = Picker::new(lang, dir.to_owned(), entries, TimeZone::system());
        picker.message = message.take();
        let outcome = crate::runtime::pick(&mut picker, palette(view.theme))
            .map_err(|e| Failure::Bad(e.to_string()))?;
        let review = matches!(outcome, PickerOutcome::FollowUp(_));
        let made = match outcome {
            PickerOutcome::Quit => return Ok(()),
            PickerOutcome::Open(path) => Ok(path),
            PickerOutcome::Create { title, template } => {
                let template = template::by_key(template).unwrap_or(&template::PREVENTIEMATRIX);
                store::create(dir, &Session::new(&title, template, Timestamp::now()))
                    .map_err(|e| e.report(lang, view.verbose))
            }
            PickerOutcome::FollowUp(path) => make_follow_up(lang, &path, dir, view.verbose),
        };
        match made.map(|path| store::open(&path, Timestamp::now())) {
            Ok(Ok(opened)) => return full_screen(lang, opened, view, review),
            Ok(Err(e)) => message = Some(open_error(lang, e, view.verbose)),
            Err(why) => message = Some(why),
        }
    }
}

/// `knoop overzicht MAP`: reads every session under MAP (no locks), then writes the overview
/// to `--naar` or shows it full-screen; from the screen a session opens read-only and the
/// overview comes back when it is closed.
fn overzicht(
    lang: Lang,
    dir: &Path,
    target: Option<&Path>,
    filter: crate::overzicht::Filter,
    view: View,
    out: &mut impl Write,
) -> Outcome {
    use crate::overzicht::export::{Format, Report, render};
    let t = lang.texts();
    if !dir.is_dir() {
        return Err(Failure::Bad(fill(t.ovz_no_folder, &[&dir.display()])));
    }
    let format = match target {
        Some(path) => Some(Format::of(path).ok_or_else(|| {
            let ext =
                path.extension().map_or_else(String::new, |e| e.to_string_lossy().into_owned());
            Failure::Usage(fill(t.ovz_out_format, &[&ext]))
        })?),
        None => None,
    };
    let scan = crate::overzicht::scan(dir, lang)
        .map_err(|e| Failure::Bad(fill(t.load_io, &[&dir.display(), &e])))?;
    let today = jiff::ZonedDateTime::now().date();
    if let (Some(path), Some(format)) = (target, format) {
        let overview = crate::overzicht::overview(&scan.sessions, &filter, today);
        let report = Report { scan: &scan, overview: &overview, filter: &filter, today, lang };
        let bytes = render(&report, format);
        store::write_replace(path, &bytes).map_err(|e| {
            Failure::Bad(fill(t.rep_write_failed, &[&e.report(lang, view.verbose)]))
        })?;
        if !scan.unread.is_empty() {
            let _ = writeln!(out, "{}", fill(t.ovz_unread_note, &[&scan.unread.len()]));
            for u in &scan.unread {
                let _ = writeln!(out, "  {}", u.reason.replace('\n', "\n  "));
            }
        }
        let _ = writeln!(out, "{}", fill(t.rep_written, &[&path.display()]));
        return Ok(());
    }
    let mut overview = crate::overzicht::OverzichtView::with_filter(scan, lang, today, filter);
    if !on_terminal() {
        // Not on a terminal: the Markdown overview on stdout.
        let report = Report {
            scan: &overview.scan,
            overview: &overview.overview,
            filter: &overview.filter,
            today,
            lang,
        };
        let _ = out.write_all(crate::overzicht::export::markdown(&report).as_bytes());
        return Ok(());
    }
    loop {
        let outcome = crate::runtime::overzicht(&mut overview, palette(view.theme))
            .map_err(|e| Failure::Bad(e.to_string()))?;
        let path = match outcome {
            crate::overzicht::Outcome::Quit => return Ok(()),
            crate::overzicht::Outcome::Open(path) => path,
        };
        // Read-only and without a lock: the overview never writes or blocks a session.
        match store::load(&path) {
            Ok(session) => {
                let mut app = App::new(session, path, lang);
                app.read_only = Some(t.ovz_read_only.to_owned());
                let options = crate::runtime::Options {
                    port: view.port,
                    bind: view.bind,
                    recovery_dir: None,
                };
                crate::runtime::run(app, palette(view.theme), options)
                    .map_err(|e| Failure::Bad(e.to_string()))?;
            }
            Err(e) => overview.message = Some(fill(t.ovz_open_failed, &[&e.message(lang)])),
        }
    }
}

/// `knoop genereer MAP --aantal N`: a made-up region to practise and measure with.
fn genereer(lang: Lang, dir: &Path, count: usize, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    crate::overzicht::generate::write_region(dir, count)
        .map_err(|e| Failure::Bad(fill(t.folder_create_failed, &[&dir.display(), &e])))?;
    let _ = writeln!(out, "{}", fill(t.gen_written, &[&count, &dir.display()]));
    Ok(())
}

/// A few lines that say what a session holds.
pub fn summary(lang: Lang, s: &Session) -> String {
    let t = lang.texts();
    let present = s.participants.iter().filter(|p| p.present).count();
    let activities: usize = s.matrix.themes.iter().map(|th| th.activity_count()).sum();
    let needed: usize = s
        .matrix
        .themes
        .iter()
        .flat_map(|th| th.cells.values().flatten())
        .filter(|a| a.status == ActivityStatus::Needed)
        .count();
    let focus: Vec<String> = s
        .focus_themes()
        .iter()
        .filter_map(|&id| s.matrix.theme(id))
        .enumerate()
        .map(|(i, th)| format!("{}. {}", i + 1, th.desired))
        .collect();
    let date = s.meeting_date.map_or_else(|| t.no_date.to_owned(), |d| date_text(lang, d));
    fill(
        t.open_summary,
        &[
            &s.title,
            &s.place,
            &date,
            &s.facilitator,
            &s.participants.len(),
            &present,
            &s.matrix.themes.len(),
            &s.matrix.levels.len(),
            &activities,
            &needed,
            &s.rounds.len(),
            &if focus.is_empty() { "–".to_owned() } else { focus.join(", ") },
            &s.actions.len(),
            &s.agreements.len(),
        ],
    )
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
