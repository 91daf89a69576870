//! The regional overview at region scale: a cold scan of 1,000 session files (read, check,
//! summarize, on every core) with the first frame drawn, and a filter change with its redraw.
//! Goals: first frame under 1 s on 2 cores for 1,000 sessions (under 10 s for 10,000), a
//! filter change under 16 ms. Run with `cargo bench --bench overzicht`; set
//! `KNOOP_BENCH_SESSIONS=10000` for the large region.

use std::path::PathBuf;
use std::sync::OnceLock;

use knoop::app::Msg;
use knoop::i18n::Lang;
use knoop::overzicht::{OverzichtView, scan};
use knoop::ui::Palette;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// How many sessions the region holds: 1,000 unless `KNOOP_BENCH_SESSIONS` says otherwise.
fn count() -> usize {
    std::env::var("KNOOP_BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
}

/// The made-up region, written once per run into a temporary folder.
fn region() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        knoop::overzicht::generate::write_region(dir.path(), count()).unwrap();
        let path = dir.path().to_owned();
        (dir, path)
    })
    .1
}

fn draw(terminal: &mut Terminal<TestBackend>, view: &OverzichtView, palette: &Palette) {
    terminal.draw(|frame| knoop::ui::overzicht::draw(frame, view, palette)).unwrap();
}

/// `knoop overzicht MAP` up to its first frame: scan, aggregate, draw at 200×60.
#[divan::bench(sample_count = 10)]
fn cold_scan_to_first_frame(bencher: divan::Bencher) {
    let dir = region();
    let palette = Palette::high_contrast();
    bencher.bench_local(|| {
        let scan = scan(dir, Lang::Nl).unwrap();
        assert_eq!(scan.sessions.len(), count());
        let view = OverzichtView::new(scan, Lang::Nl, knoop::overzicht::generate::reference_day());
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        draw(&mut terminal, &view, &palette);
    });
}

/// One filter key: the overview added up again under the new filter, and redrawn.
#[divan::bench]
fn filter_change_and_redraw(bencher: divan::Bencher) {
    let scan = scan(region(), Lang::Nl).unwrap();
    let mut view = OverzichtView::new(scan, Lang::Nl, knoop::overzicht::generate::reference_day());
    let palette = Palette::high_contrast();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let keys = [Msg::FilterGemeente, Msg::FilterSchoolType, Msg::FilterYear, Msg::ClearFilters];
    let mut n = 0;
    bencher.bench_local(|| {
        view.update(keys[n % keys.len()].clone());
        n += 1;
        draw(&mut terminal, &view, &palette);
    });
}
