//! Signing in from a phone: in a named round, someone whose name is not on the list types it
//! (and their organisation) on the phone instead of the facilitator typing it at the keyboard.
//! The app adds them as present; the phone then holds that name and votes as them. One name
//! per phone, names at most as long as the keyboard allows, and no more sign-ins than phones
//! may vote.

use super::*;
use crate::model::MAX_NAME as MAX_FIELD;

impl Desk {
    /// A phone signs in as `name` of `organisation`.
    pub(super) fn join(
        &mut self,
        token: &str,
        mine: Option<Voter>,
        name: &str,
        organisation: &str,
    ) -> Reply {
        let t = self.lang.texts();
        let (name, organisation) = (one_line(name), one_line(organisation));
        let Some(round) = self.round().filter(|r| !r.round.anonymous) else {
            return self.refuse(token, mine, 409, t.page_closed);
        };
        if name.is_empty() {
            return self.refuse(token, mine, 422, t.page_join_name_missing);
        }
        if name.chars().count() > MAX_FIELD || organisation.chars().count() > MAX_FIELD {
            let why = fill(t.page_join_too_long, &[&MAX_FIELD]);
            return self.refuse(token, mine, 422, &why);
        }
        let device = self.devices.get(token);
        if mine.is_some() || device.is_some_and(|d| d.joined.is_some()) {
            return self.refuse(token, mine, 409, t.page_join_twice);
        }
        if round.present.iter().any(|(_, n)| n.eq_ignore_ascii_case(&name)) {
            return self.refuse(token, mine, 409, t.page_join_exists);
        }
        let joined = self.devices.values().filter(|d| d.joined.is_some()).count();
        if joined >= self.voters_allowed() {
            self.refused_devices += 1;
            return self.refuse(token, mine, 409, t.page_box_full);
        }
        let label = match self.devices.get_mut(token) {
            Some(device) => {
                device.joined = Some(name.clone());
                device.label.clone()
            }
            None => String::new(),
        };
        let welcome = fill(t.page_joined, &[&name]);
        let body = self.device_page(token, None, page::Notice::Joined(&welcome));
        let event = BallotEvent::Join { name, organisation, device: label };
        Reply { status: 200, body, cookie: None, event: Some(event) }
    }

    /// A phone that signed in takes its name as soon as the app has put it on the list (and
    /// nobody else holds it).
    pub(super) fn claim_joined(&mut self, token: &str) {
        let Some(name) = self.devices.get(token).and_then(|d| d.joined.clone()) else { return };
        if self.devices.get(token).is_some_and(|d| d.voter.is_some()) {
            return;
        }
        let Some(round) = self.round() else { return };
        let Some(id) = round
            .present
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(&name))
            .map(|(id, _)| Voter::Participant(*id))
        else {
            return;
        };
        if self.taken(None).contains(&id) {
            return;
        }
        if let Some(device) = self.devices.get_mut(token) {
            device.voter = Some(id);
            device.joined = None;
        }
    }
}
