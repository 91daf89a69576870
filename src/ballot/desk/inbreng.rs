//! The desk's inbreng page (step 2): a phone sends one activity at a time for a cell of the
//! matrix, bestaand or nodig, with its provider if known. The box checks size, cell and the
//! phone's budget; the app queues what passes for the facilitator, who decides what enters
//! the matrix.

use super::*;
use crate::i18n::errors::inbreng_text;
use crate::model::{ActivityStatus, InbrengError, LevelId, MAX_INBRENG_PROVIDER, MAX_INBRENG_TEXT};

impl Desk {
    /// The inbreng form as device `token` sees it, with a fresh page token; `sent` is the
    /// activity just received, `refused` why the last one was not.
    pub(super) fn inbreng_page(
        &mut self,
        token: &str,
        sent: Option<&str>,
        refused: Option<&str>,
    ) -> String {
        let page_token = self.page_token(token);
        let action = format!("/s/{}", self.long_code);
        let Serving::Inbreng(inbreng) = &self.serving else {
            return page::message(self.lang, self.lang.texts().page_closed);
        };
        let device = self.devices.get(token);
        let chosen = device.and_then(|d| d.last_cell);
        let count = device.map_or(0, |d| d.sent);
        let notice = match (sent, refused) {
            (_, Some(why)) => page::InbrengNotice::Refused(why),
            (Some(text), None) => page::InbrengNotice::Received(text, count),
            (None, None) => page::InbrengNotice::None,
        };
        page::inbreng(self.lang, &action, &page_token, inbreng, chosen, notice)
    }

    /// A sent activity: checked, counted against the phone's and the box's budget, and
    /// passed on to the app, which queues it for the facilitator.
    pub(super) fn post_inbreng(&mut self, token: &str, form: &[(String, String)]) -> Reply {
        let lang = self.lang;
        let t = lang.texts();
        let field = |name: &str| {
            form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str()).trim()
        };
        let Serving::Inbreng(inbreng) = &self.serving else {
            return self.refuse(token, None, 409, t.page_closed);
        };
        let cell = field("c")
            .split_once('-')
            .and_then(|(th, lv)| Some((ThemeId(th.parse().ok()?), LevelId(lv.parse().ok()?))));
        let Some((theme, level)) =
            cell.filter(|(th, lv)| inbreng.cells.iter().any(|c| c.theme == *th && c.level == *lv))
        else {
            let why = inbreng_text(lang, &InbrengError::NoSuchCell);
            return self.refuse(token, None, 422, &why);
        };
        let (text, provider) = (one_line(field("t")), one_line(field("a")));
        let refusal = if text.is_empty() {
            Some(InbrengError::Empty)
        } else if text.chars().count() > MAX_INBRENG_TEXT
            || provider.chars().count() > MAX_INBRENG_PROVIDER
        {
            Some(InbrengError::TooLong)
        } else {
            None
        };
        if let Some(e) = refusal {
            let why = inbreng_text(lang, &e);
            return self.refuse(token, None, 422, &why);
        }
        let status =
            if field("s") == "n" { ActivityStatus::Needed } else { ActivityStatus::Existing };
        let sent = self.devices.get(token).map_or(0, |d| d.sent);
        if sent >= self.limits.contributions_per_device
            || self.contributions >= self.limits.max_contributions
        {
            let why = inbreng_text(lang, &InbrengError::QueueFull);
            return self.refuse(token, None, 429, &why);
        }
        self.contributions += 1;
        let label = match self.devices.get_mut(token) {
            Some(device) => {
                device.sent += 1;
                device.last_cell = Some((theme, level));
                device.label.clone()
            }
            None => String::new(),
        };
        let body = self.inbreng_page(token, Some(&text), None);
        let event = BallotEvent::Inbreng { theme, level, text, provider, status, device: label };
        Reply { status: 200, body, cookie: None, event: Some(event) }
    }
}
