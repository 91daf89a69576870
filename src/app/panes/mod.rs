//! One module per pane, each with its own state, rows and keys: the same names as
//! `ui::panes`, which draws them.

pub mod acties;
pub mod matrix;
pub mod stemmen;
