//! Every text knoop shows, in Dutch (the default) and English.
//!
//! Each language is one constant [`Texts`] value: a field per text. A text missing in one
//! language is a compile error, and a test checks that both languages use the same
//! placeholders (`{0}`, `{1}`, …) in every text.

mod en;
pub mod errors;
mod nl;

use std::fmt::Display;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Nederlands, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The language from the command line if given, else `KNOOP_LANG`, else the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`): English for an English locale, Dutch otherwise.
    pub fn detect(cli: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = cli {
            return lang;
        }
        if let Some(lang) = env("KNOOP_LANG").and_then(|v| Lang::from_tag(&v)) {
            return lang;
        }
        let locale =
            ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(&env).find(|v| !v.is_empty());
        match locale {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Nl,
        }
    }

    /// `nl` or `en` (also `nl_NL.UTF-8`-style tags).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.to_ascii_lowercase();
        if tag.starts_with("nl") {
            Some(Lang::Nl)
        } else if tag.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// All texts in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &nl::NL,
            Lang::En => &en::EN,
        }
    }
}

const WEEKDAYS_NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const MONTHS_NL: [&str; 12] =
    ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/// A date as people in `lang` write it: "vr 25 dec 2026" or "Fri 25 Dec 2026".
pub fn date_text(lang: Lang, date: Date) -> String {
    match lang {
        Lang::Nl => format!(
            "{} {} {} {}",
            WEEKDAYS_NL[date.weekday().to_monday_zero_offset() as usize],
            date.day(),
            MONTHS_NL[date.month() as usize - 1],
            date.year()
        ),
        Lang::En => date.strftime("%a %-d %b %Y").to_string(),
    }
}

/// A moment in the given time zone as a date and a time: "vr 25 dec 2026 14:05".
pub fn moment_text(lang: Lang, at: Timestamp, zone: &TimeZone) -> String {
    let local = at.to_zoned_datetime(zone.clone());
    format!("{} {}", date_text(lang, local.date()), local.strftime("%H:%M"))
}

/// Fills the placeholders `{0}`, `{1}`, … of a text with `args`.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg =
            after.find('}').and_then(|close| Some((after[..close].parse::<usize>().ok()?, close)));
        match arg {
            Some((n, close)) if n < args.len() => {
                out.push_str(&args[n].to_string());
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A regie question of step 4 in words, as the seed asks it.
pub fn question_text(lang: Lang, question: crate::model::RegieQuestion) -> &'static str {
    use crate::model::RegieQuestion as Q;
    let t = lang.texts();
    match question {
        Q::Overzicht => t.question_1,
        Q::Kwaliteit => t.question_2,
        Q::Taken => t.question_3,
        Q::Communicatie => t.question_4,
        Q::Weerzien => t.question_5,
    }
}

/// Where an activity happens, in words.
pub fn setting_text(lang: Lang, setting: crate::model::Setting) -> &'static str {
    use crate::model::Setting as S;
    let t = lang.texts();
    match setting {
        S::School => t.setting_school,
        S::Wijk => t.setting_wijk,
        S::Thuis => t.setting_thuis,
        S::Online => t.setting_online,
    }
}

/// A Databank rating in words, as the Databank Effectieve Jeugdinterventies says it.
pub fn recognition_text(lang: Lang, recognition: crate::model::Recognition) -> &'static str {
    use crate::model::Recognition as R;
    let t = lang.texts();
    match recognition {
        R::NietErkend => t.rec_niet_erkend,
        R::GoedOnderbouwd => t.rec_goed_onderbouwd,
        R::EersteAanwijzingen => t.rec_eerste,
        R::GoedeAanwijzingen => t.rec_goede,
        R::SterkeAanwijzingen => t.rec_sterke,
    }
}

/// What an activity is, in a few words for a cell or a report: "[E2] school · informeel ·
/// Interventie" and "⊘ stoppen"; empty when nothing is said.
pub fn activity_marks(lang: Lang, a: &crate::model::Activity) -> String {
    let t = lang.texts();
    let mut parts = Vec::new();
    if a.stop {
        parts.push(format!("⊘ {}", t.stop_word));
    }
    if let Some(r) = a.recognition {
        parts.push(format!("[{}]", r.marker()));
    }
    if !a.intervention.is_empty() {
        parts.push(a.intervention.clone());
    }
    if let Some(s) = a.setting {
        parts.push(setting_text(lang, s).to_owned());
    }
    if a.informal {
        parts.push(t.informal_word.to_owned());
    }
    parts.join(" · ")
}

/// Who a partner is at the table, in words.
pub fn partner_text(lang: Lang, partner: crate::model::Partner) -> &'static str {
    use crate::model::Partner as P;
    let t = lang.texts();
    match partner {
        P::Schoolleiding => t.partner_schoolleiding,
        P::InternBegeleider => t.partner_ib,
        P::Leerkracht => t.partner_leerkracht,
        P::Jgz => t.partner_jgz,
        P::Schoolmaatschappelijkwerk => t.partner_smw,
        P::Toegang => t.partner_toegang,
        P::Leerplicht => t.partner_leerplicht,
        P::Jongerenwerk => t.partner_jongerenwerk,
        P::Kinderopvang => t.partner_kinderopvang,
        P::Gemeente => t.partner_gemeente,
        P::Samenwerkingsverband => t.partner_swv,
        P::Ouders => t.partner_ouders,
        P::Leerlingen => t.partner_leerlingen,
        P::Overig => t.partner_overig,
    }
}

/// "⚠ Niet aan tafel: leerlingen, JGZ" for the partners the method needs and the session
/// lacks today; `None` when everyone is there.
pub fn missing_partners_text(lang: Lang, session: &crate::model::Session) -> Option<String> {
    let missing = session.missing_partners();
    (!missing.is_empty()).then(|| {
        let names: Vec<&str> = missing.iter().map(|&p| partner_text(lang, p)).collect();
        fill(lang.texts().missing_partners, &[&names.join(", ")])
    })
}

/// A fact in one line: "Gezondheidsmonitor Jeugd 2023: 14% overgewicht klas 2".
pub fn fact_text(fact: &crate::model::Fact) -> String {
    let source = match fact.year {
        Some(y) if fact.source.is_empty() => y.to_string(),
        Some(y) => format!("{} {y}", fact.source),
        None => fact.source.clone(),
    };
    let what = [fact.value.as_str(), fact.text.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if source.is_empty() { what } else { format!("{source}: {what}") }
}

/// The words a template uses for its rows and columns: the Preventiematrix has thema's and
/// niveaus, the onderwijs–jeugdhulp matrix has phases (fasen) and sides (onderwijs /
/// gezamenlijk / jeugdhulp), and says so in every view and export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatrixWords {
    /// A row, as a column header: "Thema" or "Fase".
    pub row: &'static str,
    /// A column: "Niveau" or "Kant".
    pub column: &'static str,
    /// Row and column together: "Thema · niveau" or "Fase · kant".
    pub link: &'static str,
    /// A row, as a CSV header: "thema" or "fase".
    pub csv_row: &'static str,
    /// A column, as a CSV header: "niveau" or "kant".
    pub csv_column: &'static str,
    /// Every row: "Alle thema's" or "Alle fasen".
    pub all: &'static str,
    /// Whether the columns are prevention levels (universeel, selectief, geïndiceerd), whose
    /// meaning the help and the report explain.
    pub levels: bool,
}

/// `text` (a key's help line, a dialog title, a question) in the words of the template with
/// this key: for the onderwijs–jeugdhulp matrix "thema" becomes "fase" and "niveau" becomes
/// "kant", as that template's rows and columns are phases and sides. Whole words only, in the
/// order the language's `words_onderwijs_jeugdhulp` lists them (so "het thema" is turned
/// before "thema"). Other templates keep the text as it is.
pub fn in_template_words(lang: Lang, template: &str, text: &str) -> String {
    if template != crate::model::template::ONDERWIJS_JEUGDHULP.key {
        return text.to_owned();
    }
    let mut out = text.to_owned();
    for pair in lang.texts().words_onderwijs_jeugdhulp.split('|') {
        if let Some((from, to)) = pair.split_once('=') {
            out = replace_word(&out, from, to);
        }
    }
    out
}

/// `text` with every whole-word `from` replaced by `to`: not inside a longer word.
fn replace_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + from.len()..].chars().next();
        let whole =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..at]);
        out.push_str(if whole { to } else { from });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// The words of the template with this key.
pub fn matrix_words(lang: Lang, template: &str) -> MatrixWords {
    let t = lang.texts();
    if template == crate::model::template::ONDERWIJS_JEUGDHULP.key {
        MatrixWords {
            row: t.word_phase,
            column: t.word_side,
            link: t.word_phase_side,
            csv_row: t.rep_csv_phase,
            csv_column: t.rep_csv_side,
            all: t.matrix_all_phases,
            levels: false,
        }
    } else {
        MatrixWords {
            row: t.matrix_theme,
            column: t.rep_csv_level,
            link: t.col_theme_level,
            csv_row: t.rep_csv_theme,
            csv_column: t.rep_csv_level,
            all: t.matrix_all,
            levels: template == crate::model::template::PREVENTIEMATRIX.key,
        }
    }
}

macro_rules! texts {
    ($($(#[$doc:meta])* $key:ident),* $(,)?) => {
        /// One language's texts; see the Dutch ones for what each is for.
        #[derive(Debug)]
        pub struct Texts {
            $($(#[$doc])* #[doc = concat!("The `", stringify!($key), "` text.")] pub $key: &'static str,)*
        }

        impl Texts {
            /// Every text with its key, for checks across languages.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

texts! {
    // Command line.
    cli_about,
    cli_usage_heading,
    cli_commands_heading,
    cli_options_heading,
    cli_args_heading,
    cli_help,
    cli_version,
    cli_lang,
    cli_dir,
    cli_new,
    cli_new_title,
    cli_new_template,
    cli_list,
    cli_check,
    cli_check_files,
    cli_open,
    cli_open_file,
    cli_port,
    cli_bind,
    cli_value_port,
    cli_value_address,
    // region: overzicht (h-region)
    key_details,
    details_title,
    details_date,
    details_start,
    details_place,
    details_facilitator,
    details_school,
    details_code,
    details_school_type,
    details_gemeente,
    details_wijk,
    details_swv,
    details_type_hint,
    details_time_understood,
    details_time_not_understood,
    details_type_not_understood,
    details_unknown,
    details_saved,
    ovz_title,
    ovz_shown,
    ovz_tab_top,
    ovz_tab_gaps,
    ovz_tab_providers,
    ovz_tab_follow,
    ovz_tab_unread,
    ovz_short_top,
    ovz_short_gaps,
    ovz_short_providers,
    ovz_short_follow,
    ovz_short_unread,
    ovz_col_theme,
    ovz_col_sessions,
    ovz_col_level,
    ovz_col_needed,
    ovz_col_nothing,
    ovz_col_provider,
    ovz_col_runs,
    ovz_col_asked,
    ovz_col_school,
    ovz_col_open,
    ovz_col_overdue,
    ovz_col_last,
    ovz_col_file,
    ovz_col_reason,
    ovz_by_gemeente,
    ovz_by_wijk,
    ovz_by_type,
    ovz_also_written,
    ovz_themes,
    ovz_stale,
    ovz_filters,
    ovz_no_filters,
    ovz_filter_gemeente,
    ovz_filter_wijk,
    ovz_filter_swv,
    ovz_filter_type,
    ovz_filter_year,
    ovz_schools,
    ovz_empty,
    ovz_all_read,
    ovz_behind_title,
    ovz_read_only,
    ovz_open_failed,
    ovz_privacy,
    ovz_made,
    ovz_unread_note,
    ovz_no_folder,
    ovz_out_format,
    ovz_kind_gap,
    ovz_count,
    ovz_section,
    key_ovz_next,
    key_ovz_prev,
    key_ovz_behind,
    key_ovz_open,
    key_ovz_gemeente,
    key_ovz_wijk,
    key_ovz_swv,
    key_ovz_type,
    key_ovz_year,
    key_ovz_clear,
    cli_overzicht,
    cli_overzicht_dir,
    cli_overzicht_naar,
    cli_overzicht_gemeente,
    cli_overzicht_wijk,
    cli_overzicht_swv,
    cli_overzicht_soort,
    cli_overzicht_jaar,
    cli_genereer,
    cli_genereer_dir,
    cli_genereer_aantal,
    cli_value_count,
    gen_written,
    // endregion: overzicht (h-region)
    cli_follow_up,
    cli_follow_up_file,
    cli_usage_error,
    cli_value_title,
    cli_value_file,
    cli_value_dir,
    cli_value_template,
    cli_value_options,
    cli_value_command,
    cli_usage_hint,
    cli_unknown_option,
    cli_unknown_command,
    cli_invalid_value,
    cli_choose_from,
    cli_missing,
    cli_missing_command,
    cli_conflict,
    // Output of the commands.
    created_at,
    list_empty,
    list_header,
    list_col_title,
    list_col_date,
    list_col_changed,
    list_col_file,
    list_unreadable,
    check_ok,
    open_summary,
    open_read_only,
    open_took_over,
    no_date,
    folder_unknown,
    folder_create_failed,
    // Loading.
    load_io,
    load_not_found,
    load_syntax,
    load_truncated,
    load_not_knoop,
    load_too_new,
    load_bad_version,
    load_invalid_field,
    load_rule,
    load_what_to_do,
    load_what_to_do_newer,
    // Store: why a save or a file failed, read-only sessions, --verbose.
    reason_disk_full,
    reason_quota,
    reason_no_permission,
    reason_no_read_permission,
    reason_read_only_fs,
    reason_folder_gone,
    reason_is_dir,
    reason_exists,
    reason_busy,
    reason_too_large,
    reason_other,
    save_step_target,
    save_do_disk_full,
    save_do_no_permission,
    save_do_read_only_fs,
    save_do_folder_gone,
    save_do_exists,
    save_do_busy,
    load_no_permission,
    load_is_dir,
    load_empty,
    load_what_to_do_empty,
    read_only_file,
    read_only_folder,
    read_only_reason_file,
    read_only_what_to_do,
    read_only_what_to_do_held,
    lock_holder_no_user,
    lock_holder_no_name,
    lock_holder_no_host,
    cli_verbose,
    verbose_detail,
    load_what_to_do_other,
    // Rules of the model, as a load error names them.
    rule_duplicate_id,
    rule_unknown_participant,
    rule_unknown_theme,
    rule_unknown_level,
    rule_unknown_round,
    rule_result_state,
    rule_result_not_candidate,
    rule_result_not_ballots,
    vote_closed,
    vote_still_open,
    vote_not_candidate,
    vote_over_budget,
    vote_over_theme_limit,
    vote_no_dot,
    vote_wrong_voter,
    vote_duplicate_voter,
    vote_no_tie,
    vote_already_decided,
    vote_pick_does_not_fit,
    vote_reason_missing,
    // Saving.
    save_failed,
    save_step_create_temp,
    save_step_write,
    save_step_sync,
    save_step_permissions,
    save_step_backup,
    save_step_rename,
    save_step_sync_folder,
    save_what_to_do,
    // Locks.
    lock_held,
    lock_holder,
    lock_unknown_holder,
    lock_failed,
    // The full-screen program.
    ui_read_only_refused,
    ui_nothing_to_undo,
    ui_nothing_to_redo,
    ui_all_saved,
    ui_participant_voted,
    ui_too_long,
    ui_name_required,
    key_help,
    key_actie_suggest,
    key_actie_suggest_up,
    actie_suggest_hint,
    cell_line_switch,
    key_cell_line_add,
    key_cell_line_provider,
    key_cell_line_needed,
    key_cell_line_up,
    key_cell_line_close,
    key_guide,
    key_help_search,
    key_help_search_done,
    key_help_search_clear,
    key_scroll_up,
    key_scroll_down,
    help_footer,
    help_search,
    help_no_match,
    help_position,
    guide_title,
    guide_step_1_short,
    guide_step_1,
    guide_step_2_short,
    guide_step_2,
    guide_step_3_short,
    guide_step_3,
    guide_step_4_short,
    guide_step_4,
    guide_no_round,
    guide_round_open,
    guide_round_closed,
    guide_matrix,
    guide_cell,
    guide_no_top,
    guide_actions,
    guide_form,
    guide_agreements_hidden,
    guide_agreements,
    guide_round_setup,
    guide_dialog,
    guide_other_pane,
    gk_to_pane,
    gk_new_round,
    gk_participants,
    gk_next_step,
    gk_prev_step,
    gk_dot,
    gk_phones,
    gk_close_round,
    gk_big_top,
    gk_phones_inbreng,
    gk_inbreng_queue,
    gk_open_cell,
    gk_all_rows,
    gk_add_activity,
    gk_toggle_activity,
    gk_back,
    gk_add_action,
    gk_edit,
    gk_agreements,
    gk_add_agreement,
    gk_export,
    gk_save,
    gk_cell_line_add,
    gk_cell_line_provider,
    gk_cell_line_needed,
    gk_next_field,
    gk_start_round,
    gk_all_keys,
    status_demo,
    demo_opened,
    demo_ready,
    demo_reset_done,
    demo_kept,
    cli_demo,
    cli_demo_temp,
    cli_demo_reset,
    cli_spiekbrief,
    cli_spiekbrief_out,
    sb_title,
    sb_intro,
    sb_asks,
    sb_ctx_global,
    sb_ctx_help,
    sb_ctx_help_search,
    sb_ctx_participants,
    sb_ctx_form,
    sb_ctx_question,
    sb_ctx_picker,
    sb_ctx_new_session,
    sb_ctx_round_setup,
    sb_ctx_tie,
    sb_ctx_tie_pick,
    sb_ctx_big_view,
    sb_ctx_cell,
    sb_ctx_review,
    sb_ctx_notice,
    sb_ctx_unsaved,
    sb_ctx_overzicht,
    sb_ctx_overzicht_behind,
    ovz_tab_interventions,
    ovz_short_interventions,
    ovz_col_intervention,
    ovz_col_rating,
    ovz_col_stop,
    ovz_not_rated,
    ovz_rating,
    ovz_runs_at,
    ovz_stop_at,
    ovz_col_indicators,
    ovz_progress,
    ovz_progress_short,
    ovz_progress_theme,
    ovz_progress_legend,
    sb_footer,
    sb_written,
    question_keys,
    status_demo_short,
    key_quit,
    key_save,
    key_undo,
    key_redo,
    key_focus_next,
    key_focus_prev,
    key_zoom,
    key_up,
    key_down,
    key_home,
    key_end,
    key_page_up,
    key_page_down,
    key_next_step,
    key_prev_step,
    key_timer,
    key_timer_reset,
    key_timer_longer,
    key_timer_shorter,
    key_participants,
    key_cycle_status,
    key_add_participant,
    key_edit_participant,
    key_remove_participant,
    key_toggle_present,
    key_toggle_role,
    key_close,
    key_form_save,
    key_next_field,
    key_form_cancel,
    key_yes,
    key_no,
    key_name_space,
    pane_stemmen,
    pane_matrix,
    pane_acties,
    step_1,
    step_2,
    step_3,
    step_4,
    status_step,
    status_saved,
    status_saving,
    status_unchanged,
    status_read_only,
    status_timer_up,
    status_timer_paused,
    status_help_hint,
    status_help_hint_f1,
    status_present,
    too_small,
    no_rounds,
    round_open,
    round_closed,
    round_line,
    round_hidden,
    round_ballots,
    cut_line,
    tie_at_cut,
    matrix_focus,
    matrix_all,
    matrix_theme,
    matrix_gap,
    matrix_legend,
    matrix_empty,
    col_action,
    col_owner,
    col_due,
    col_status,
    action_open,
    action_busy,
    action_done,
    no_owner,
    no_actions,
    agreements_title,
    help_title,
    picker_help_close,
    help_close,
    dlg_participants,
    col_name,
    col_org,
    col_role,
    col_present,
    role_structural,
    role_incidental,
    present_yes,
    present_no,
    form_add,
    form_edit,
    question_remove,
    participants_empty,
    recovery_title,
    key_open_session,
    key_reveal,
    page_title,
    page_intro,
    page_name,
    page_join_heading,
    page_join_name,
    page_join_org,
    page_join_send,
    page_joined,
    page_join_go_on,
    page_join_name_missing,
    page_join_too_long,
    page_join_twice,
    page_join_exists,
    page_send,
    page_received,
    page_change,
    page_closed,
    page_wrong_code,
    page_not_found,
    page_name_taken,
    page_pick_name,
    page_too_large,
    page_too_many,
    page_reload,
    page_other_name,
    page_dots,
    page_nothing,
    phones_title,
    phones_title_inbreng,
    phones_stats_inbreng,
    inbreng_queue_title,
    inbreng_queue_aside,
    inbreng_queue_keys,
    inbreng_title,
    inbreng_from,
    inbreng_looks_like,
    inbreng_set_aside,
    phones_code,
    phones_stats,
    phones_open_failed,
    phones_need_open_round,
    page_dot_one,
    page_intro_one,
    page_keyboard_name,
    page_box_full,
    page_code_locked,
    page_wrong_host,
    page_stale,
    page_timeout,
    box_stopped,
    box_crashed,
    box_no_network,
    box_unreached,
    box_kind_lan,
    box_kind_other,
    box_kind_vpn,
    box_kind_container,
    key_phones,
    key_phones_inbreng,
    key_inbreng_queue,
    key_inbreng_take,
    key_inbreng_merge,
    key_inbreng_edit,
    key_inbreng_aside,
    sb_ctx_inbreng,
    inbreng_nothing_yet,
    inbreng_no_look_alike,
    inbreng_all_done,
    key_void_ballot,
    key_next_address,
    key_digit,
    key_digit_enter,
    ui_next_voter_auto,
    ui_no_such_number,
    ui_number_waits,
    vote_waiting,
    vote_waiting_none,
    key_seen,
    key_retry_save,
    key_save_elsewhere,
    key_keep_in_data,
    key_back,
    unsaved_title,
    unsaved_question,
    unsaved_path_label,
    unsaved_copy_name,
    unsaved_path_required,
    unsaved_saved_as,
    unsaved_kept,
    notice_title,
    status_save_retry,
    unsaved_no_data_folder,
    ui_ballot_voided,
    ui_no_ballot,
    ui_phone_voter_confirm,
    phones_more_devices,
    phones_address,
    rep_date,
    rep_place,
    rep_facilitator,
    rep_follows,
    rep_participants,
    rep_present,
    rep_absent,
    rep_rounds,
    rep_round_settings,
    rep_named,
    rep_anonymous,
    rep_secret,
    rep_open_counts,
    rep_ballots,
    rep_col_place,
    rep_col_votes,
    rep_through,
    rep_result,
    rep_tie,
    rep_tie_open,
    rep_pick,
    rep_runoff,
    rep_runoff_of,
    rep_hidden,
    rep_matrix,
    rep_level,
    rep_existing,
    rep_needed,
    rep_gap,
    rep_gap_note,
    rep_evidence,
    rep_actions,
    rep_no_owner,
    rep_no_date,
    rep_notes,
    rep_none,
    rep_csv_action,
    rep_csv_owner,
    rep_csv_organisation,
    rep_csv_due,
    rep_csv_status,
    rep_csv_theme,
    rep_csv_level,
    rep_written,
    rep_write_failed,
    rep_csv_round,
    rep_csv_place,
    rep_csv_votes,
    rep_csv_through,
    rep_csv_domain,
    rep_csv_problem,
    rep_csv_activity,
    rep_csv_provider,
    rep_csv_gap,
    rep_csv_agreement,
    rep_csv_review,
    rep_csv_name,
    rep_csv_role,
    rep_csv_present,
    rep_csv_yes,
    rep_csv_no,
    rep_csv_existing,
    rep_csv_needed,
    rep_sheet_actions,
    rep_sheet_votes,
    rep_sheet_matrix,
    rep_sheet_agreements,
    rep_sheet_participants,
    rep_xlsx_failed,
    rep_write_in_use,
    rep_exported,
    rep_page,
    rep_legend,
    rep_legend_existing,
    rep_legend_needed,
    rep_legend_gap,
    rep_legend_through,
    rep_top_actions,
    rep_top_no_actions,
    rep_top_gaps,
    rep_structural_partners,
    rep_incidental_partners,
    cli_export_table,
    cli_export_sep,
    cli_export_no_bom,
    cli_value_table,
    cli_value_sep,
    cli_completions,
    cli_completions_shell,
    cli_value_shell,
    cli_manpage,
    cli_manpage_out,
    key_export,
    cli_export,
    cli_export_file,
    cli_export_format,
    cli_export_out,
    cli_export_bom,
    cli_value_format,
    key_add_action,
    key_edit_action,
    key_remove_action,
    key_sort,
    key_filter_owner,
    key_filter_status,
    key_filter_theme,
    key_by_owner,
    key_agreements,
    key_set_open,
    key_set_busy,
    key_set_done,
    key_review_next,
    key_review_close,
    ui_action_text_required,
    ui_date_not_understood,
    ui_new_participant,
    field_theme,
    no_theme,
    theme_choose_hint,
    field_what,
    field_who,
    field_when,
    field_review,
    date_understood,
    date_no_such_day,
    date_not_understood,
    owner_known,
    owner_new,
    action_form_add,
    action_form_edit,
    agreement_form_add,
    agreement_form_edit,
    col_theme_level,
    col_agreement,
    col_review,
    no_agreements,
    question_1,
    question_2,
    question_3,
    question_4,
    answer_hint,
    marker_overdue,
    marker_this_week,
    list_sorted,
    sort_due,
    sort_owner,
    sort_status,
    list_filter,
    no_match,
    owner_group,
    review_title,
    review_line,
    done_divider,
    key_left,
    key_right,
    key_open_cell,
    key_all_rows,
    key_rename_theme,
    key_add_level,
    key_rename_level,
    key_move_row_up,
    key_move_row_down,
    key_move_left,
    key_move_right,
    key_remove_row,
    key_remove_column,
    key_ambition,
    ambition_title,
    ambition_question,
    field_outcome,
    col_indicator,
    col_source,
    col_baseline,
    col_baseline_year,
    col_target,
    col_target_by,
    ambition_sources,
    ambition_label,
    ambition_missing,
    ambition_no_indicators,
    indicator_baseline,
    indicator_target,
    indicator_understood,
    ui_ambition_no_theme,
    ui_ambition_basis,
    ui_ambition_removed,
    amb_no_outcome,
    amb_too_many,
    amb_no_name,
    amb_not_a_number,
    amb_bad_year,
    amb_bad_date,
    amb_target_before,
    amb_incomplete,
    rule_too_many_indicators,
    rule_bad_text,
    inbreng_page_title,
    inbreng_page_intro,
    inbreng_page_received,
    inbreng_page_cell,
    inbreng_page_choose,
    inbreng_page_exists,
    inbreng_page_needed,
    inbreng_page_text,
    inbreng_page_provider,
    inbreng_page_send,
    inbreng_not_queued,
    inbreng_empty,
    inbreng_too_long,
    inbreng_no_cell,
    inbreng_queue_full,
    inbreng_unknown,
    rep_ambitions,
    rep_no_ambitions,
    rep_sheet_ambitions,
    rep_csv_outcome,
    rep_csv_indicator,
    rep_csv_source,
    rep_csv_baseline,
    rep_csv_baseline_year,
    rep_csv_target,
    rep_csv_target_by,
    question_5,
    regie_other,
    regie_unanswered,
    regie_all_answered,
    key_next_question,
    rep_csv_question,
    key_cycle_setting,
    key_toggle_informal,
    key_cycle_recognition,
    key_toggle_stop,
    key_intervention_name,
    setting_school,
    setting_wijk,
    setting_thuis,
    setting_online,
    informal_word,
    rec_niet_erkend,
    rec_goed_onderbouwd,
    rec_eerste,
    rec_goede,
    rec_sterke,
    stop_word,
    recognised_count,
    recognition_legend,
    field_intervention,
    rep_csv_setting,
    rep_csv_informal,
    rep_csv_recognition,
    rep_csv_intervention,
    rep_csv_stop,
    partner_schoolleiding,
    partner_ib,
    partner_leerkracht,
    partner_jgz,
    partner_smw,
    partner_toegang,
    partner_leerplicht,
    partner_jongerenwerk,
    partner_kinderopvang,
    partner_gemeente,
    partner_swv,
    partner_ouders,
    partner_leerlingen,
    partner_overig,
    col_partner,
    key_cycle_partner,
    missing_partners,
    cli_import_figures,
    cli_import_session,
    cli_import_csv,
    import_done,
    import_refused,
    import_row_unknown,
    import_row_year,
    import_row_empty,
    import_row_unreadable,
    import_hint,
    import_read_failed,
    import_read_only,
    facts_title,
    rep_facts,
    col_latest,
    key_year_after,
    year_after_title,
    year_after_since,
    year_after_none,
    year_top,
    year_stayed,
    year_left,
    year_entered,
    year_indicators,
    year_no_indicators,
    year_now,
    year_no_value,
    progress_reached,
    progress_closer,
    progress_not_yet,
    year_filled,
    year_none_filled,
    year_actions,
    outcome_done,
    outcome_not_done,
    outcome_dropped,
    year_older,
    levels_explained,
    word_phase,
    word_side,
    word_phase_side,
    rep_csv_phase,
    rep_csv_side,
    matrix_all_phases,
    key_action_result,
    field_result,
    key_add_activity,
    key_edit_activity,
    key_toggle_activity,
    key_remove_activity,
    key_move_up,
    key_move_down,
    key_make_action,
    ui_theme_voted_on,
    ui_activity_required,
    ui_only_needed_to_action,
    ui_action_made,
    field_name,
    field_alias,
    theme_title,
    level_title,
    cell_empty,
    field_activity,
    field_provider,
    provider_hint,
    cell_more,
    matrix_rows_above,
    matrix_rows_below,
    matrix_rows_keys,
    remove_theme_question,
    remove_level_question,
    remove_title,
    coverage,
    setup_title,
    setup_candidates,
    setup_all_themes,
    setup_last_result,
    setup_dots,
    setup_max,
    setup_advance,
    setup_secret,
    setup_anonymous,
    voter_line,
    voter_dots_left,
    voter_none,
    vote_stats,
    tie_title,
    tie_body,
    tie_pick_body,
    tie_reason,
    decided_pick,
    decided_runoff,
    runoff_final,
    ui_owner_ambiguous,
    ui_action_exists,
    seat_open,
    seat_fill,
    key_inspiratie,
    key_inspiratie_pick,
    dlg_inspiratie,
    inspiratie_protective,
    inspiratie_none,
    inspiratie_unreadable,
    sb_ctx_inspiratie,
    words_onderwijs_jeugdhulp,
    reopen_question,
    top_title,
    top_none,
    top_votes,
    anonymous_voter,
    ui_close_open_round_first,
    ui_choose_voter,
    ui_voter_absent,
    ui_nobody_present,
    ui_all_dots_given,
    key_dot,
    key_take_back,
    key_voter_with_dots,
    key_next_voter,
    key_prev_voter,
    key_toggle_order,
    key_new_round,
    key_close_round,
    key_decide_tie,
    key_reopen_round,
    key_own_theme,
    key_big_top,
    key_less,
    key_more,
    key_switch,
    key_start_round,
    key_run_off,
    key_pick,
    key_later,
    key_tick,
    key_to_reason,
    key_edit_evidence,
    evidence_title,
    field_evidence,
    field_domain,
    field_desired,
    field_problem,
    own_theme_title,
    ui_desired_required,
    ui_not_secret,
    key_new_session,
    key_follow_up,
    key_quit_picker,
    key_choose_template,
    key_choose_template_up,
    key_create_session,
    picker_title,
    picker_empty,
    picker_col_participants,
    picker_col_top,
    picker_unreadable,
    new_session_title,
    new_session_template,
    new_session_name,
    template_preventiematrix,
    template_onderwijs_jeugdhulp,
    template_leeg,
    follow_up_suffix,
    picker_created,
    recovery_question,
    cli_theme,
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
