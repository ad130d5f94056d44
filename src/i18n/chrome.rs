//! The page's frame: the document title, the language switch, the dataset picker and view
//! tabs, the copy-link button, the embed code generator and the compact embed chrome.

use chiso_engine::format::Lang;
use chiso_engine::view_state::View;

/// Strings of the page's frame rather than of a view: the language switch, the embed code
/// generator, the compact embed chrome and the error panel.
pub struct ChromeMsg {
    /// The document's `<title>`.
    pub page_title: &'static str,
    pub lang_switch_label: &'static str,
    pub embed_button: &'static str,
    pub embed_heading: &'static str,
    pub embed_code_label: &'static str,
    pub embed_help: &'static str,
    pub embed_copy: &'static str,
    pub embed_copied: &'static str,
    pub embed_copy_failed: &'static str,
    pub embed_close: &'static str,
    /// The embed's link to the full explorer ("Mở đầy đủ").
    pub open_full: &'static str,
    /// Said after a link that opens a new tab (for screen readers).
    pub new_tab: &'static str,
    /// The embed's table toggle.
    pub show_table: &'static str,
    /// Before the embed's source line.
    pub source_prefix: &'static str,
    /// Heading of the technical lines under a failure in the error panel.
    pub technical_details: &'static str,
    /// A view-state value the dataset does not have.
    pub not_found: &'static str,
}

const CHROME_VI: ChromeMsg = ChromeMsg {
    page_title: "chiso — đọc và chất vấn bảng xếp hạng",
    lang_switch_label: "Ngôn ngữ",
    embed_button: "Nhúng",
    embed_heading: "Nhúng biểu đồ này vào bài viết",
    embed_code_label: "Mã nhúng (dán vào phần HTML của bài viết)",
    embed_help:
        "Khung hiển thị đúng bộ lọc đang chọn, tự điều chỉnh chiều cao theo nội dung và không tải gì từ máy chủ khác.",
    embed_copy: "Sao chép mã",
    embed_copied: "Đã sao chép.",
    embed_copy_failed: "Không sao chép tự động được; mã đã được chọn, hãy nhấn Ctrl+C (⌘C).",
    embed_close: "Đóng",
    open_full: "Mở đầy đủ",
    new_tab: "(mở trong thẻ mới)",
    show_table: "Xem bảng số liệu",
    source_prefix: "Nguồn:",
    technical_details: "Chi tiết kỹ thuật",
    not_found: "không có trong dữ liệu này, đang hiển thị mặc định",
};

const CHROME_EN: ChromeMsg = ChromeMsg {
    page_title: "chiso — read and question a ranking",
    lang_switch_label: "Language",
    embed_button: "Embed",
    embed_heading: "Embed this chart in an article",
    embed_code_label: "Embed code (paste it into the article's HTML)",
    embed_help: "The frame shows the filters chosen now, fits its height to its content and loads nothing from any other server.",
    embed_copy: "Copy code",
    embed_copied: "Copied.",
    embed_copy_failed: "Could not copy automatically; the code is selected, press Ctrl+C (⌘C).",
    embed_close: "Close",
    open_full: "Open full view",
    new_tab: "(opens in a new tab)",
    show_table: "Show the table",
    source_prefix: "Source:",
    technical_details: "Technical details",
    not_found: "not in this dataset; showing the default",
};

/// The page-frame strings for a language.
pub fn chrome(lang: Lang) -> &'static ChromeMsg {
    match lang {
        Lang::Vi => &CHROME_VI,
        Lang::En => &CHROME_EN,
    }
}

/// The embed iframe's `title` (its accessible name in the host page).
pub fn iframe_title(heading: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{heading}: biểu đồ và bảng xếp hạng (chiso)"),
        Lang::En => format!("{heading}: chart and ranking table (chiso)"),
    }
}

/// Strings of the navigation between datasets and views.
pub struct ViewMsg {
    pub tab_ranking: &'static str,
    pub tab_whatif: &'static str,
    pub tab_sensitivity: &'static str,
    pub tab_compare: &'static str,
    pub views_label: &'static str,
    pub dataset: &'static str,
}

const VIEW_VI: ViewMsg = ViewMsg {
    tab_ranking: "Xếp hạng",
    tab_whatif: "Giả định",
    tab_sensitivity: "Độ vững",
    tab_compare: "So sánh năm",
    views_label: "Chế độ xem",
    dataset: "Bộ chỉ số",
};

const VIEW_EN: ViewMsg = ViewMsg {
    tab_ranking: "Ranking",
    tab_whatif: "What if",
    tab_sensitivity: "Robustness",
    tab_compare: "Year on year",
    views_label: "View",
    dataset: "Index",
};

/// The navigation strings for a language.
pub fn views(lang: Lang) -> &'static ViewMsg {
    match lang {
        Lang::Vi => &VIEW_VI,
        Lang::En => &VIEW_EN,
    }
}

/// The tab label of a view.
pub fn view_label(v: View, lang: Lang) -> &'static str {
    let m = views(lang);
    match v {
        View::Ranking => m.tab_ranking,
        View::WhatIf => m.tab_whatif,
        View::Sensitivity => m.tab_sensitivity,
        View::Compare => m.tab_compare,
        View::Data => super::own(lang).title,
    }
}

/// Names of the built-in datasets in the picker.
pub fn dataset_label(id: &str, lang: Lang) -> &'static str {
    match (id, lang) {
        ("hanoi-cchc", Lang::Vi) => "Chỉ số CCHC Hà Nội",
        ("hanoi-cchc", Lang::En) => "Hanoi PAR Index",
        ("pci", Lang::Vi) => "PCI — Năng lực cạnh tranh cấp tỉnh",
        ("pci", Lang::En) => "PCI — Provincial Competitiveness",
        ("papi", Lang::Vi) => "PAPI — Hiệu quả quản trị và hành chính công",
        ("papi", Lang::En) => "PAPI — Governance and Public Administration",
        ("par-index", Lang::Vi) => "PAR INDEX — Chỉ số CCHC cấp bộ, cấp tỉnh",
        ("par-index", Lang::En) => "PAR INDEX — Ministry and Provincial PAR Index",
        _ => "?",
    }
}

/// Strings of the "copy link" button.
pub struct CopyLinkMsg {
    /// The button (and the fallback field's label).
    pub copy: &'static str,
    /// Said once the link is on the clipboard.
    pub copied: &'static str,
    /// Said when the browser refused, before the link itself.
    pub copy_failed: &'static str,
}

const COPY_LINK_VI: CopyLinkMsg = CopyLinkMsg {
    copy: "Sao chép liên kết",
    copied: "Đã sao chép liên kết.",
    copy_failed: "Không sao chép được; hãy chọn và sao chép liên kết này:",
};

const COPY_LINK_EN: CopyLinkMsg = CopyLinkMsg {
    copy: "Copy link",
    copied: "Link copied.",
    copy_failed: "Could not copy; select and copy this link:",
};

/// The copy-link strings for a language.
pub fn copy_link(lang: Lang) -> &'static CopyLinkMsg {
    match lang {
        Lang::Vi => &COPY_LINK_VI,
        Lang::En => &COPY_LINK_EN,
    }
}
