//! Where the room is: the three panes and the four steps of the Preventiematrix, and which
//! pane each step works in.

/// One of the three panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Priority voting.
    Stemmen,
    /// The grid of themes × levels.
    Matrix,
    /// Actions and agreements.
    Acties,
}

impl Pane {
    /// In focus order.
    pub const ALL: [Pane; 3] = [Pane::Stemmen, Pane::Matrix, Pane::Acties];

    pub(crate) fn index(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }

    /// The next pane in focus order, wrapping.
    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % 3]
    }

    /// The previous pane in focus order, wrapping.
    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + 2) % 3]
    }
}

/// The four steps of the Preventiematrix method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// 1: choose the top 12 and the top 3.
    Prioriteren,
    /// 2: fill the matrix.
    Inventariseren,
    /// 3: ambition and who does what.
    Aanpak,
    /// 4: agreements on keeping the overview.
    Regie,
}

impl Step {
    /// In order.
    pub const ALL: [Step; 4] = [Step::Prioriteren, Step::Inventariseren, Step::Aanpak, Step::Regie];

    /// 1 to 4.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|&s| s == self).unwrap_or(0) + 1
    }

    /// The pane where this step's work happens.
    pub fn pane(self) -> Pane {
        match self {
            Step::Prioriteren => Pane::Stemmen,
            Step::Inventariseren => Pane::Matrix,
            Step::Aanpak | Step::Regie => Pane::Acties,
        }
    }
}
