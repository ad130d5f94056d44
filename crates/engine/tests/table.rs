//! A reader's own table: bytes sniffed, text split, columns guessed, the dataset built (with
//! every problem located), the fragment framing and the CSV export. Tables of cases rendered as
//! text, then property tests that no input panics and that what is written reads back.

use chiso_engine::dataset::{Dataset, GroupId};
use chiso_engine::rank::rank_group;
use chiso_engine::table::build::{build, Built, IssueKind, TableIssue};
use chiso_engine::table::export::{to_csv, CsvCell, CsvStyle};
use chiso_engine::table::fragment::{self, FragmentError, MAX_FRAGMENT_CHARS};
use chiso_engine::table::mapping::{guess, read_number, DecimalMark, Mapping, NumberCell, Role};
use chiso_engine::table::read::{read_delimited, sniff_encoding, sniff_kind, Delimiter, Grid, InputKind, TextEncoding};
use proptest::prelude::*;

/// Read `text`, guess its mapping (default year 2024).
fn read(text: &str) -> (Grid, Mapping) {
    let grid = read_delimited(text, None).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let mapping = guess(&grid, 2024);
    (grid, mapping)
}

/// `Heading:role` per column, then the decimal mark and the scales.
fn render_mapping(m: &Mapping) -> String {
    let cols: Vec<String> = m.columns.iter().map(|c| format!("{}:{:?}", c.header, c.role)).collect();
    format!(
        "{} | header={:?} {:?} scale={} comp={} year={} title={:?}",
        cols.join(" "),
        m.header_row,
        m.decimal,
        m.scale_max,
        m.component_max,
        m.year,
        m.title
    )
}

/// One line per ranked row, block by block and year by year (newest first):
/// `group year: unit rank score`.
fn render_ranking(built: &Built) -> String {
    let (ds, _) = Dataset::from_raw(built.raw.clone()).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for group in &ds.groups {
        for year in &group.years_desc {
            let Some(r) = rank_group(&ds, &GroupId(group.id.0.clone()), *year) else { continue };
            for row in &r.rows {
                let rank =
                    row.rank.map_or("-".to_owned(), |p| format!("{}{}", if p.tied { "=" } else { "" }, p.position));
                let score = row.score.map_or("-".to_owned(), |s| format!("{s}"));
                out.push(format!("{} {year}: {} {rank} {score}", group.id.0, row.unit_id.0));
            }
        }
    }
    out.join("\n")
}

