//! Inbreng: what participants send in from their phones for the inventory (step 2), waiting
//! for the facilitator. Nothing a phone sends enters the matrix unseen: it waits in a queue
//! in the session (so a crash loses none of it) until the facilitator takes it in, merges it
//! with a look-alike already in the cell, or sets it aside.

use serde::{Deserialize, Serialize};

use super::{Activity, ActivityStatus, LevelId, MatrixError, Session, ThemeId};

/// The longest activity text a phone may send, in characters (as the keyboard's fields).
pub const MAX_INBRENG_TEXT: usize = 200;
/// The longest provider a phone may send.
pub const MAX_INBRENG_PROVIDER: usize = 80;
/// The most contributions waiting at once: far more than a meeting brings, so a flood of
/// phones can't make the session file grow without bound.
pub const MAX_WAITING: usize = 500;

/// One contribution from a phone: an activity for one cell, as sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbreng {
    /// Its number in this session, in the order received.
    pub id: u32,
    /// The row it is for.
    pub theme: ThemeId,
    /// The column it is for.
    pub level: LevelId,
    /// What happens, or should.
    pub text: String,
    /// Who provides it, if the phone said.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    /// Bestaand or nodig.
    pub status: ActivityStatus,
    /// Which phone sent it ("t3"): the box's short name for it, never its cookie.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// Set aside by the facilitator: kept (the file still has it) but out of the way.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub set_aside: bool,
}

/// The queue of contributions in a session. Handled ones leave it; set-aside ones stay, last.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InbrengQueue {
    /// Waiting and set-aside contributions, in the order received.
    pub items: Vec<Inbreng>,
    /// The number the next contribution gets: never reused, so undo can tell contributions
    /// received after a step from those the step handled.
    pub next: u32,
}

impl InbrengQueue {
    /// Whether nothing waits and nothing was set aside (then the file holds no queue).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The contributions still to handle, in the order received.
    pub fn waiting(&self) -> impl Iterator<Item = &Inbreng> {
        self.items.iter().filter(|i| !i.set_aside)
    }

    /// The queue in the order the facilitator goes through it: waiting ones first, then the
    /// ones set aside.
    pub fn in_order(&self) -> Vec<&Inbreng> {
        let aside = self.items.iter().filter(|i| i.set_aside);
        self.waiting().chain(aside).collect()
    }

    /// The contribution with this number.
    pub fn get(&self, id: u32) -> Option<&Inbreng> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// Why a contribution was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InbrengError {
    /// Nothing to add: the text is empty.
    Empty,
    /// The text or provider is longer than allowed.
    TooLong,
    /// No such theme × level in the matrix (it was removed, or never was).
    NoSuchCell,
    /// The queue is full.
    QueueFull,
    /// No contribution with this number.
    Unknown(u32),
    /// The matrix refused it.
    Matrix(MatrixError),
}

/// A text as it is compared for look-alikes: lower case, letters and digits only (accents
/// dropped), words split on anything else.
fn words_of(text: &str) -> Vec<String> {
    let folded: String = text
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
            'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().map(str::to_owned).collect()
}

