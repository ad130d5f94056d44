//! The unit card of the ranking view.

use chiso_engine::format::Lang;

/// Fixed strings of the unit card.
pub struct CardMsg {
    /// The card's way on to the what-if view.
    pub whatif: &'static str,
    /// Closing the card.
    pub close: &'static str,
}

const VI: CardMsg = CardMsg { whatif: "Giả định với đơn vị này", close: "Đóng" };

const EN: CardMsg = CardMsg { whatif: "What if, for this unit", close: "Close" };

/// The unit card's strings for a language.
pub fn card(lang: Lang) -> &'static CardMsg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// "hạng 22/22" in the unit card.
pub fn card_rank(position: u32, count: Option<u32>, lang: Lang) -> String {
    match (count, lang) {
        (Some(n), Lang::Vi) => format!("hạng {position}/{n}"),
        (Some(n), Lang::En) => format!("rank {position} of {n}"),
        (None, Lang::Vi) => format!("hạng {position}"),
        (None, Lang::En) => format!("rank {position}"),
    }
}
