//! Undo within its memory budget, measured by the allocator: 200 edits in a session a
//! hundred times the example keep well under 10 MB, because a step shares every list it did
//! not change with the state after it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicIsize, Ordering};

use knoop::app::{App, Msg, Pane, update};
use knoop::i18n::Lang;

/// The system allocator, counting the bytes in use.
struct Counting;

static IN_USE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        IN_USE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/voorbeeld-basisschool.json");

#[test]
fn two_hundred_edits_at_a_hundred_times_the_example_keep_under_ten_megabytes() {
    let example = knoop::store::load(std::path::Path::new(EXAMPLE)).unwrap();
    let big = knoop::model::sample::scaled(&example, 100);
    let whole = serde_json::to_vec(&big).unwrap().len();
    let mut app = App::new(big, PathBuf::from("groot.json"), Lang::Nl);
    update(&mut app, Msg::Focus(Pane::Stemmen));
    update(&mut app, Msg::NextVoter);
    let before = IN_USE.load(Ordering::Relaxed);
    // Dots given and taken back, action statuses, and activities added to a cell.
    for i in 0..200 {
        let msg = match i % 4 {
            0 => Msg::TakeBack,
            1 => Msg::Dot,
            2 => {
                update(&mut app, Msg::Focus(Pane::Acties));
                Msg::CycleStatus
            }
            _ => {
                update(&mut app, Msg::Focus(Pane::Matrix));
                update(&mut app, Msg::Edit);
                update(&mut app, Msg::Paste(format!("Activiteit {i}")));
                // Enter adds it, Enter on the empty line closes the cell.
                update(&mut app, Msg::Confirm);
                update(&mut app, Msg::Confirm);
                update(&mut app, Msg::Focus(Pane::Stemmen));
                continue;
            }
        };
        update(&mut app, msg);
        update(&mut app, Msg::Focus(Pane::Stemmen));
    }
    let held = IN_USE.load(Ordering::Relaxed) - before;
    let steps = app.history.steps();
    println!(
        "undo at 100× the example ({} KB as JSON): {steps} steps hold {} KB ({} KB by its own count)",
        whole / 1024,
        held / 1024,
        app.history.bytes() / 1024
    );
    assert!(steps >= 190, "every edit can be undone: {steps}");
    assert!(held < 10 * 1024 * 1024, "undo holds {held} bytes");
    // And undoing all of it brings back the state it started from.
    for _ in 0..steps {
        update(&mut app, Msg::Undo);
    }
    assert_eq!(app.history.steps(), 0);
}
