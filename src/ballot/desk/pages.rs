//! The desk's two pages: the ballot page a phone gets (GET) and the ballot it sends (POST),
//! with the voter each phone may be and the refusals it may get.

use super::*;

impl Desk {
    pub(super) fn get(&mut self, request: &Request, known: Option<String>, now: Instant) -> Reply {
        let t = self.lang.texts();
        let Some((token, set_cookie)) = self.device_for(request, known, now) else {
            return Reply::page(503, page::message(self.lang, t.page_box_full));
        };
        self.claim_joined(&token);
        let me = self.devices.get(&token).and_then(|d| d.voter);
        if let Some(device) = self.devices.get_mut(&token) {
            device.seen = now;
        }
        let body = match self.serving {
            Serving::Round(_) => self.device_page(&token, me, page::Notice::None),
            Serving::Inbreng(_) => self.inbreng_page(&token, None, None),
        };
        Reply { status: 200, body, cookie: set_cookie.then_some(token), event: None }
    }

    /// The ballot page as the device `token` sees it: its own ballot filled in, the names
    /// others hold left out, and a fresh page token in the form.
    /// A fresh page token for the device `token`'s next form; the device keeps its last few.
    pub(super) fn page_token(&mut self, token: &str) -> String {
        let page_token = random_hex(16).unwrap_or_default();
        if let Some(device) = self.devices.get_mut(token)
            && !page_token.is_empty()
        {
            device.pages.push_back(page_token.clone());
            while device.pages.len() > PAGES_PER_DEVICE {
                device.pages.pop_front();
            }
        }
        page_token
    }

    pub(super) fn device_page(
        &mut self,
        token: &str,
        me: Option<Voter>,
        notice: page::Notice,
    ) -> String {
        let page_token = self.page_token(token);
        let action = format!("/s/{}", self.long_code);
        let Some(round) = self.round() else { return page::message(self.lang, "") };
        let own = me.and_then(|v| round.round.ballot(v));
        page::ballot(self.lang, &action, &page_token, round, me, &self.taken(me), own, notice)
    }

    /// The names this device may not choose: held by another device, or voted at the keyboard.
    pub(super) fn taken(&self, me: Option<Voter>) -> Vec<Voter> {
        let held = self.devices.values().filter_map(|d| d.voter);
        let voted = self.round().into_iter().flat_map(|r| r.round.ballots.iter()).map(|b| b.voter);
        let mut taken: Vec<Voter> = held.chain(voted).filter(|v| Some(*v) != me).collect();
        taken.sort();
        taken.dedup();
        taken
    }

    pub(super) fn post(&mut self, request: &Request, known: Option<String>, now: Instant) -> Reply {
        let t = self.lang.texts();
        let lang = self.lang;
        let Some(token) = known else {
            return Reply::page(400, page::message(lang, t.page_reload));
        };
        let form = parse_form(&String::from_utf8_lossy(request.body));
        let mine = self.devices.get(&token).and_then(|d| d.voter);
        if let Some(device) = self.devices.get_mut(&token) {
            device.seen = now;
        }
        let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let page_ok = field("p").is_some_and(|p| {
            self.devices.get(&token).is_some_and(|d| d.pages.iter().any(|q| q == p))
        });
        if !page_ok {
            return self.refuse(&token, mine, 403, t.page_stale);
        }
        if let Serving::Inbreng(_) = self.serving {
            return self.post_inbreng(&token, &form);
        }
        if !self.round().is_some_and(|r| r.round.is_open()) {
            return self.refuse(&token, mine, 409, t.page_closed);
        }
        if field("join").is_some() {
            let (name, organisation) = (field("name").unwrap_or(""), field("org").unwrap_or(""));
            return self.join(&token, mine, name, organisation);
        }
        self.claim_joined(&token);
        let mine = self.devices.get(&token).and_then(|d| d.voter).or(mine);
        let voter = match self.choose_voter(&token, mine, field("voter")) {
            Ok(voter) => voter,
            Err((status, why)) => return self.refuse(&token, mine, status, &why),
        };
        if mine.is_none() {
            let voters = self.devices.values().filter(|d| d.voter.is_some()).count();
            if voters >= self.voters_allowed() {
                self.refused_devices += 1;
                return self.refuse(&token, mine, 409, t.page_box_full);
            }
        }
        let mut ballot = Ballot { voter, dots: Default::default() };
        for (key, value) in &form {
            let Some(theme) = key.strip_prefix('t').and_then(|n| n.parse().ok()).map(ThemeId)
            else {
                continue;
            };
            let Ok(dots) = value.parse::<u32>() else {
                let why = vote_text(lang, &VoteError::NotCandidate(theme));
                return self.refuse(&token, mine, 422, &why);
            };
            if dots > 0 {
                let on_theme = ballot.dots.entry(theme).or_insert(0);
                *on_theme = on_theme.saturating_add(dots);
            }
        }
        if let Some(Err(e)) = self.round().map(|r| r.round.check_ballot(&ballot)) {
            let why = vote_text(lang, &e);
            return self.refuse(&token, mine, 422, &why);
        }
        // Accepted: the app hears it, and the box's copy of the round takes it too, so the
        // next page shows it and the name stays this device's.
        let Serving::Round(BoxRound { round: r, .. }) = &mut self.serving else {
            return self.refuse(&token, mine, 409, t.page_closed);
        };
        r.ballots.retain(|b| b.voter != voter);
        if !ballot.dots.is_empty() {
            r.ballots.push(std::sync::Arc::new(ballot.clone()));
        }
        let round = r.id;
        let label = match self.devices.get_mut(&token) {
            Some(device) => {
                device.voter = Some(voter);
                device.voted = true;
                device.label.clone()
            }
            None => String::new(),
        };
        let body = self.device_page(&token, Some(voter), page::Notice::Received(&ballot));
        let event = BallotEvent::Ballot { round, ballot, device: label };
        Reply { status: 200, body, cookie: None, event: Some(event) }
    }

