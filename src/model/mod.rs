//! The pure domain of knoop: a [`Session`] and everything one knooppunt meeting produces.
//!
//! Nothing here touches a terminal, a file or the clock: times come in as arguments, so every
//! rule can be unit-tested. The words are the method's own (see `DESIGN.md`): a session holds
//! participants (deelnemers), a matrix of themes (thema's) × levels (niveaus) with activities
//! (activiteiten), voting rounds (stemrondes), actions (acties) and agreements (afspraken).

mod action;
mod activity;
mod ambition;
pub mod dates;
mod fact;
mod footprint;
mod ids;
mod inbreng;
mod matrix;
mod meeting;
mod participant;
mod previous;
pub mod sample;
mod session;
mod session_votes;
mod session_work;
mod shared;
pub mod template;
mod validate;
mod voting;

pub use action::{Action, ActionStatus, Agreement, RegieQuestion};
pub use activity::{Activity, ActivityStatus, Recognition, Setting};
pub use ambition::{
    Ambition, AmbitionError, Baseline, Figure, Indicator, MAX_INDICATORS, Progress, Target, YEARS,
};
pub use dates::{DateError, Urgency, parse_date, urgency};
pub use fact::{Fact, FactRefusal, RefusedRow, parse_facts};
pub use ids::{ActionId, AgreementId, LevelId, ParticipantId, RoundId, ThemeId};
pub use inbreng::{
    Inbreng, InbrengError, InbrengQueue, MAX_INBRENG_PROVIDER, MAX_INBRENG_TEXT, MAX_WAITING,
    alike, look_alike,
};
pub use matrix::{Coverage, Level, Matrix, MatrixError, Theme};
pub use meeting::{MeetingDetails, SchoolType, parse_time};
pub use participant::{MAX_NAME, Participant, Partner, Role};
pub use previous::{ActionOutcome, Comparison, IndicatorChange, PreviousYear};
pub use session::{Session, SessionError};
pub use shared::Shared;
pub use template::Template;
pub use validate::{PathSeg, RuleBreak, RuleKind};
pub use voting::{
    Ballot, Cut, Decision, Ranked, Round, RoundResult, RoundState, Tie, VoteError, Voter,
};