/// `line L [col 'heading'] ['value']: Kind` per issue.
fn render_issues(issues: &[TableIssue]) -> String {
    issues
        .iter()
        .map(|i| {
            let mut s = i.line.map_or("table".to_owned(), |l| format!("line {l}"));
            if let Some((c, h)) = &i.column {
                s += &format!(" col {c} '{h}'");
            }
            if let Some(v) = &i.value {
                s += &format!(" {v:?}");
            }
            s + &format!(": {:?}", i.kind)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Build `text` with its guessed mapping: the ranking and the warnings, or the problems.
fn built(text: &str) -> String {
    let (grid, mapping) = read(text);
    match build(&grid, &mapping) {
        Ok(b) if b.warnings.is_empty() => render_ranking(&b),
        Ok(b) => format!("{}\nwarnings:\n{}", render_ranking(&b), render_issues(&b.warnings)),
        Err(problems) => format!("problems:\n{}", render_issues(&problems)),
    }
}

/// `check(input, expected)` for [`built`]: the whole outcome of a pasted or read table.
fn check(text: &str, expected: &str) {
    let got = built(text);
    assert_eq!(got.trim(), expected.trim(), "\n--- table ---\n{text}\n--- got ---\n{got}\n");
}

#[test]
fn sniff_encoding_table() {
    let utf16le_no_bom: Vec<u8> = "Tên\tĐiểm\r\nA\t1\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be_no_bom: Vec<u8> = "Unit\tScore\r\nA\t1\r\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases: [(&str, &[u8], (TextEncoding, usize)); 8] = [
        ("UTF-8 with BOM", b"\xEF\xBB\xBFSTT;T\xC3\xAAn", (TextEncoding::Utf8, 3)),
        ("UTF-8 without BOM", "Tên đơn vị;Điểm".as_bytes(), (TextEncoding::Utf8, 0)),
        ("UTF-16 LE with BOM (Excel Unicode text)", b"\xFF\xFET\x00\xEA\x00n\x00", (TextEncoding::Utf16Le, 2)),
        ("UTF-16 BE with BOM", b"\xFE\xFF\x00T\x00\xEA", (TextEncoding::Utf16Be, 2)),
        // "Tên đơn vị" in Windows-1258: ê = EA, đ = F0, ơ = F5; not valid UTF-8.
        ("Windows-1258", b"T\xEAn \xF0\xF5n v\xEC;\xD0i\xEAm", (TextEncoding::Windows1258, 0)),
        ("UTF-16 LE without BOM", &utf16le_no_bom, (TextEncoding::Utf16Le, 0)),
        ("UTF-16 BE without BOM", &utf16be_no_bom, (TextEncoding::Utf16Be, 0)),
        ("empty", b"", (TextEncoding::Utf8, 0)),
    ];
    for (what, bytes, expected) in cases {
        assert_eq!(sniff_encoding(bytes), expected, "{what}");
    }
    assert_eq!(TextEncoding::Windows1258.label(), "windows-1258");
}

#[test]
fn sniff_kind_table() {
    let utf16_json: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(" {\"a\":1}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let cases: [(&str, &[u8], InputKind); 8] = [
        ("dataset JSON", b"{\"schema_version\": 1}", InputKind::Json),
        ("JSON after a BOM and blank lines", b"\xEF\xBB\xBF\r\n  {", InputKind::Json),
        ("JSON in UTF-16", &utf16_json, InputKind::Json),
        ("XLSX (zip)", b"PK\x03\x04\x14\x00", InputKind::Xlsx),
        ("XLS (OLE)", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", InputKind::Xls),
        ("CSV", "Tên;Điểm\nA;1".as_bytes(), InputKind::Delimited),
        ("a JSON array is not a dataset", b"[1, 2]", InputKind::Delimited),
        ("empty", b"", InputKind::Delimited),
    ];
    for (what, bytes, expected) in cases {
        assert_eq!(sniff_kind(bytes), expected, "{what}");
    }
}

/// `delimiter` then one `line: a|b|c` per row.
fn render_grid(grid: &Grid) -> String {
    let mut out = format!("{:?}", grid.delimiter);
    for row in &grid.rows {
        out += &format!("\n{}: {}", row.line, row.cells.join("|"));
    }
    out
}

#[test]
fn read_delimited_table() {
    let cases = [
        // A paste from a spreadsheet: tabs, a trailing empty cell, CRLF.
        (
            "Đơn vị\tĐiểm\tHạng\r\nSở A\t94,25\t1\r\nSở B\t\t\r\n",
            "Tab\n1: Đơn vị|Điểm|Hạng\n2: Sở A|94,25|1\n3: Sở B||",
        ),
        // Vietnamese Excel CSV: `;` and decimal commas, BOM, a blank line and a line of `;`.
        (
            "\u{FEFF}STT;Tên đơn vị;Điểm\n1;Sở A;94,25\n\n;;\n2;Sở B;90,5\n",
            "Semicolon\n1: STT|Tên đơn vị|Điểm\n2: 1|Sở A|94,25\n5: 2|Sở B|90,5",
        ),
        // Comma CSV with quoted cells holding the delimiter, a doubled quote and a line break:
        // the row keeps the line it starts on, and the next row's line counts the break.
        (
            "Unit,Score\n\"Sở A, Hà Nội\",9.5\n\"Sở \"\"B\"\"\nmới\",8\nC,7\n",
            "Comma\n1: Unit|Score\n2: Sở A, Hà Nội|9.5\n3: Sở \"B\"\nmới|8\n5: C|7",
        ),
        // Quoted `;` and a newline in a `;` file; spaces around cells and before a quote.
        ("Tên ; Điểm\n  \"A;1\" ; 5,5\r\"B\r\nx\";6\r", "Semicolon\n1: Tên|Điểm\n2: A;1|5,5\n3: B\nx|6"),
        // A quote inside an unquoted cell is an ordinary character.
        ("Tên\tĐiểm\nSở \"A\"\t1\n", "Tab\n1: Tên|Điểm\n2: Sở \"A\"|1"),
        // One column.
        ("Tên\nA\nB", "Tab\n1: Tên\n2: A\n3: B"),
    ];
    for (text, expected) in cases {
        let grid = read_delimited(text, None).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(render_grid(&grid), expected, "{text:?}");
    }
    assert_eq!(
        read_delimited("a;b\n\"open;x\ny;z\n", None),
        Err(chiso_engine::table::read::ReadError::UnclosedQuote { line: 2 })
    );
    assert_eq!(read_delimited(" \n\r\n\t\n", None), Err(chiso_engine::table::read::ReadError::Empty));
    let wide = format!("a{}\n", ",x".repeat(250));
    assert_eq!(
        read_delimited(&wide, Some(Delimiter::Comma)),
        Err(chiso_engine::table::read::ReadError::TooManyColumns { line: 1, count: 251, limit: 200 })
    );
    let given = read_delimited("a;b,c\n", Some(Delimiter::Comma)).map(|g| render_grid(&g));
    assert_eq!(given, Ok("Comma\n1: a;b|c".to_owned()));
}

#[test]
fn too_many_rows() {
    let text = "a;1\n".repeat(chiso_engine::table::MAX_ROWS + 1);
    assert_eq!(
        read_delimited(&text, None),
        Err(chiso_engine::table::read::ReadError::TooManyRows { limit: chiso_engine::table::MAX_ROWS })
    );
}

#[test]
fn read_number_table() {
    use DecimalMark::{Comma, Point};
    use NumberCell::{NotANumber as Bad, NotPublished as Np, Number as N};
    let cases = [
        ("94,25", Comma, N(94.25)),
        (" 94,25 ", Comma, N(94.25)),
        ("94.25", Point, N(94.25)),
        ("94,25", Point, Bad),
        ("94.25", Comma, Bad), // a point with a decimal comma is only a thousands separator
        ("1.234,5", Comma, N(1234.5)),
        ("1,234.5", Point, N(1234.5)),
        ("12.34,5", Comma, Bad),
        ("9,5,3", Comma, Bad),
        ("9,5,3", Point, Bad),
        ("+7", Point, N(7.0)),
        ("-7,5", Comma, N(-7.5)),
        ("\u{2212}7,5", Comma, N(-7.5)),
        ("85%", Point, N(85.0)),
        ("85,5 %", Comma, N(85.5)),
        (",5", Comma, N(0.5)),
        ("1e5", Point, Bad),
        ("abc", Point, Bad),
        ("", Point, Np),
        ("-", Point, Np),
        ("–", Comma, Np),
        ("—", Comma, Np),
        ("N/A", Comma, Np),
        ("x", Comma, Np),
        ("…", Comma, Np),
        ("...", Comma, Np),
        ("chưa công bố", Comma, Np),
        ("Chưa Công Bố", Comma, Np),
        ("chua cong bo", Comma, Np),
        ("Không có", Comma, Np),
        ("KCB", Comma, Np),
        ("'-5", Point, N(-5.0)), // the CSV export's formula guard
    ];
    for (cell, mark, expected) in cases {
        assert_eq!(read_number(cell, mark), expected, "{cell:?} {mark:?}");
    }
}

#[test]
fn guess_table() {
    let cases = [
        (
            "Vietnamese Excel CSV: row numbers ignored, decimal comma, scale 100",
            "STT;Tên đơn vị;Điểm;Xếp hạng\n1;Sở Tư pháp;94,25;1\n2;Sở Y tế;90,5;2\n3;Sở Xây dựng;88;3\n",
            "STT:Ignore Tên đơn vị:Name Điểm:Total Xếp hạng:Rank | header=Some(0) Comma scale=100 comp=10 year=2024 title=\"\"",
        ),
        (
            "a title above the table; TSV with points; components by elimination",
            "Chỉ số CCHC 2023\nĐơn vị\tChỉ số CCHC\tThể chế\tTổ chức bộ máy\nQuận Ba Đình\t91.5\t8.5\t9\nQuận Hoàn Kiếm\t89.25\t9.75\t7\n",
            "Đơn vị:Name Chỉ số CCHC:Total Thể chế:Component Tổ chức bộ máy:Component | header=Some(1) Point scale=100 comp=10 year=2024 title=\"Chỉ số CCHC 2023\"",
        ),
        (
            "chiso's own export, Vietnamese",
            "Hạng;Đơn vị;Điểm;Khối;Năm;Loại;Ghi chú\n1;Sở A;9,5;Khối sở;2023;Sở;\n=2;Sở B;8;Khối sở;2023;Sở;\n",
            "Hạng:Rank Đơn vị:Name Điểm:Total Khối:Group Năm:Year Loại:Kind Ghi chú:Ignore | header=Some(0) Comma scale=10 comp=10 year=2024 title=\"\"",
        ),
        (
            "chiso's own export, English",
            "Rank,Unit,Score,Block,Year,Kind,Status\n1,Dept A,9.5,Departments,2023,Department,\n2,Dept B,8,Departments,2023,Department,not published\n",
            "Rank:Rank Unit:Name Score:Total Block:Group Year:Year Kind:Kind Status:Ignore | header=Some(0) Point scale=10 comp=10 year=2024 title=\"\"",
        ),
        (
            "other headings: TT, Tỉnh/thành phố, Tổng điểm, Thứ hạng, Nhóm; Trạng thái ignored",
            "TT\tTỉnh/thành phố\tNhóm\tTổng điểm\tThứ hạng\tTrạng thái\n1\tHà Nội\tA\t71,5\t2\t\n2\tHuế\tB\t72,25\t1\t\n",
            "TT:Ignore Tỉnh/thành phố:Name Nhóm:Group Tổng điểm:Total Thứ hạng:Rank Trạng thái:Ignore | header=Some(0) Comma scale=100 comp=10 year=2024 title=\"\"",
        ),
        (
            "no header: name by its text, row number, rank and total by their values",
            "1;Sở A;3;71,5\n2;Sở B;1;80\n3;Sở C;2;75\n",
            ":Ignore :Name :Rank :Total | header=None Comma scale=100 comp=10 year=2024 title=\"\"",
        ),
        (
            "unnamed headings: the total is the sum of the components; the year column by its values",
            "Cơ quan;Năm;A;B;C\nX;2022;3;4;7\nY;2022;1;2;3\nZ;2022;5;5;10\n",
            "Cơ quan:Name Năm:Year A:Component B:Component C:Total | header=Some(0) Comma scale=10 comp=10 year=2024 title=\"\"",
        ),
        (
            "components only: computed total out of 100; scale of 0–10 components",
            "Địa phương,Trục 1,Trục 2\nA,6.5,7\nB,5,8.25\n",
            "Địa phương:Name Trục 1:Component Trục 2:Component | header=Some(0) Point scale=100 comp=10 year=2024 title=\"\"",
        ),
        (
            "a paste from Excel with Vietnamese settings: tabs and decimal commas",
            "Đơn vị\tĐiểm\nA\t9,5\nB\t8.000\n",
            "Đơn vị:Name Điểm:Total | header=Some(0) Comma scale=10000 comp=10 year=2024 title=\"\"",
        ),
        (
            "a ; file with integers and a thousands point: decimal comma",
            "Đơn vị;Điểm\nA;1.234\nB;95\n",
            "Đơn vị:Name Điểm:Total | header=Some(0) Comma scale=2000 comp=10 year=2024 title=\"\"",
        ),
        (
            "a total above 100 rounds the scale up",
            "Unit\tPoints\nA\t250\nB\t100\n",
            "Unit:Name Points:Total | header=Some(0) Point scale=500 comp=10 year=2024 title=\"\"",
        ),
    ];
    for (what, text, expected) in cases {
        let (_, mapping) = read(text);
        assert_eq!(render_mapping(&mapping), expected, "{what}");
    }
}

#[test]
fn vietnamese_excel_csv_ranks_its_leader_first() {
    check(
        "STT;Tên đơn vị;Điểm;Xếp hạng\n1;Sở Tư pháp;90,5;2\n2;Sở Y tế;94,25;1\n3;Sở Xây dựng;chưa công bố;–\n",
        "
all 2024: so-y-te 1 94.25
all 2024: so-tu-phap 2 90.5
all 2024: so-xay-dung - -",
    );
}

#[test]
fn tsv_paste_computes_ranks_of_a_complete_block() {
    // No rank column: every unit has a score, so the engine ranks the block (ties share the
    // place and are listed by name).
    check(
        "Đơn vị\tĐiểm\nQuận Ba Đình\t91,5\nQuận Hoàn Kiếm\t93\nHuyện Ba Vì\t91,5\n",
        "
all 2024: quan-hoan-kiem 1 93
all 2024: huyen-ba-vi =2 91.5
all 2024: quan-ba-dinh =2 91.5",
    );
}

#[test]
fn not_a_number_is_located_by_line_and_heading() {
    // Line 7 of the text: a title, a blank line, the header on line 3, data from line 4.
    check(
        "Bảng xếp hạng\n\nSTT;Tên đơn vị;Điểm\n1;A;90\n2;B;85,5\n3;C;80\n4;D;9,5,3\n5;E;-3\n6;F;abc\n",
        "
problems:
line 7 col 2 'Điểm' \"9,5,3\": NotANumber
line 8 col 2 'Điểm' \"-3\": OutOfRange
line 9 col 2 'Điểm' \"abc\": NotANumber",
    );
}

#[test]
fn not_published_cells_are_none_never_zero() {
    // A unit with nothing but a published rank is still a unit; its rank is a fact.
    check(
        "Đơn vị;Điểm;Hạng\nA;–;3\nB;chưa công bố;\nC;90;1\nD;n/a;x\n",
        "
all 2024: c 1 90
all 2024: a 3 -
all 2024: b - -
all 2024: d - -",
    );
}

#[test]
fn duplicate_names_warn_at_the_second_line_and_both_rows_stay() {
    check(
        "Đơn vị\tĐiểm\nSở Y tế\t90\nSở Tư pháp\t85\nSỞ Y TẾ\t80\n",
        "
all 2024: so-y-te 1 90
all 2024: so-tu-phap 2 85
all 2024: so-y-te-2 3 80
warnings:
line 4 col 0 'Đơn vị' \"SỞ Y TẾ\": DuplicateName { first_line: 2 }",
    );
}

#[test]
fn rank_disagreeing_with_scores_warns() {
    // Scores order C, B, A; the published ranks say A, C, B: in a complete block every rank
    // that differs from the scores' rank is flagged.
    check(
        "Đơn vị;Điểm;Hạng\nA;90;1\nB;70;3\nC;80;2\nD;60;5\nE;65;4\n",
        "
all 2024: a 1 90
all 2024: c 2 80
all 2024: b 3 70
all 2024: e 4 65
all 2024: d 5 60",
    );
    check(
        "Đơn vị;Điểm;Hạng\nA;70;1\nB;90;2\nC;80;3\n",
        "
all 2024: a 1 70
all 2024: b 2 90
all 2024: c 3 80
warnings:
line 2 col 2 'Hạng' \"1\": RankDisagrees { by_scores: 3 }
line 3 col 2 'Hạng' \"2\": RankDisagrees { by_scores: 1 }
line 4 col 2 'Hạng' \"3\": RankDisagrees { by_scores: 2 }",
    );
    // Part of a block (ranks 11 to 13 of at least 13): only A is surely wrong, ranked above B
    // and C with lower score; the scores put it 3rd of those listed.
    check(
        "Đơn vị;Điểm;Hạng\nA;70;11\nB;90;12\nC;80;13\n",
        "
all 2024: a 11 70
all 2024: b 12 90
all 2024: c 13 80
warnings:
line 2 col 2 'Hạng' \"11\": RankDisagrees { by_scores: 3 }",
    );
}

#[test]
fn two_years_match_units_by_folded_name() {
    check(
        "Năm;Đơn vị;Điểm\n2022;Sở Y tế;80\n2022;Sở Tư pháp;85\n2023;SỞ Y TẾ;90\n2023;So Tu phap;88\n",
        "
all 2023: so-y-te 1 90
all 2023: so-tu-phap 2 88
all 2022: so-tu-phap 1 85
all 2022: so-y-te 2 80",
    );
}

#[test]
fn a_group_column_gives_blocks_and_fills_down() {
    check(
        "Khối\tĐơn vị\tĐiểm\nKhối sở\tSở A\t90\n\tSở B\t95\nKhối quận, huyện\tQuận C\t80\n\tHuyện D\t85\n",
        "
khoi-so 2024: so-b 1 95
khoi-so 2024: so-a 2 90
khoi-quan-huyen 2024: huyen-d 1 85
khoi-quan-huyen 2024: quan-c 2 80",
    );
}

#[test]
fn the_same_name_in_two_blocks_is_two_units() {
    check(
        "Khối,Đơn vị,Điểm\nX,Văn phòng,9\nY,Văn phòng,8\nY,!!!,7\n",
        "
x 2024: van-phong 1 9
y 2024: van-phong-2 1 8
y 2024: unit-3 2 7",
    );
}

#[test]
fn quoted_cells_with_semicolons_and_newlines_build() {
    check(
        "\"Tên\nđơn vị\";Điểm\n\"Sở A; Sở B (sáp nhập)\";\"94,5\"\n\"Sở\nC\";90\n",
        "
all 2024: so-a-so-b-sap-nhap 1 94.5
all 2024: so-c 2 90",
    );
}

#[test]
fn mapping_problems_are_all_reported() {
    let (grid, mut mapping) = read("Đơn vị;Điểm;Hạng\nA;90;1\n");
    for col in &mut mapping.columns {
        col.role = Role::Rank;
    }
    let got = build(&grid, &mapping).map(|_| ()).map_err(|p| render_issues(&p));
    assert_eq!(
        got,
        Err("table col 1 'Điểm': SeveralColumns\ntable col 2 'Hạng': SeveralColumns\ntable: NoNameColumn\ntable: NoScoreColumn"
            .to_owned())
    );
    let (grid, mut mapping) = read("Đơn vị;A;B\nSở X;5;6\n");
    if let Some(col) = mapping.columns.get_mut(1) {
        col.weight = Some(60.0);
    }
    let got = build(&grid, &mapping).map(|_| ()).map_err(|p| render_issues(&p));
    assert_eq!(got, Err("table col 2 'B': BadWeights".to_owned()));
}

#[test]
fn scores_above_the_scale_warn_and_the_scale_grows_to_fit() {
    let (grid, mut mapping) = read("Đơn vị;Điểm\nA;9\nB;8\nC;-1\n");
    mapping.scale_max = 8.5;
    // A negative score blocks.
    let got = build(&grid, &mapping).map(|_| ()).map_err(|p| render_issues(&p));
    assert_eq!(got, Err("line 4 col 1 'Điểm' \"-1\": OutOfRange".to_owned()));
    let (grid, mut mapping) = read("Đơn vị;Điểm\nA;9\nB;8\n");
    mapping.scale_max = 8.5;
    let built = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    assert_eq!(render_issues(&built.warnings), "line 2 col 1 'Điểm' \"9\": AboveScale { max: 8.5 }");
    assert_eq!(built.raw.index.scale.max, 10.0, "the scale grows to the round number that fits");
    assert_eq!(render_ranking(&built), "all 2024: a 1 9\nall 2024: b 2 8");
    assert!(IssueKind::OutOfRange.blocks());
    for warning in [
        IssueKind::RankDisagrees { by_scores: 1 },
        IssueKind::AboveScale { max: 1.0 },
        IssueKind::DuplicateName { first_line: 2 },
    ] {
        assert!(!warning.blocks(), "{warning:?}");
    }
}

#[test]
fn computed_totals_use_the_weights() {
    // No total column: the engine computes the composite out of 100 from 0–10 components,
    // with equal weights (derived) unless the reader gives some (official).
    let text = "Đơn vị;A;B\nX;10;0\nY;4;5\n";
    // Equal weights: X = 100 × (½ × 10/10 + ½ × 0/10) = 50, Y = 100 × (½ × 0.4 + ½ × 0.5) = 45.
    check(text, "all 2024: x 1 50\nall 2024: y 2 45");
    let (grid, mut mapping) = read(text);
    for (col, w) in mapping.columns.iter_mut().skip(1).zip([20.0, 80.0]) {
        col.weight = Some(w);
    }
    let built = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    // 20/80: X = 100 × (0.2 × 1 + 0.8 × 0) = 20, Y = 100 × (0.2 × 0.4 + 0.8 × 0.5) = 48.
    assert_eq!(render_ranking(&built), "all 2024: y 1 48\nall 2024: x 2 20");
    let status: Vec<_> = built.raw.editions.iter().map(|e| e.weights_status).collect();
    assert_eq!(status, [Some(chiso_engine::schema::WeightsStatus::Official)]);
}

#[test]
fn kinds_come_from_the_kind_column_else_the_name() {
    use chiso_engine::schema::UnitKind::*;
    let text = "Đơn vị;Loại;Điểm\nSở Y tế;;1\nQuận Ba Đình;;2\nThị xã Sơn Tây;;3\nBố Trạch;;4\nTỉnh Huế;;5\nThành phố Huế;;6\nBộ Tư pháp;;7\nVăn phòng;Cơ quan tương đương sở;8\nHoàn Kiếm;quan;9\nLong Biên;Urban district;10\nX;thi_xa;11\nY;không rõ;12\nSo Noi vu;;13\n";
    let (grid, mapping) = read(text);
    let built = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    let kinds: Vec<_> = built.raw.groups.iter().flat_map(|g| &g.units).map(|u| u.kind).collect();
    assert_eq!(
        kinds,
        [So, Quan, ThiXa, Khac, Tinh, ThanhPhoTrucThuocTw, Bo, CoQuanTuongDuongSo, Quan, Quan, ThiXa, Khac, So]
    );
}

#[test]
fn years_and_ranks_must_be_whole_numbers_in_range() {
    check(
        "Năm;Đơn vị;Điểm;Hạng\n2023;A;9;1\n1800;B;8;2\n2023;C;7;0\n2023;D;6;2,5\n2023;E;5;=4\n;F;4;\n",
        "
problems:
line 3 col 0 'Năm' \"1800\": BadYear
line 4 col 3 'Hạng' \"0\": BadRank
line 5 col 3 'Hạng' \"2,5\": BadRank",
    );
}

#[test]
fn rows_without_a_name() {
    check(
        "Đơn vị;Điểm\nA;9\n;8\n;–\n",
        "
problems:
line 3 col 0 'Đơn vị': EmptyName",
    );
}

#[test]
fn the_built_dataset_cites_the_readers_source() {
    let (grid, mut mapping) = read("Đơn vị;Điểm\nA;9\n");
    mapping.source = "Báo Hà Nội mới, 2024".to_owned();
    mapping.title = "Chỉ số CCHC".to_owned();
    let built = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    let raw = &built.raw;
    assert_eq!(
        (raw.id.as_str(), raw.index.name.vi.as_str(), raw.index.publisher.vi.as_str()),
        ("own", "Chỉ số CCHC", "Báo Hà Nội mới, 2024")
    );
    assert_eq!(raw.sources.len(), 1);
    assert!(raw.groups.iter().flat_map(|g| &g.units).flat_map(|u| &u.observations).all(|o| o.source == "own"));
    assert_eq!(built.n_rows, 1);
    let (grid, mapping) = read("Đơn vị;Điểm\nA;9\n");
    let built = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    assert_eq!(built.raw.index.name.en.as_deref(), Some("Your table"));
    assert_eq!(built.raw.sources.first().map(|s| s.title.as_str()), Some("Bảng do người dùng nhập"));
}

#[test]
fn long_and_symbol_names_get_valid_unique_ids() {
    let long = "Trung tâm phục vụ hành chính công thành phố Hà Nội và các đơn vị trực thuộc khác";
    let text = format!("Đơn vị;Điểm\n{long};9\n{long} (2);8\n@@@;7\n###;6\n");
    let (grid, mapping) = read(&text);
    let built = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    let ids: Vec<_> = built.raw.groups.iter().flat_map(|g| &g.units).map(|u| u.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "trung-tam-phuc-vu-hanh-chinh-cong-thanh-pho-ha-noi-va-cac-don-vi",
            "trung-tam-phuc-vu-hanh-chinh-cong-thanh-pho-ha-noi-va-cac-don-2",
            "unit-3",
            "unit-4",
        ]
    );
}

/// What a view would export: the ranking of `built`'s latest year as the lead's CSV writes it.
fn export(built: &Built, style: CsvStyle) -> String {
    let (ds, _) = Dataset::from_raw(built.raw.clone()).unwrap_or_else(|e| panic!("{e}"));
    let header: Vec<String> = ["Hạng", "Đơn vị", "Điểm", "Khối", "Năm", "Ghi chú"].map(str::to_owned).to_vec();
    let mut rows = Vec::new();
    for group in &ds.groups {
        for &year in &group.years_desc {
            let Some(r) = rank_group(&ds, &group.id, year) else { continue };
            for row in &r.rows {
                rows.push(vec![
                    row.rank.map_or(CsvCell::Empty, |p| {
                        CsvCell::Text(format!("{}{}", if p.tied { "=" } else { "" }, p.position))
                    }),
                    CsvCell::Text(row.name.clone()),
                    row.score.map_or(CsvCell::Empty, |s| CsvCell::Number(s, 2)),
                    CsvCell::Text(group.name.vi.clone()),
                    CsvCell::Number(f64::from(year), 0),
                    CsvCell::Text(if row.score.is_none() { "chưa công bố".to_owned() } else { String::new() }),
                ]);
            }
        }
    }
    to_csv(&header, &rows, style)
}

#[test]
fn export_round_trip_keeps_the_ranking() {
    let text = "Năm\tKhối\tĐơn vị\tĐiểm\n2023\tKhối sở\tSở A\t90,5\n2023\tKhối sở\tSở \"B\"; mới\t94,25\n2023\tKhối sở\t=Sở C\t90,5\n2023\tKhối sở\tSở D\t–\n2023\tKhối quận\tQuận E\t80\n2022\tKhối quận\tQuận E\t70\n";
    let (grid, mapping) = read(text);
    let first = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    for style in [CsvStyle::Semicolon, CsvStyle::Comma] {
        let csv = export(&first, style);
        let (grid, mapping) = read(&csv);
        let again = build(&grid, &mapping).unwrap_or_else(|p| panic!("{style:?}\n{csv}\n{}", render_issues(&p)));
        assert_eq!(render_ranking(&again), render_ranking(&first), "{style:?}\n{csv}");
        let names = |b: &Built| b.raw.groups.iter().flat_map(|g| &g.units).map(|u| u.name.clone()).collect::<Vec<_>>();
        let mut before = names(&first);
        let mut after = names(&again);
        before.sort();
        after.sort();
        assert_eq!(after, before, "{style:?}");
    }
}

#[test]
fn to_csv_table() {
    let header = vec!["Hạng".to_owned(), "Đơn vị".to_owned(), "Điểm".to_owned()];
    let rows = vec![
        vec![CsvCell::Text("=1".to_owned()), CsvCell::Text("Sở A; \"mới\"".to_owned()), CsvCell::Number(94.245, 2)],
        vec![CsvCell::Text("2".to_owned()), CsvCell::Text("Dòng\nhai".to_owned()), CsvCell::Number(-0.001, 2)],
        vec![CsvCell::Empty, CsvCell::Text("@x, y".to_owned()), CsvCell::Number(f64::NAN, 2)],
        vec![CsvCell::Empty, CsvCell::Text("+z".to_owned()), CsvCell::Number(1234.5, 1)],
    ];
    assert_eq!(
        to_csv(&header, &rows, CsvStyle::Semicolon),
        "\u{FEFF}Hạng;Đơn vị;Điểm\r\n'=1;\"Sở A; \"\"mới\"\"\";94,25\r\n2;\"Dòng\nhai\";0,00\r\n;'@x, y;\r\n;'+z;1234,5\r\n"
    );
    assert_eq!(
        to_csv(&header, &rows, CsvStyle::Comma),
        "\u{FEFF}Hạng,Đơn vị,Điểm\r\n'=1,\"Sở A; \"\"mới\"\"\",94.25\r\n2,\"Dòng\nhai\",0.00\r\n,\"'@x, y\",\r\n,'+z,1234.5\r\n"
    );
}

#[test]
fn fragment_table() {
    let cases: [(&str, Result<Vec<u8>, FragmentError>); 9] = [
        ("#d1.AAEC", Ok(vec![0, 1, 2])),
        ("d1.AAEC_w", Ok(vec![0, 1, 2, 255])),
        ("d1.-_8", Ok(vec![251, 255])),
        ("#view=ranking", Err(FragmentError::NotData)),
        ("", Err(FragmentError::NotData)),
        ("d1.", Err(FragmentError::Damaged)),
        ("d1.AAEC+w", Err(FragmentError::Damaged)), // '+' is base64, not base64url
        ("d1.AAECA", Err(FragmentError::Damaged)),  // one symbol past a group: cut short
        ("d1.AAEC_x", Err(FragmentError::Damaged)), // leftover bits set: changed
    ];
    for (fragment, expected) in cases {
        assert_eq!(fragment::decode(fragment), expected, "{fragment:?}");
    }
    assert_eq!(fragment::encode(&[0, 1, 2, 255]), Ok("d1.AAEC_w".to_owned()));
    let too_long = vec![0u8; MAX_FRAGMENT_CHARS / 4 * 3];
    assert_eq!(fragment::encode(&too_long), Err(FragmentError::TooLong { limit: MAX_FRAGMENT_CHARS }));
    let long = format!("d1.{}", "A".repeat(MAX_FRAGMENT_CHARS));
    assert_eq!(fragment::decode(&long), Err(FragmentError::TooLong { limit: MAX_FRAGMENT_CHARS }));
    assert!(fragment::is_data_fragment("#d1.x") && !fragment::is_data_fragment("#d2.x"));
}

/// A table of `n_units` units × `n_components` components × the years, scores with two
/// decimals, as a reader would paste it.
fn big_table(n_units: usize, n_components: usize, years: &[i32]) -> String {
    let mut text = String::from("Năm\tTỉnh/thành phố\tChỉ số");
    for c in 1..=n_components {
        text += &format!("\tChỉ số thành phần {c}: tên dài của lĩnh vực");
    }
    text.push('\n');
    for &year in years {
        for u in 0..n_units {
            text += &format!("{year}\tTỉnh số {u} tên dài Hà Nội\t{},{:02}", 50 + u % 40, (u * 37) % 100);
            for c in 0..n_components {
                text += &format!("\t{},{:02}", (u + c) % 10, (u * 13 + c * 7) % 100);
            }
            text.push('\n');
        }
    }
    text
}

#[test]
fn a_province_table_fits_a_link_without_compression() {
    let (grid, mapping) = read(&big_table(63, 10, &[2022, 2023]));
    let built = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    assert_eq!(built.n_rows, 126);
    let json = fragment::dataset_json(&built.raw);
    let encoded = fragment::encode(json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    // 63 × 10 × 2 in compact JSON: about 56 KB, about 75,000 characters in base64url.
    println!("63×10×2: {} JSON bytes, {} fragment characters", json.len(), encoded.len());
    assert!(encoded.len() < MAX_FRAGMENT_CHARS, "{}", encoded.len());
    assert_eq!(fragment::decode(&encoded).ok(), Some(json.into_bytes()));
}

#[test]
fn equal_weights_and_long_numbers_read_back_from_json() {
    // 100 / 27 in full is one of the numbers serde_json's default parser reads one unit in the
    // last place off; the weights are written to 10 decimals and cells to 15 digits instead.
    let mut text = String::from("Đơn vị");
    for c in 1..=27 {
        text += &format!(";Thành phần {c}");
    }
    text += "\nSở A";
    for c in 1..=27 {
        text += &format!(";{},{}", c % 10, "3".repeat(c));
    }
    text += "\n";
    let (grid, mapping) = read(&text);
    let built = build(&grid, &mapping).unwrap_or_else(|p| panic!("{}", render_issues(&p)));
    let weights: Vec<f64> = built.raw.editions.iter().flat_map(|e| e.weights_pct.values().copied()).collect();
    assert_eq!(weights.first(), Some(&3.7037037037));
    let json = fragment::dataset_json(&built.raw);
    let back: Result<chiso_engine::schema::RawDataset, _> = serde_json::from_str(&json);
    assert_eq!(back.ok(), Some(built.raw.clone()));
    let (_, warnings) = Dataset::from_raw(built.raw).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(warnings, []);
}

/// Small grids of cells drawn from what tables hold: names, numbers with either mark,
/// not-published words, junk.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-zĐđơư ]{0,8}",
        "[0-9]{1,3}",
        "[0-9]{1,2}[,.][0-9]{1,2}",
        "[0-9][,.][0-9]{5,20}",
        Just("–".to_owned()),
        Just("chưa công bố".to_owned()),
        Just("=2".to_owned()),
        Just("2023".to_owned()),
        ".{0,5}",
    ]
}

fn grid_text() -> impl Strategy<Value = String> {
    let headings = prop::collection::vec(
        prop::sample::select(vec!["Đơn vị", "Điểm", "Hạng", "Năm", "Khối", "Loại", "Thành phần", "A", ""]),
        1..40,
    );
    (headings, prop::sample::select(vec!['\t', ';', ','])).prop_flat_map(|(header, delimiter)| {
        prop::collection::vec(prop::collection::vec(cell(), header.len()), 0..8).prop_map(move |rows| {
            let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
            std::iter::once(header)
                .chain(rows)
                .map(|r| {
                    r.iter()
                        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                        .collect::<Vec<_>>()
                        .join(&delimiter.to_string())
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = sniff_encoding(&bytes);
        let _ = sniff_kind(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(grid) = read_delimited(&text, None) {
            let mapping = guess(&grid, 2024);
            let _ = build(&grid, &mapping);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[a-zA-Zđ0-9,;\t\n\r\" .–-]{0,200}") {
        if let Ok(grid) = read_delimited(&text, None) {
            let mapping = guess(&grid, 2024);
            let _ = build(&grid, &mapping);
        }
    }

    #[test]
    fn any_mapping_of_a_grid_builds_or_says_why(
        text in grid_text(),
        roles in prop::collection::vec(prop::sample::select(Role::ALL.to_vec()), 0..45),
        weights in prop::collection::vec(prop::option::of(-5.0f64..60.0), 0..45),
        scale_max in -1.0f64..200.0,
        year in 1800i32..2200,
    ) {
        let Ok(grid) = read_delimited(&text, None) else { return Ok(()) };
        let mut mapping = guess(&grid, year);
        for ((col, role), weight) in mapping.columns.iter_mut().zip(roles).zip(weights) {
            col.role = role;
            col.weight = weight;
        }
        mapping.scale_max = scale_max;
        match build(&grid, &mapping) {
            Ok(built) => prop_assert!(Dataset::from_raw(built.raw).is_ok()),
            Err(problems) => prop_assert!(
                !problems.is_empty() && problems.len() <= 100 && problems.iter().all(|p| p.kind.blocks())
            ),
        }
    }

    #[test]
    fn decode_never_panics(fragment in ".{0,60}", payload in "[A-Za-z0-9_=+/-]{0,60}") {
        let _ = fragment::decode(&fragment);
        let _ = fragment::decode(&format!("#d1.{payload}"));
    }

    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 1..200)) {
        let encoded = fragment::encode(&bytes);
        prop_assert!(encoded.as_ref().is_ok_and(|e| e.len() == 3 + fragment::base64url_len(bytes.len())));
        let decoded = encoded.and_then(|e| fragment::decode(&format!("#{e}")));
        prop_assert_eq!(decoded, Ok(bytes));
    }

    #[test]
    fn built_datasets_validate_and_round_trip_through_json(text in grid_text()) {
        let Ok(grid) = read_delimited(&text, None) else { return Ok(()) };
        let mapping = guess(&grid, 2024);
        if let Ok(built) = build(&grid, &mapping) {
            prop_assert!(Dataset::from_raw(built.raw.clone()).is_ok());
            let json = fragment::dataset_json(&built.raw);
            let back: Result<chiso_engine::schema::RawDataset, _> = serde_json::from_str(&json);
            prop_assert_eq!(back.ok(), Some(built.raw));
        }
    }
}

#[test]
fn the_longest_not_published_word_is_known() {
    let longest = chiso_engine::table::mapping::NOT_PUBLISHED.iter().map(|w| w.chars().count()).max();
    assert_eq!(longest, Some(chiso_engine::table::mapping::NOT_PUBLISHED_MAX_CHARS));
    // A long name is never mistaken for a word, and the words are still found in any spelling.
    use chiso_engine::table::mapping::is_not_published;
    assert!(!is_not_published("Ủy ban nhân dân huyện Chưa Công Bố"));
    assert!(is_not_published("CHƯA  CÔNG   BỐ"));
    assert!(is_not_published("chu\u{031b}a co\u{0302}ng bo\u{0302}\u{0301}"));
}
