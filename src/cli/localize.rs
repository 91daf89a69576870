//! The command line in the user's language: clap's own words replaced by knoop's texts, and
//! the language read before clap parses, so even a wrong command is answered in it.

use std::ffi::OsString;

use clap::{Arg, ArgAction, CommandFactory};

use crate::i18n::{Lang, Texts};

use super::Cli;

/// The language asked for on the command line, read before clap so that clap's own help and
/// errors can already be in it.
pub(super) fn lang_from_args(args: &[OsString]) -> Option<Lang> {
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
pub(super) struct SubTexts {
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
pub(super) fn localize(cmd: clap::Command, t: &Texts, top: bool) -> clap::Command {
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
