//! The overlays that lie over the panes and take every key while open: one module per kind,
//! the same names as `ui::dialogs`, which draws them. `update` hands a key to exactly one of
//! them through one exhaustive match on [`crate::app::Overlay`].

pub mod actie_form;
pub mod ambition;
pub mod cell;
pub mod details;
pub mod help;
pub mod inbreng;
pub mod inspiratie;
pub mod participants;
pub mod round;
pub mod text_field;
pub mod unsaved;
