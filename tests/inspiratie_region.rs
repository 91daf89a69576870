//! A region extends the compiled-in examples with its own file (`KNOOP_INSPIRATIE`): its
//! activities appear in the pick list after the template's. A file of its own, since it sets
//! an environment variable for the whole test process.

mod common;

use knoop::app::{App, Msg, Overlay, Pane, update};
use knoop::inspiratie::Voorbeeld;

#[test]
fn a_region_file_adds_its_examples_and_a_broken_one_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.json");
    std::fs::write(
        &path,
        r#"{"themas": {"Opgroeien met voldoende middelen": {"niveaus": {"Universeel":
            ["Schoolontbijt met de voedselbank van Utrecht-Noord"]}}}}"#,
    )
    .unwrap();
    // SAFETY: the only test in this binary; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("KNOOP_INSPIRATIE", &path) };
    let open = |a: &mut App| {
        for m in [Msg::Focus(Pane::Matrix), Msg::Edit, Msg::Inspiratie] {
            update(a, m);
        }
    };
    let mut a = common::example_app();
    open(&mut a);
    let Overlay::Inspiratie(pick) = &a.overlay else { panic!("the pick list opens") };
    let regional =
        Voorbeeld::Activiteit("Schoolontbijt met de voedselbank van Utrecht-Noord".into());
    let at = pick.voorbeelden.iter().position(|v| *v == regional).expect("the region's example");
    assert_eq!(at, 2, "after the template's two examples, before the protective factors");

    std::fs::write(&path, "{ niet af").unwrap();
    let mut a = common::example_app();
    open(&mut a);
    assert!(matches!(a.overlay, Overlay::Inspiratie(_)), "the built-in examples still come");
    let message = a.message.clone().unwrap_or_default();
    assert!(message.starts_with("Regio-voorbeelden niet gelezen"), "{message}");
}
