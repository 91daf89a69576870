//! The three panes, drawn: the same names as `app::panes`, which handles their keys.

pub mod acties;
pub mod matrix;
pub mod stemmen;