    /// Who a ballot from device `token` (now voting as `mine`) is for: its own number in an
    /// anonymous round, the name it chose in a named one. Refused with a status and a reason.
    pub(super) fn choose_voter(
        &self,
        token: &str,
        mine: Option<Voter>,
        chosen: Option<&str>,
    ) -> Result<Voter, (u16, String)> {
        let t = self.lang.texts();
        let Some(boxed) = self.round() else { return Err((409, t.page_closed.to_owned())) };
        let round = &boxed.round;
        if round.anonymous {
            if let Some(v) = mine {
                return Ok(v);
            }
            // Phones get numbers after every anonymous voter the keyboard could use.
            let used = round.ballots.iter().filter_map(|b| match b.voter {
                Voter::Anonymous(n) => Some(n),
                Voter::Participant(_) => None,
            });
            let others = self.devices.values().filter_map(|d| match d.voter {
                Some(Voter::Anonymous(n)) => Some(n),
                _ => None,
            });
            let highest = used.chain(others).max().unwrap_or(0).max(boxed.present.len() as u32);
            return Ok(Voter::Anonymous(highest + 1));
        }
        let chosen = chosen.and_then(|v| v.parse().ok()).map(ParticipantId);
        let Some(id) = chosen.filter(|id| boxed.present.iter().any(|(p, _)| p == id)) else {
            return Err((422, t.page_pick_name.to_owned()));
        };
        let voter = Voter::Participant(id);
        if let Some(other) = mine.filter(|&other| other != voter) {
            let name = boxed
                .present
                .iter()
                .find(|(p, _)| Voter::Participant(*p) == other)
                .map_or("?", |(_, n)| n.as_str());
            return Err((409, fill(t.page_other_name, &[&name])));
        }
        if mine != Some(voter) {
            if self.devices.iter().any(|(k, d)| k != token && d.voter == Some(voter)) {
                return Err((409, t.page_name_taken.to_owned()));
            }
            // A ballot that no phone holds was cast at the keyboard: no phone may replace it.
            if round.ballot(voter).is_some() {
                return Err((409, t.page_keyboard_name.to_owned()));
            }
        }
        Ok(voter)
    }

    /// How many devices may vote: the participants present (or the assumed room when no list
    /// was kept), plus the spare ones. A script with many addresses can't vote beyond it.
    pub(super) fn voters_allowed(&self) -> usize {
        let room = match self.round().map_or(0, |r| r.present.len()) {
            0 => self.limits.unlisted_room,
            n => n,
        };
        room + self.limits.spare_voters
    }

    pub(super) fn refuse(
        &mut self,
        token: &str,
        me: Option<Voter>,
        status: u16,
        why: &str,
    ) -> Reply {
        let body = match self.serving {
            Serving::Round(_) => self.device_page(token, me, page::Notice::Refused(why)),
            Serving::Inbreng(_) => self.inbreng_page(token, None, Some(why)),
        };
        Reply::page(status, body)
    }
}
