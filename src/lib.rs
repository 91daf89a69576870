//! knoop: a full-screen terminal tool for Preventiematrix workshops at a knooppunt meeting.
//!
//! The crate is layered as `DESIGN.md` describes: [`model`] is the pure domain, [`store`] reads
//! and writes session files, [`i18n`] holds every text in Dutch and English, and [`cli`] is the
//! command line that `main` hands over to.

#![warn(missing_docs)]

pub mod app;
pub mod ballot;
pub mod cli;
pub mod demo;
pub mod html;
pub mod i18n;
pub mod inspiratie;
pub mod model;
pub mod overzicht;
pub mod report;
pub mod runtime;
pub mod store;
pub mod ui;
