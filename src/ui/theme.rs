//! Colours for the room: a high-contrast default for washed-out projectors, a light variant,
//! and plain monochrome for `NO_COLOR`. Meaning never rests on colour alone: every coloured
//! thing also has a marker, a border style or bold/reversed text.

use ratatui::style::{Color, Modifier, Style};

/// The styles the panes draw with.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Ordinary text.
    pub text: Style,
    /// Less important text (hints, providers).
    pub dim: Style,
    /// The border and title of the focused pane.
    pub focus: Style,
    /// Borders of the other panes.
    pub border: Style,
    /// The selected row.
    pub selected: Style,
    /// A gap in the matrix.
    pub gap: Style,
    /// Vote bars and the top N.
    pub bar: Style,
    /// Warnings: time up, save failed, no owner.
    pub warn: Style,
    /// The status line.
    pub status: Style,
}

impl Palette {
    /// Light text on black, strong yellow and cyan accents: reads on a washed-out projector.
    pub fn high_contrast() -> Self {
        let base = Style::new().fg(Color::White).bg(Color::Black);
        Palette {
            text: base,
            dim: base.fg(Color::Gray),
            focus: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            border: base.fg(Color::Gray),
            selected: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            gap: base.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            bar: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Black).bg(Color::LightRed).add_modifier(Modifier::BOLD),
            status: Style::new().fg(Color::Black).bg(Color::White),
        }
    }

    /// Dark text on white, for bright rooms.
    pub fn light() -> Self {
        let base = Style::new().fg(Color::Black).bg(Color::White);
        Palette {
            text: base,
            dim: base.fg(Color::DarkGray),
            focus: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            border: base.fg(Color::DarkGray),
            selected: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(Modifier::BOLD),
            gap: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            bar: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
            status: Style::new().fg(Color::White).bg(Color::Black),
        }
    }

    /// No colour at all (`NO_COLOR`): bold, reversed and markers carry everything.
    pub fn mono() -> Self {
        let base = Style::new();
        Palette {
            text: base,
            dim: base,
            focus: base.add_modifier(Modifier::BOLD),
            border: base,
            selected: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            gap: base.add_modifier(Modifier::BOLD),
            bar: base.add_modifier(Modifier::BOLD),
            warn: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status: base.add_modifier(Modifier::REVERSED),
        }
    }

    /// The palette by name (`contrast`, `light`), with `NO_COLOR` winning over any name.
    pub fn choose(name: Option<&str>, no_color: bool) -> Self {
        match (no_color, name) {
            (true, _) => Palette::mono(),
            (false, Some("light" | "licht")) => Palette::light(),
            _ => Palette::high_contrast(),
        }
    }
}
