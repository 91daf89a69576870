//! The regional overview: one view across every school's sessions (`knoop overzicht MAP`).
//!
//! A region holds a Preventiematrix conversation at every school and then looks across them
//! (seed 001: Noord-Kennemerland, FoodValley). This module reads a folder of session files
//! without taking or touching a lock ([`scan`]), turns each file into a small [`Summary`] that
//! holds only what a school shares in a regional picture ([`summary`]), and adds those up under
//! the coordinator's filters ([`aggregate`]): the top 3 across schools, the gaps schools share,
//! the providers' reach and the follow-through. [`export`] writes the result for the people who
//! decide; [`view`] is the full-screen overview's state; [`generate`] writes made-up regions to
//! practise and to measure with.
//!
//! Privacy by design: a [`Summary`] never holds a participant's name, a ballot, a note or an
//! action's text, and any provider, theme or school text that contains a participant's name is
//! left out. So nothing the overview shows or writes can name a person.

pub mod aggregate;
pub mod export;
pub mod generate;
pub mod scan;
pub mod summary;
pub mod view;

pub use aggregate::{
    Choices, Filter, FollowRow, GapRow, InterventionRow, Overview, ProgressRow, ProviderRow,
    TopRow, choices, overview,
};
pub use scan::{Scan, Unread, scan, session_files};
pub use summary::{
    CellCount, IndicatorUse, Interner, InterventionUse, ProviderUse, Summary, summarize,
    summarize_with,
};
pub use view::{Behind, Outcome, OverzichtView, Section};
