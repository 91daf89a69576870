//! Sjablonen: built-in starting points for a session's matrix, compiled into the binary.
//!
//! The texts are the method's own, from the Preventiematrix (NJI) and the onderwijs–jeugdhulp
//! matrix of the Kenniskaart 'Kwaliteit verbinding onderwijs en jeugdhulp'.

use super::{Matrix, ThemeId};

/// A row of a template: domain, desired situation (or title), problem.
pub type ThemeSeed = (&'static str, &'static str, &'static str);

/// A built-in starting point: columns, rows and (optionally) the basis row.
#[derive(Debug)]
pub struct Template {
    /// The key used on the command line and in the file, e.g. "preventiematrix".
    pub key: &'static str,
    /// The columns: name and everyday alias.
    pub levels: &'static [(&'static str, &'static str)],
    /// The rows, in order.
    pub themes: &'static [ThemeSeed],
    /// The basis row under all themes, if the template has one.
    pub basis: Option<&'static str>,
}

impl Template {
    /// A fresh matrix with this template's rows and columns and no activities.
    pub fn matrix(&self) -> Matrix {
        let mut matrix = Matrix::default();
        for (name, alias) in self.levels {
            matrix.add_level(name, alias);
        }
        for (domain, desired, problem) in self.themes {
            matrix.add_theme(domain, desired, problem);
        }
        if let Some(basis) = self.basis {
            let id: ThemeId = matrix.add_theme("", basis, "");
            if let Ok(row) = matrix.theme_mut(id) {
                row.basis = true;
            }
        }
        matrix
    }
}

/// The Preventiematrix: 19 themes in three domains × the three prevention levels.
pub const PREVENTIEMATRIX: Template = Template {
    key: "preventiematrix",
    levels: &[("Universeel", "basis"), ("Selectief", "extra"), ("Geïndiceerd", "speciaal")],
    themes: &[
        ("Gezond", "Gezonde leefstijl", "Overgewicht"),
        ("Gezond", "Gezond beweeggedrag", "Te weinig beweging"),
        ("Gezond", "Grip op het gedrag", "Gedragsproblemen"),
        ("Gezond", "Weerbare jeugd", "Weinig zelfvertrouwen"),
        ("Gezond", "Sociaal vaardige jeugdigen", "Zwak sociaal gedrag"),
        ("Gezond", "Psychisch welbevinden", "Psychische problemen"),
        ("Gezond", "Zelfverantwoordelijk gedrag", "Risicovol gedrag"),
        ("Veilig", "Veilige thuissituatie, gekoesterd worden", "Kindermishandeling"),
        ("Veilig", "Veilige school", "Onveilig schoolklimaat"),
        ("Veilig", "Pro-sociaal gedrag", "Jeugdcriminaliteit"),
        ("Veilig", "Sociale acceptatie en aansluiting", "Polarisering en radicalisering"),
        ("Kansrijk", "Gehoord en betrokken worden", "Niet betrokken bij beslissingen"),
        ("Kansrijk", "Erbij horen, gerespecteerd worden", "Sociale uitsluiting"),
        ("Kansrijk", "Actief kunnen participeren", "Weinig participatie bij beperking"),
        (
            "Kansrijk",
            "Positief opgroeiklimaat in alle leefmilieus, gekoesterd en verzorgd worden",
            "Opvoedingsonmacht en negatief opgroei-/schoolklimaat",
        ),
        ("Kansrijk", "Opgroeien met voldoende middelen", "Kinderen leven in armoede"),
        ("Kansrijk", "Elk kind presteert op niveau", "Achterblijvende resultaten"),
        ("Kansrijk", "Optimale schoolloopbaan", "Verzuim en schooluitval"),
        ("Kansrijk", "Passende ondersteuning op school", "Gebrekkige ondersteuning op school"),
    ],
    basis: Some(
        "De basis: goed pedagogisch klimaat in scholen, kinderopvang, kinderwerk, jongerenwerk",
    ),
};

/// The onderwijs–jeugdhulp matrix: five phases × passend onderwijs / gezamenlijk / jeugdhulp.
pub const ONDERWIJS_JEUGDHULP: Template = Template {
    key: "onderwijs-jeugdhulp",
    levels: &[("Passend onderwijs", ""), ("Gezamenlijke acties", "raakvlakken"), ("Jeugdhulp", "")],
    themes: &[
        ("", "Preventie in de wijk en basisondersteuning op school", ""),
        ("", "Signaleren van ondersteunings- en hulpvragen", ""),
        ("", "Samen beslissen over benodigde (extra) ondersteuning en jeugdhulp", ""),
        ("", "Toewijzen van speciale ondersteuning en specialistische jeugdhulp", ""),
        ("", "Uitvoering: bieden, volgen en evalueren van hulp en ondersteuning", ""),
    ],
    basis: None,
};

/// No rows or columns yet: the room builds its own.
pub const LEEG: Template = Template { key: "leeg", levels: &[], themes: &[], basis: None };

/// Every built-in template, the default first.
pub const ALL: [&Template; 3] = [&PREVENTIEMATRIX, &ONDERWIJS_JEUGDHULP, &LEEG];

/// The template with this key.
pub fn by_key(key: &str) -> Option<&'static Template> {
    ALL.into_iter().find(|t| t.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preventiematrix_has_19_themes_in_three_domains_three_levels_and_a_basis_row() {
        let m = PREVENTIEMATRIX.matrix();
        let names: Vec<_> = m.levels.iter().map(|l| (l.name.as_str(), l.alias.as_str())).collect();
        assert_eq!(
            names,
            [("Universeel", "basis"), ("Selectief", "extra"), ("Geïndiceerd", "speciaal")]
        );
        let themes: Vec<_> = m.themes.iter().filter(|t| !t.basis).collect();
        assert_eq!(themes.len(), 19);
        for (domain, count) in [("Gezond", 7), ("Veilig", 4), ("Kansrijk", 8)] {
            assert_eq!(themes.iter().filter(|t| t.domain == domain).count(), count, "{domain}");
        }
        let basis = m.themes.last().unwrap();
        assert!(basis.basis && basis.desired.starts_with("De basis"));
        assert_eq!(m.themes[0].label(), "Gezonde leefstijl → Overgewicht");
    }

    #[test]
    fn the_onderwijs_jeugdhulp_matrix_has_five_phases_and_three_columns() {
        let m = ONDERWIJS_JEUGDHULP.matrix();
        assert_eq!((m.themes.len(), m.levels.len()), (5, 3));
        assert!(m.themes.iter().all(|t| t.problem.is_empty() && !t.basis));
    }

    #[test]
    fn leeg_is_empty_and_keys_are_found() {
        assert_eq!(LEEG.matrix(), Matrix::default());
        for t in ALL {
            assert_eq!(by_key(t.key).unwrap().key, t.key);
        }
        assert!(by_key("onbekend").is_none());
    }
}
