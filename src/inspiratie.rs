//! Inspiratie: example activities per theme and level and the protective factors from the
//! seeds, so a facilitator picks one into a matrix cell instead of retyping what every
//! knooppunt writes. The examples are data, not code: one file per template and language in
//! `data/inspiratie/` (compiled in), and a region adds its own in a file of the same shape,
//! merged on top (`KNOOP_INSPIRATIE=path`, else `inspiratie/<template>.<nl|en>.json` in
//! knoop's data directory).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::{Level, Theme};

/// The key of the basis row in an inspiration file: its long text may be worded per region.
pub const BASIS_KEY: &str = "basis";

/// The examples of one theme (a row of the matrix).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemaInspiratie {
    /// Example activities per level name ("Universeel", "Selectief", "Geïndiceerd").
    #[serde(default)]
    pub niveaus: BTreeMap<String, Vec<String>>,
    /// Protective factors that this theme builds on.
    #[serde(default)]
    pub beschermende_factoren: Vec<String>,
}

/// A template's inspiration in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspiratie {
    /// Protective factors of a strong pedagogical basis, for every theme (seed 001).
    #[serde(default)]
    pub beschermende_factoren: Vec<String>,
    /// Per theme, keyed by its desired outcome as the template names it ("Gezonde
    /// leefstijl"), or [`BASIS_KEY`] for the basis row.
    #[serde(default)]
    pub themas: BTreeMap<String, ThemaInspiratie>,
}

/// One line of the pick list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Voorbeeld {
    /// An example activity for this theme and level.
    Activiteit(String),
    /// A protective factor to strengthen, for this theme or every theme.
    Beschermend(String),
}

impl Voorbeeld {
    /// The words that become the activity's text.
    pub fn text(&self) -> &str {
        match self {
            Voorbeeld::Activiteit(s) | Voorbeeld::Beschermend(s) => s,
        }
    }
}

impl Inspiratie {
    /// Reads an inspiration file.
    pub fn parse(json: &str) -> Result<Inspiratie, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Adds a region's examples after these: the region extends, it does not replace, and
    /// an example already listed is not listed twice.
    pub fn merge(&mut self, region: Inspiratie) {
        fn extend(into: &mut Vec<String>, more: Vec<String>) {
            for s in more {
                if !into.contains(&s) {
                    into.push(s);
                }
            }
        }
        extend(&mut self.beschermende_factoren, region.beschermende_factoren);
        for (key, thema) in region.themas {
            let mine = self.themas.entry(key).or_default();
            for (level, acts) in thema.niveaus {
                extend(mine.niveaus.entry(level).or_default(), acts);
            }
            extend(&mut mine.beschermende_factoren, thema.beschermende_factoren);
        }
    }

    /// The pick list for a cell: the level's example activities, then the theme's protective
    /// factors, then those of every theme.
    pub fn voorbeelden(&self, theme: &Theme, level: &Level) -> Vec<Voorbeeld> {
        let key = if theme.basis { BASIS_KEY } else { theme.desired.as_str() };
        let thema = self.themas.get(key);
        let acts = thema.and_then(|t| t.niveaus.get(&level.name)).into_iter().flatten();
        let mut list: Vec<_> = acts.cloned().map(Voorbeeld::Activiteit).collect();
        let own = thema.map(|t| t.beschermende_factoren.iter()).into_iter().flatten();
        for f in own.chain(&self.beschermende_factoren) {
            let v = Voorbeeld::Beschermend(f.clone());
            if !list.contains(&v) {
                list.push(v);
            }
        }
        list
    }
}

/// The compiled-in inspiration of a template, if it has any.
pub fn builtin(template: &str, lang: Lang) -> Option<Inspiratie> {
    let json = match (template, lang) {
        ("preventiematrix", Lang::Nl) => include_str!("../data/inspiratie/preventiematrix.nl.json"),
        ("preventiematrix", Lang::En) => include_str!("../data/inspiratie/preventiematrix.en.json"),
        ("onderwijs-jeugdhulp", Lang::Nl) => {
            include_str!("../data/inspiratie/onderwijs-jeugdhulp.nl.json")
        }
        ("onderwijs-jeugdhulp", Lang::En) => {
            include_str!("../data/inspiratie/onderwijs-jeugdhulp.en.json")
        }
        _ => return None,
    };
    Inspiratie::parse(json).ok()
}

/// Where a region's own examples for this template and language are: `KNOOP_INSPIRATIE`,
/// else the data directory's `inspiratie/<template>.<nl|en>.json`.
pub fn region_path(template: &str, lang: Lang) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("KNOOP_INSPIRATIE") {
        return Some(PathBuf::from(path));
    }
    let code = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    directories::ProjectDirs::from("nl", "knoop", "knoop")
        .map(|d| d.data_dir().join("inspiratie").join(format!("{template}.{code}.json")))
}

/// The inspiration for a template: compiled in, with the region's file merged on top. A
/// region file that is missing adds nothing; one that does not parse is an error to show.
pub fn load(template: &str, lang: Lang) -> Result<Inspiratie, String> {
    let mut insp = builtin(template, lang).unwrap_or_default();
    if let Some(path) = region_path(template, lang) {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let region =
                    Inspiratie::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
                insp.merge(region);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    Ok(insp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::PREVENTIEMATRIX;

    #[test]
    fn both_languages_cover_every_cell_of_both_templates() {
        for (template, m) in [
            ("preventiematrix", PREVENTIEMATRIX.matrix()),
            ("onderwijs-jeugdhulp", crate::model::template::ONDERWIJS_JEUGDHULP.matrix()),
        ] {
            for lang in [Lang::Nl, Lang::En] {
                let insp = builtin(template, lang).expect("the file parses");
                assert_eq!(insp.themas.len(), m.themes.len(), "{lang:?}: one entry per theme");
                for theme in m.themes.iter() {
                    for level in m.levels.iter() {
                        let list = insp.voorbeelden(theme, level);
                        let acts =
                            list.iter().filter(|v| matches!(v, Voorbeeld::Activiteit(_))).count();
                        assert!(
                            acts > 0,
                            "{lang:?}: {} × {} has no example",
                            theme.desired,
                            level.name
                        );
                    }
                }
            }
        }
        assert!(builtin("leeg", Lang::Nl).is_none());
    }

    #[test]
    fn a_region_file_extends_without_doubling() {
        let m = PREVENTIEMATRIX.matrix();
        let mut insp = builtin("preventiematrix", Lang::Nl).unwrap();
        let (theme, level) = (&m.themes[6], &m.levels[0]);
        let before = insp.voorbeelden(theme, level);
        let region = Inspiratie::parse(
            r#"{"themas": {"Zelfverantwoordelijk gedrag": {"niveaus": {"Universeel":
                ["Voorlichting over alcohol, roken en drugs", "Gezonde kantine in de sporthal"]}}}}"#,
        )
        .unwrap();
        insp.merge(region);
        let after = insp.voorbeelden(theme, level);
        assert_eq!(after.len(), before.len() + 1, "one new, one already there");
        assert!(after.contains(&Voorbeeld::Activiteit("Gezonde kantine in de sporthal".into())));
    }
}
