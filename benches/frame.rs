//! One key press → update → full redraw into a 200×60 `TestBackend`: the work behind every
//! frame the room sees. Goal: under 1 ms median, for the example session and for one ten times
//! larger in every list. Run with `cargo bench`.

use std::path::PathBuf;

use knoop::app::{App, Msg, Pane, update};
use knoop::i18n::Lang;
use knoop::model::{Session, Voter};
use knoop::ui::{self, Palette};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/voorbeeld-basisschool.json");

fn main() {
    divan::main();
}

fn example() -> Session {
    knoop::store::load(std::path::Path::new(EXAMPLE)).unwrap()
}

/// Each iteration: the next of `keys` goes through `update`, then a full 200×60 redraw.
fn keys_and_redraw(bencher: divan::Bencher, mut app: App, keys: &[Msg]) {
    let palette = Palette::high_contrast();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut n = 0;
    bencher.bench_local(|| {
        update(&mut app, keys[n % keys.len()].clone());
        n += 1;
        terminal.draw(|frame| ui::draw(frame, &app, &palette)).unwrap();
    });
}

fn frame_after_key(bencher: divan::Bencher, session: Session) {
    let app = App::new(session, PathBuf::from("bench.json"), Lang::Nl);
    let keys = [
        Msg::Down,
        Msg::FocusNext,
        Msg::Down,
        Msg::FocusNext,
        Msg::Down,
        Msg::Focus(Pane::Stemmen),
    ];
    keys_and_redraw(bencher, app, &keys);
}

#[divan::bench]
fn key_and_redraw_example(bencher: divan::Bencher) {
    frame_after_key(bencher, example());
}

#[divan::bench]
fn key_and_redraw_ten_times_larger(bencher: divan::Bencher) {
    frame_after_key(bencher, knoop::model::sample::scaled(&example(), 10));
}

#[divan::bench]
fn key_and_redraw_hundred_times_larger(bencher: divan::Bencher) {
    frame_after_key(bencher, knoop::model::sample::scaled(&example(), 100));
}

/// A dot given and taken back (each an edit with undo, saved and kept for recovery) in the
/// open round of a session a hundred times the example: 800 voters, 1,800 candidates.
#[divan::bench]
fn dot_and_redraw_hundred_times_larger(bencher: divan::Bencher) {
    let mut app = App::new(
        knoop::model::sample::scaled(&example(), 100),
        PathBuf::from("bench.json"),
        Lang::Nl,
    );
    update(&mut app, Msg::Focus(Pane::Stemmen));
    update(&mut app, Msg::NextVoter);
    let palette = Palette::high_contrast();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut give = true;
    bencher.bench_local(|| {
        update(&mut app, if give { Msg::TakeBack } else { Msg::Dot });
        give = !give;
        terminal.draw(|frame| ui::draw(frame, &app, &palette)).unwrap();
    });
}

#[divan::bench]
fn floor_empty_frame(bencher: divan::Bencher) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        terminal
            .draw(|frame| frame.render_widget(ratatui::widgets::Block::bordered(), frame.area()))
            .unwrap();
    });
}

/// 200 candidates and 50 present participants in an open round, with every voter's first
/// dots cast; the benchmark gives and takes back one dot, each an edit with undo.
fn big_open_round() -> App {
    let mut s = example();
    s.rounds.clear();
    s.participants.clear();
    for i in 0..50 {
        s.add_participant(&format!("Deelnemer {i}"), "Organisatie", knoop::model::Role::Structural);
    }
    while s.votable_themes().len() < 200 {
        let n = s.matrix.themes.len();
        s.matrix.add_theme("Kansrijk", &format!("Eigen thema {n}"), "Probleem");
    }
    let candidates = s.votable_themes();
    let round = s.start_round("Top 12", candidates.clone(), 12);
    for (i, p) in s.participants.clone().iter().enumerate() {
        for k in 0..2 {
            let theme = candidates[(i * 11 + k * 17) % candidates.len()];
            let _ = s.add_dot(round, Voter::Participant(p.id), theme);
        }
    }
    let mut app = App::new(s, PathBuf::from("bench.json"), Lang::Nl);
    update(&mut app, Msg::VoterWithDotsLeft);
    app
}

