//! Deelnemers: the people at the table.

use serde::{Deserialize, Serialize};

use super::ParticipantId;

/// Whether a partner is always at the knooppunt table or joins when a subject asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Structurele kernpartner: part of every meeting.
    #[default]
    Structural,
    /// Incidentele kernpartner: joins for some subjects.
    Incidental,
}

/// Who a partner is at the table, from the seed's list of kernpartners (seed 001 and 003).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Partner {
    /// Schoolleiding (directeur, teamleider).
    Schoolleiding,
    /// Intern begeleider or zorgcoördinator.
    InternBegeleider,
    /// Leerkracht or mentor.
    Leerkracht,
    /// Jeugdgezondheidszorg: jeugdarts, jeugdverpleegkundige.
    Jgz,
    /// Schoolmaatschappelijk werk.
    Schoolmaatschappelijkwerk,
    /// Wijkteam or the gemeente's toegang to jeugdhulp.
    Toegang,
    /// Leerplicht.
    Leerplicht,
    /// Jongerenwerk, kinder- en jongerenwerk.
    Jongerenwerk,
    /// Kinderopvang.
    Kinderopvang,
    /// Gemeente (beleid).
    Gemeente,
    /// Samenwerkingsverband passend onderwijs.
    Samenwerkingsverband,
    /// Ouders: partners on equal footing.
    Ouders,
    /// Leerlingen.
    Leerlingen,
    /// Anyone else (sport, bibliotheek, politie, huisarts…).
    Overig,
}

impl Partner {
    /// In the order the seed lists them.
    pub const ALL: [Partner; 14] = [
        Partner::Schoolleiding,
        Partner::InternBegeleider,
        Partner::Leerkracht,
        Partner::Jgz,
        Partner::Schoolmaatschappelijkwerk,
        Partner::Toegang,
        Partner::Leerplicht,
        Partner::Jongerenwerk,
        Partner::Kinderopvang,
        Partner::Gemeente,
        Partner::Samenwerkingsverband,
        Partner::Ouders,
        Partner::Leerlingen,
        Partner::Overig,
    ];

    /// The structural kernpartners a new session lists as open seats, in the seed's order
    /// (seed 001): schoolleiding, intern begeleider, JGZ, schoolmaatschappelijk werk, the
    /// wijkteam or toegang, leerplicht, jongerenwerk, ouders and leerlingen.
    pub const STRUCTURAL_SEATS: [Partner; 9] = [
        Partner::Schoolleiding,
        Partner::InternBegeleider,
        Partner::Jgz,
        Partner::Schoolmaatschappelijkwerk,
        Partner::Toegang,
        Partner::Leerplicht,
        Partner::Jongerenwerk,
        Partner::Ouders,
        Partner::Leerlingen,
    ];

    /// Who must be at the table for the method to work: the children themselves, their
    /// parents, youth health care and the access to jeugdhulp (seed 001).
    pub const ESSENTIAL: [Partner; 4] =
        [Partner::Leerlingen, Partner::Ouders, Partner::Jgz, Partner::Toegang];

    /// The next kind for a one-key change; after the last, none.
    pub fn next(partner: Option<Partner>) -> Option<Partner> {
        match partner {
            None => Some(Partner::ALL[0]),
            Some(p) => Partner::ALL
                .iter()
                .position(|&x| x == p)
                .and_then(|i| Partner::ALL.get(i + 1))
                .copied(),
        }
    }

    /// The kind an organisation's name points at, for sessions from before partners had a
    /// kind: "JGZ (jeugdverpleegkundige)" is JGZ, "Ouder (ouderraad)" is Ouders.
    pub fn guess(organisation: &str) -> Option<Partner> {
        let o = organisation.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| o.contains(w));
        Some(if has(&["jgz", "jeugdgezondheid", "jeugdarts", "jeugdverpleeg", "ggd"]) {
            Partner::Jgz
        } else if has(&["ouder"]) {
            Partner::Ouders
        } else if has(&["leerling", "kinderraad", "jongerenraad"]) {
            Partner::Leerlingen
        } else if has(&["toegang", "wijkteam", "jeugdteam", "sociaal team"]) {
            Partner::Toegang
        } else if has(&["intern begeleider", "zorgco"]) {
            Partner::InternBegeleider
        } else if has(&["schoolmaatschappelijk"]) {
            Partner::Schoolmaatschappelijkwerk
        } else if has(&["leerplicht"]) {
            Partner::Leerplicht
        } else if has(&["jongerenwerk", "kinderwerk"]) {
            Partner::Jongerenwerk
        } else if has(&["kinderopvang", "bso"]) {
            Partner::Kinderopvang
        } else if has(&["samenwerkingsverband", "swv"]) {
            Partner::Samenwerkingsverband
        } else if has(&["directeur", "directie", "schoolleid"]) {
            Partner::Schoolleiding
        } else if has(&["leerkracht", "mentor"]) {
            Partner::Leerkracht
        } else if has(&["gemeente"]) {
            Partner::Gemeente
        } else {
            return None;
        })
    }
}

/// The longest name or organisation: enough for "Gemeentelijke toegang, team Overvecht-Noord".
/// The keyboard's form and a phone signing in keep to it alike.
pub const MAX_NAME: usize = 80;

/// One deelnemer: a person, the organisation they speak for, and whether they are here today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Unique within the session.
    pub id: ParticipantId,
    /// How the room calls them, e.g. "Fatima el Amrani".
    pub name: String,
    /// Who they speak for, e.g. "JGZ" or "ouder".
    pub organisation: String,
    /// Structural or incidental partner.
    pub role: Role,
    /// Present at this meeting; only present participants vote.
    pub present: bool,
    /// Who they are at the table; none in files from before (see [`Participant::partner`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
}

impl Participant {
    /// Who they are at the table: as set, else as their organisation's name says.
    pub fn partner(&self) -> Option<Partner> {
        self.partner.or_else(|| Partner::guess(&self.organisation))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partners_cycle_and_old_organisations_are_recognised() {
        assert_eq!(Partner::next(None), Some(Partner::Schoolleiding));
        assert_eq!(Partner::next(Some(Partner::Overig)), None);
        assert_eq!(Partner::guess("JGZ (jeugdverpleegkundige)"), Some(Partner::Jgz));
        assert_eq!(Partner::guess("Ouder (ouderraad)"), Some(Partner::Ouders));
        assert_eq!(Partner::guess("Gemeentelijke toegang"), Some(Partner::Toegang));
        assert_eq!(
            Partner::guess("OBS De Regenboog (intern begeleider)"),
            Some(Partner::InternBegeleider)
        );
        assert_eq!(Partner::guess("Bibliotheek"), None);
        let mut p = Participant {
            id: ParticipantId(1),
            name: "Sanne".into(),
            organisation: "GGD".into(),
            role: Role::Structural,
            present: true,
            partner: None,
        };
        assert_eq!(p.partner(), Some(Partner::Jgz), "guessed");
        p.partner = Some(Partner::Gemeente);
        assert_eq!(p.partner(), Some(Partner::Gemeente), "what was set wins");
    }
}
