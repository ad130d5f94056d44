//! The embed snippet a news site pastes into an article: an iframe of the current view plus our
//! loader script (`embed.js`), with initial heights chosen by the iframe's width so the article
//! does not jump while the chart loads.
//!
//! The iframe carries its initial heights in `data-chiso-heights="narrow,medium,wide"`; the
//! loader picks one by the iframe's own width ([`NARROW_BELOW_PX`], [`MEDIUM_BELOW_PX`]) before
//! the page inside has loaded, then follows the height the page reports. Without the loader the
//! `height` attribute (the medium height) applies and the iframe scrolls if it has to.
//!
//! Auto-height message, posted by the embedded page to its parent on load and on every change of
//! its content height: `{"chiso-height": <CSS px, integer>, "id": "<eid>"}`. The loader resizes
//! only the iframe whose `data-chiso-id` is that id, whose `contentWindow` sent the message and
//! whose `src` has the message's origin.

/// Iframes narrower than this (CSS px) start at the narrow height.
pub const NARROW_BELOW_PX: u32 = 420;

/// Iframes at least [`NARROW_BELOW_PX`] and narrower than this start at the medium height; wider
/// ones at the wide height.
pub const MEDIUM_BELOW_PX: u32 = 700;

/// Height of everything around the chart in the embed (title, summary, year switch, caption,
/// table toggle, source line, "open in full" link), in CSS px, at each width band. Measured in
/// headless Chromium with Be Vietnam Pro on the Hanoi dataset (tests/embed.test.mjs checks that
/// the estimate stays within 15% of what the page reports).
///
/// Measured (content height minus chart height, Vietnamese and English): 414 px at 320 px wide,
/// 354–365 px at 360, 334–313 at 419, 293 from 420 to 699, 273 from 700 on.
const CHROME_PX: InitialHeights = InitialHeights { narrow_px: 370, medium_px: 295, wide_px: 275 };

/// The iframe's starting height at each width band, in CSS px.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InitialHeights {
    /// Below [`NARROW_BELOW_PX`] (phones).
    pub narrow_px: u32,
    /// From [`NARROW_BELOW_PX`] to below [`MEDIUM_BELOW_PX`] (tablets, narrow columns).
    pub medium_px: u32,
    /// From [`MEDIUM_BELOW_PX`] on (a desktop article column).
    pub wide_px: u32,
}

impl InitialHeights {
    /// Heights for an embed whose chart is `chart_px` tall (the chart's height does not depend
    /// on the width; the text around it wraps more on narrow screens).
    pub fn around_chart(chart_px: u32) -> InitialHeights {
        InitialHeights {
            narrow_px: CHROME_PX.narrow_px + chart_px,
            medium_px: CHROME_PX.medium_px + chart_px,
            wide_px: CHROME_PX.wide_px + chart_px,
        }
    }

    /// The height for an iframe `width_px` wide.
    pub fn for_width(&self, width_px: u32) -> u32 {
        if width_px < NARROW_BELOW_PX {
            self.narrow_px
        } else if width_px < MEDIUM_BELOW_PX {
            self.medium_px
        } else {
            self.wide_px
        }
    }
}

/// What the snippet needs. URLs are absolute and already percent-encoded.
#[derive(Debug, Clone, PartialEq)]
pub struct SnippetSpec<'a> {
    /// The embedded page, with its query (which includes `embed=1` and `eid=`).
    pub page_url: &'a str,
    /// The loader script (`embed.js` next to the page).
    pub loader_url: &'a str,
    /// The iframe's accessible name (its `title` attribute).
    pub title: &'a str,
    /// The embed instance id: `data-chiso-id`, the same as the page's `eid`.
    pub eid: &'a str,
    /// Starting heights.
    pub heights: InitialHeights,
}

/// The HTML a news site pastes: the iframe, then the loader script (async, so it never holds up
/// the article). Every attribute value is escaped.
pub fn snippet(spec: &SnippetSpec<'_>) -> String {
    let h = spec.heights;
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" data-chiso-id=\"{eid}\" \
         data-chiso-heights=\"{n},{m},{w}\" loading=\"lazy\" width=\"100%\" height=\"{m}\" \
         style=\"border:0;width:100%;max-width:100%\"></iframe>\n\
         <script src=\"{loader}\" async></script>",
        src = escape_attr(spec.page_url),
        title = escape_attr(spec.title),
        eid = escape_attr(spec.eid),
        n = h.narrow_px,
        m = h.medium_px,
        w = h.wide_px,
        loader = escape_attr(spec.loader_url),
    )
}

/// `text` made safe inside a double-quoted HTML attribute.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_follow_the_width_bands() {
        let h = InitialHeights { narrow_px: 650, medium_px: 575, wide_px: 400 };
        let check = |width, expected| assert_eq!(h.for_width(width), expected, "width {width}");
        check(0, 650);
        check(320, 650);
        check(419, 650);
        check(420, 575);
        check(699, 575);
        check(700, 400);
        check(1280, 400);
    }

    #[test]
    fn heights_grow_with_the_chart_and_shrink_with_the_width() {
        let small = InitialHeights::around_chart(200);
        let big = InitialHeights::around_chart(400);
        assert_eq!(big.wide_px - small.wide_px, 200);
        assert!(small.narrow_px > small.medium_px && small.medium_px > small.wide_px);
    }

    #[test]
    fn snippet_is_escaped_and_complete() {
        let spec = SnippetSpec {
            page_url: "https://example.org/chiso/?v=1&group=districts&embed=1&eid=chiso-ab12",
            loader_url: "https://example.org/chiso/embed.js",
            title: "Chỉ số \"CCHC\" <2023> & more",
            eid: "chiso-ab12",
            heights: InitialHeights { narrow_px: 650, medium_px: 575, wide_px: 400 },
        };
        let expected =
            "<iframe src=\"https://example.org/chiso/?v=1&amp;group=districts&amp;embed=1&amp;eid=chiso-ab12\" \
            title=\"Chỉ số &quot;CCHC&quot; &lt;2023&gt; &amp; more\" data-chiso-id=\"chiso-ab12\" \
            data-chiso-heights=\"650,575,400\" loading=\"lazy\" width=\"100%\" height=\"575\" \
            style=\"border:0;width:100%;max-width:100%\"></iframe>\n\
            <script src=\"https://example.org/chiso/embed.js\" async></script>";
        assert_eq!(snippet(&spec), expected);
    }
}