/// Whether two activity texts say the same thing in other words or spelling: the same words
/// (in any order, a few typos aside), or one holding all the words of the other.
pub fn alike(a: &str, b: &str) -> bool {
    let (wa, wb) = (words_of(a), words_of(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let (ja, jb) = (wa.join(" "), wb.join(" "));
    if ja == jb {
        return true;
    }
    // Typos: "Gezonde school" and "Gezonde shcool". strsim's normalized Levenshtein, chosen
    // for its edge cases (empty strings, Unicode) being right and tested.
    if strsim::normalized_levenshtein(&ja, &jb) >= 0.8 {
        return true;
    }
    // One holds all words of the other: "Gezonde School" and "Gezonde School-aanpak op
    // school" (a word matches a word it starts, so "school" matches "schoolplein").
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    let meaningful = short.iter().filter(|w| w.chars().count() > 2).count();
    meaningful >= 1
        && short.iter().filter(|w| w.chars().count() > 2).all(|w| {
            long.iter().any(|l| l.starts_with(w.as_str()) || strsim::levenshtein(w, l) <= 1)
        })
}

/// The first activity of `activities` that looks like `text`, by position.
pub fn look_alike(text: &str, activities: &[Activity]) -> Option<usize> {
    activities.iter().position(|a| alike(text, &a.text))
}

impl Session {
    /// Puts a phone's contribution in the queue: checked (the cell exists, the text is there
    /// and not too long, the queue has room), nothing else changes. Returns its number.
    pub fn receive(
        &mut self,
        theme: ThemeId,
        level: LevelId,
        text: &str,
        provider: &str,
        status: ActivityStatus,
        from: &str,
    ) -> Result<u32, InbrengError> {
        let (text, provider) = (text.trim(), provider.trim());
        if text.is_empty() {
            return Err(InbrengError::Empty);
        }
        if text.chars().count() > MAX_INBRENG_TEXT
            || provider.chars().count() > MAX_INBRENG_PROVIDER
        {
            return Err(InbrengError::TooLong);
        }
        if self.matrix.theme(theme).is_none() || self.matrix.level(level).is_none() {
            return Err(InbrengError::NoSuchCell);
        }
        if self.inbreng.items.len() >= MAX_WAITING {
            return Err(InbrengError::QueueFull);
        }
        let id = self.inbreng.next;
        self.inbreng.next += 1;
        let (text, provider, from) = (text.to_owned(), provider.to_owned(), from.to_owned());
        let item = Inbreng { id, theme, level, text, provider, status, from, set_aside: false };
        self.inbreng.items.push(item);
        Ok(id)
    }

    /// Takes contribution `id` into its cell as an activity, with `text` and `provider` as
    /// the facilitator has them now (as sent, or edited), and out of the queue.
    pub fn take_in(&mut self, id: u32, text: &str, provider: &str) -> Result<(), InbrengError> {
        let item = self.inbreng.get(id).cloned().ok_or(InbrengError::Unknown(id))?;
        if text.trim().is_empty() {
            return Err(InbrengError::Empty);
        }
        let activity = Activity::new(text.trim(), item.status, provider.trim());
        self.matrix.add_activity(item.theme, item.level, activity).map_err(InbrengError::Matrix)?;
        self.inbreng.items.retain(|i| i.id != id);
        Ok(())
    }

    /// Merges contribution `id` with the activity at `at` in its cell: the same activity,
    /// said again. The activity keeps its words; it takes the provider if it had none, and
    /// becomes bestaand if the phone says it exists. The contribution leaves the queue.
    pub fn merge_inbreng(&mut self, id: u32, at: usize) -> Result<(), InbrengError> {
        let item = self.inbreng.get(id).cloned().ok_or(InbrengError::Unknown(id))?;
        let theme = self.matrix.theme_mut(item.theme).map_err(InbrengError::Matrix)?;
        let activity = theme
            .cells
            .get_mut(&item.level)
            .and_then(|cell| cell.get_mut(at))
            .ok_or(InbrengError::NoSuchCell)?;
        if activity.provider.trim().is_empty() {
            activity.provider = item.provider.clone();
        }
        if item.status == ActivityStatus::Existing {
            activity.status = ActivityStatus::Existing;
        }
        self.inbreng.items.retain(|i| i.id != id);
        Ok(())
    }

    /// Sets contribution `id` aside (or back in the queue): kept, out of the way.
    pub fn set_inbreng_aside(&mut self, id: u32) -> Result<(), InbrengError> {
        let item =
            self.inbreng.items.iter_mut().find(|i| i.id == id).ok_or(InbrengError::Unknown(id))?;
        item.set_aside = !item.set_aside;
        Ok(())
    }

    /// The activity already in contribution `id`'s cell that looks like it, by position.
    pub fn inbreng_look_alike(&self, id: u32) -> Option<usize> {
        let item = self.inbreng.get(id)?;
        let theme = self.matrix.theme(item.theme)?;
        look_alike(&item.text, theme.activities(item.level))
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::template::PREVENTIEMATRIX;

    fn session() -> (Session, ThemeId, LevelId) {
        let s = Session::new("T", &PREVENTIEMATRIX, Timestamp::UNIX_EPOCH);
        let (theme, level) = (s.matrix.themes[0].id, s.matrix.levels[0].id);
        (s, theme, level)
    }

    #[test]
    fn look_alikes_are_the_same_words_a_typo_or_a_longer_version() {
        assert!(alike("Gezonde School", "gezonde school"));
        assert!(alike("Gezonde School", "Gezonde shcool"));
        assert!(alike("Schoolfruit", "schoolfruit!"));
        assert!(alike("Kanjertraining", "Kanjertraining in groep 5 tot en met 8"));
        assert!(alike("Jeugdfonds Sport & Cultuur", "jeugdfonds sport en cultuur"));
        assert!(alike("Diëtist in de wijk", "Dietist in de wijk"));
        assert!(!alike("Gezonde School", "Veilige School"));
        assert!(!alike("Kookles", "Wandelclub"));
        assert!(!alike("", "Kookles"));
        assert!(!alike("de", "de wijk"), "only short words say nothing");
    }

    #[test]
    fn a_contribution_waits_until_taken_in_merged_or_set_aside() {
        let (mut s, theme, level) = session();
        let a = s.receive(theme, level, " Kookles ", "GGD", ActivityStatus::Needed, "t1").unwrap();
        let b = s.receive(theme, level, "Wandelclub", "", ActivityStatus::Existing, "t2").unwrap();
        assert_eq!((a, b, s.inbreng.waiting().count()), (0, 1, 2));
        assert!(s.matrix.theme(theme).unwrap().activities(level).is_empty(), "nothing unseen");
        s.take_in(a, "Kookles voor ouders", "GGD").unwrap();
        let cell = s.matrix.theme(theme).unwrap().activities(level);
        assert_eq!(
            (cell[0].text.as_str(), cell[0].status),
            ("Kookles voor ouders", ActivityStatus::Needed)
        );
        // The same said again: merged, the provider and "it exists" come along.
        let c =
            s.receive(theme, level, "kookles", "Buurtsportcoach", ActivityStatus::Existing, "t3");
        let c = c.unwrap();
        assert_eq!(s.inbreng_look_alike(c), Some(0));
        s.merge_inbreng(c, 0).unwrap();
        let cell = s.matrix.theme(theme).unwrap().activities(level);
        assert_eq!(cell.len(), 1);
        assert_eq!((cell[0].provider.as_str(), cell[0].status), ("GGD", ActivityStatus::Existing));
        s.set_inbreng_aside(b).unwrap();
        assert_eq!((s.inbreng.waiting().count(), s.inbreng.items.len()), (0, 1));
        assert_eq!(s.take_in(99, "x", ""), Err(InbrengError::Unknown(99)));
    }

    #[test]
    fn bad_contributions_are_refused_and_change_nothing() {
        let (mut s, theme, level) = session();
        let long = "x".repeat(MAX_INBRENG_TEXT + 1);
        let existing = ActivityStatus::Existing;
        assert_eq!(s.receive(theme, level, "  ", "", existing, ""), Err(InbrengError::Empty));
        assert_eq!(s.receive(theme, level, &long, "", existing, ""), Err(InbrengError::TooLong));
        let other = ThemeId(9999);
        assert_eq!(s.receive(other, level, "a", "", existing, ""), Err(InbrengError::NoSuchCell));
        for i in 0..MAX_WAITING {
            s.receive(theme, level, &format!("a{i}"), "", existing, "").unwrap();
        }
        assert_eq!(s.receive(theme, level, "a", "", existing, ""), Err(InbrengError::QueueFull));
    }
}
