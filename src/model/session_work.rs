//! Wie doet wat and the regie: actions, ambitions and agreements of a session. Split from
//! `session` to keep each file short; it is the same `impl Session`.

use super::session::SessionError;
use jiff::civil::Date;

use super::ids::next_id;
use super::{
    Action, ActionId, Agreement, AgreementId, Ambition, MatrixError, ParticipantId, Session,
    ThemeId,
};

impl Session {
    /// Adds an open action and returns its id.
    pub fn add_action(
        &mut self,
        text: &str,
        owner: Option<ParticipantId>,
        due: Option<Date>,
    ) -> ActionId {
        let id = ActionId(next_id(self.actions.iter().map(|a| a.id.0)));
        self.actions.push(Action {
            id,
            text: text.to_owned(),
            owner,
            due,
            status: Default::default(),
            theme: None,
            level: None,
            result: String::new(),
        });
        id
    }

    /// The ambition of `theme`, if the room set one.
    pub fn ambition(&self, theme: ThemeId) -> Option<&Ambition> {
        self.ambitions.iter().find(|a| a.theme == theme)
    }

    /// Sets the ambition of its theme, replacing an earlier one; `None` for `theme` removes
    /// it. The theme must be in the matrix and not the basis row (which is a foundation, not
    /// an aim).
    pub fn set_ambition(
        &mut self,
        theme: ThemeId,
        ambition: Option<Ambition>,
    ) -> Result<(), SessionError> {
        let row = self
            .matrix
            .theme(theme)
            .ok_or(SessionError::Matrix(MatrixError::UnknownTheme(theme)))?;
        if row.basis {
            return Err(SessionError::BasisHasNoAmbition);
        }
        let at = self.ambitions.iter().position(|a| a.theme == theme);
        match (at, ambition) {
            (Some(i), Some(mut a)) => {
                a.theme = theme;
                self.ambitions[i] = a;
            }
            (None, Some(mut a)) => {
                a.theme = theme;
                self.ambitions.push(a);
            }
            (Some(i), None) => {
                self.ambitions.remove(i);
            }
            (None, None) => {}
        }
        Ok(())
    }

    /// Adds an agreement and returns its id.
    pub fn add_agreement(
        &mut self,
        text: &str,
        owner: Option<ParticipantId>,
        review: Option<Date>,
    ) -> AgreementId {
        let id = AgreementId(next_id(self.agreements.iter().map(|a| a.id.0)));
        self.agreements.push(Agreement {
            id,
            text: text.to_owned(),
            owner,
            review,
            question: None,
        });
        id
    }

    /// Adds an agreement answering `question` and returns its id. It goes after the other
    /// answers to that question, so the list reads question by question.
    pub fn add_answer(
        &mut self,
        question: Option<super::RegieQuestion>,
        text: &str,
        owner: Option<ParticipantId>,
        review: Option<Date>,
    ) -> AgreementId {
        let id = self.add_agreement(text, owner, review);
        self.set_question(id, question);
        id
    }

    /// Makes agreement `id` an answer to `question`, moving it among that question's answers.
    /// False when there is no such agreement.
    pub fn set_question(
        &mut self,
        id: AgreementId,
        question: Option<super::RegieQuestion>,
    ) -> bool {
        let Some(at) = self.agreements.iter().position(|a| a.id == id) else { return false };
        let mut agreement = self.agreements.remove(at);
        agreement.question = question;
        let key = question_key(question);
        let to = self
            .agreements
            .iter()
            .rposition(|a| question_key(a.question) <= key)
            .map_or(0, |i| i + 1);
        self.agreements.insert(to, agreement);
        true
    }

    /// The agreements in the order the regie view lists them: question by question, those
    /// without a question last; each as its place in `agreements`.
    pub fn agreements_in_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.agreements.len()).collect();
        order.sort_by_key(|&i| question_key(self.agreements[i].question));
        order
    }

    /// The regie questions nobody answered yet, in order.
    pub fn unanswered_questions(&self) -> Vec<super::RegieQuestion> {
        super::RegieQuestion::ALL
            .into_iter()
            .filter(|q| !self.agreements.iter().any(|a| a.question == Some(*q)))
            .collect()
    }
}

/// Where an agreement sorts: by its question's number, those without one last.
fn question_key(question: Option<super::RegieQuestion>) -> usize {
    question.map_or(usize::MAX, super::RegieQuestion::number)
}
