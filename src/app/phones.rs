//! The ballot box for phones as the screen shows it: the address, the code and how many
//! phones came and voted (in the Stemmen pane) or sent activities in (beside the matrix).

/// What the box serves phones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhonesFor {
    /// The ballot of this open round (step 1).
    Round(crate::model::RoundId),
    /// The inbreng form for the matrix (step 2).
    Inbreng,
}

/// The ballot box for phones, as the screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhonesView {
    /// What the box serves.
    pub serving: PhonesFor,
    /// The address in the QR code, with its long code.
    pub url: String,
    /// The address to type, with the short code.
    pub address: String,
    /// The join code, to type.
    pub code: String,
    /// Phones that opened the page.
    pub connected: usize,
    /// Phones whose ballot was accepted.
    pub voted: usize,
    /// No phone reached the box in its first minute: the pane suggests a hotspot.
    pub unreached: bool,
    /// The laptop's network addresses the box could use, best first, as the pane lists them.
    pub addresses: Vec<String>,
    /// Which of them the box uses.
    pub address_at: usize,
}

impl PhonesView {
    /// A box just opened on `url` (in the QR code) and `address` (to type) with `code`: no
    /// phones yet, no other addresses to offer.
    pub fn new(serving: PhonesFor, url: &str, address: &str, code: &str) -> Self {
        PhonesView {
            serving,
            url: url.to_owned(),
            address: address.to_owned(),
            code: code.to_owned(),
            connected: 0,
            voted: 0,
            unreached: false,
            addresses: Vec::new(),
            address_at: 0,
        }
    }
}

impl PhonesView {
    /// The round phones vote in, when the box serves one.
    pub fn round(&self) -> Option<crate::model::RoundId> {
        match self.serving {
            PhonesFor::Round(round) => Some(round),
            PhonesFor::Inbreng => None,
        }
    }
}