#[divan::bench]
fn dot_and_redraw_200_candidates_50_participants(bencher: divan::Bencher) {
    let mut app = big_open_round();
    let palette = Palette::high_contrast();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut give = true;
    bencher.bench_local(|| {
        update(&mut app, if give { Msg::Dot } else { Msg::TakeBack });
        give = !give;
        terminal.draw(|frame| ui::draw(frame, &app, &palette)).unwrap();
    });
}

/// 100 rows × 6 columns × 20 activities per cell, all rows shown, the Matrix pane focused.
fn big_matrix() -> App {
    let mut s = Session::new("Groot", &knoop::model::template::LEEG, jiff::Timestamp::UNIX_EPOCH);
    for l in 0..6 {
        s.matrix.add_level(&format!("Niveau {l}"), "");
    }
    let levels: Vec<_> = s.matrix.levels.iter().map(|l| l.id).collect();
    for r in 0..100 {
        let theme = s.matrix.add_theme(
            "Gezond",
            &format!("Gewenste situatie {r}"),
            &format!("Probleem {r}"),
        );
        for &level in &levels {
            for a in 0..20 {
                let status = if a % 3 == 0 {
                    knoop::model::ActivityStatus::Needed
                } else {
                    knoop::model::ActivityStatus::Existing
                };
                let activity = knoop::model::Activity::new(
                    &format!("Activiteit {a} voor rij {r}"),
                    status,
                    &format!("Aanbieder {}", a % 7),
                );
                s.matrix.add_activity(theme, level, activity).unwrap();
            }
        }
    }
    let mut app = App::new(s, PathBuf::from("bench.json"), Lang::Nl);
    update(&mut app, Msg::Focus(Pane::Matrix));
    app
}

#[divan::bench]
fn matrix_move_and_redraw_100x6x20(bencher: divan::Bencher) {
    let keys = [Msg::Down, Msg::Right, Msg::Down, Msg::Left, Msg::PageDown, Msg::Home];
    keys_and_redraw(bencher, big_matrix(), &keys);
}

#[divan::bench]
fn matrix_add_activity_and_redraw_100x6x20(bencher: divan::Bencher) {
    let mut app = big_matrix();
    update(&mut app, Msg::Edit);
    let palette = Palette::high_contrast();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        update(&mut app, Msg::Paste("Nieuwe activiteit".into()));
        terminal.draw(|frame| ui::draw(frame, &app, &palette)).unwrap();
    });
}

/// Fifty phones voting: each iteration one phone's ballot arrives (an edit with undo) and the
/// facilitator presses a key; the frame shows the QR code of the open ballot box.
#[divan::bench]
fn phone_ballot_key_and_redraw_50_phones(bencher: divan::Bencher) {
    let mut s = example();
    let candidates = s.rounds[0].result.as_ref().unwrap().through.clone();
    let round = s.start_round("Top 3", candidates.clone(), 3);
    s.rounds.last_mut().unwrap().anonymous = true;
    let mut app = App::new(s, PathBuf::from("bench.json"), Lang::Nl);
    let mut view = knoop::app::PhonesView::new(
        knoop::app::PhonesFor::Round(round),
        "http://192.168.1.23:8123/v/3f9c2a7be41d08c5a6e7f1b2c3d4e5f6",
        "http://192.168.1.23:8123/s/4f2a9c",
        "4f2a9c",
    );
    (view.connected, view.voted) = (50, 0);
    view.addresses =
        vec!["192.168.1.23 · wlan0 · lokaal netwerk".into(), "10.8.0.2 · tun0 · VPN".into()];
    app.phones = Some(view);
    let palette = Palette::high_contrast();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut n = 0usize;
    bencher.bench_local(|| {
        let ballot = knoop::model::Ballot {
            voter: Voter::Anonymous(100 + (n % 50) as u32),
            dots: [(candidates[n % 12], 1), (candidates[(n + 5) % 12], 1)].into_iter().collect(),
        };
        update(&mut app, Msg::PhoneBallot(round, ballot));
        update(&mut app, if n.is_multiple_of(2) { Msg::Down } else { Msg::Up });
        n += 1;
        terminal.draw(|frame| ui::draw(frame, &app, &palette)).unwrap();
    });
}
