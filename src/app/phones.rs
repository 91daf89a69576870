//! The ballot box for phones as the Stemmen pane shows it: the address, the code and how
//! many phones came and voted.

/// The ballot box for phones, as the screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhonesView {
    /// The round the box serves.
    pub round: crate::model::RoundId,
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
    pub fn new(round: crate::model::RoundId, url: &str, address: &str, code: &str) -> Self {
        PhonesView {
            round,
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
