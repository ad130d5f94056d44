//! Narrowing a ranking table: by kind of unit, by an accent-free name search and to the top or
//! bottom of the block.

use crate::rank::RankingRow;
use crate::schema::UnitKind;
use crate::search::SearchQuery;

/// What the reader asked to see. `Filter::default()` keeps every row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Kinds of unit to keep; empty keeps every kind.
    pub kinds: Vec<UnitKind>,
    /// Name search (see [`crate::search::matches`]); blank keeps every name.
    pub query: String,
    /// Keep only the top or bottom of the block; `None` keeps every rank (and unranked rows).
    pub limit: Option<Limit>,
}

impl Filter {
    /// True when the filter may drop a row (a kind, a search that is not blank, or a cut).
    pub fn is_active(&self) -> bool {
        !self.kinds.is_empty() || !self.query.trim().is_empty() || self.limit.is_some()
    }
}

/// A cut of the block by rank. Both are measured on the whole block, before the kind and name
/// filters, so the positions shown stay the published ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Rows whose rank position is at most N (ties at N all stay in).
    Top(u32),
    /// The last N ranked rows of the block, plus every row tied with the first of them.
    Bottom(u32),
}

/// The cuts the "show" menu offers.
pub const LIMIT_CHOICES: [Limit; 4] = [Limit::Top(5), Limit::Top(10), Limit::Bottom(5), Limit::Bottom(10)];

impl Limit {
    /// The menu's value: `top5`, `bottom10`.
    pub fn code(self) -> String {
        match self {
            Limit::Top(n) => format!("top{n}"),
            Limit::Bottom(n) => format!("bottom{n}"),
        }
    }

    /// The menu's choices: [`LIMIT_CHOICES`], plus the link's own cut when it is another one
    /// (`top=7`), so the menu says what is shown.
    pub fn choices(current: Option<Limit>) -> Vec<Limit> {
        let mut limits = LIMIT_CHOICES.to_vec();
        limits.extend(current.filter(|l| !LIMIT_CHOICES.contains(l)));
        limits
    }

    /// The choice whose [`Limit::code`] is `code`, among [`Limit::choices`] of `current`.
    pub fn from_choice(code: &str, current: Option<Limit>) -> Option<Limit> {
        Limit::choices(current).into_iter().find(|l| l.code() == code)
    }
}

/// The rows of `rows` that pass `filter`, in the order given (the ranking's display order).
///
/// A row passes when all of these hold:
/// - its kind is one of `filter.kinds`, or `filter.kinds` is empty;
/// - every word of the folded `filter.query` occurs in its `search_key`;
/// - with `Limit::Top(n)`: it has a rank and `rank.position <= n`. Competition ranking can let
///   more than `n` rows through (three units at "=9" with `n = 10` give 11 rows) and fewer
///   (the block has fewer ranked units);
/// - with `Limit::Bottom(n)`: it has a rank and its position is at least the boundary, the
///   position of the n-th highest position among all ranked rows of `rows`. Every row tied with
///   the boundary therefore stays in; if fewer than `n` rows are ranked, all ranked rows stay.
///
/// Rows without a rank never pass a `Top` or `Bottom` limit, since they cannot be placed.
/// `Top(0)` and `Bottom(0)` keep nothing. Limits are measured on the whole of `rows`, before the
/// kind and name filters: "top 10, districts only" means the districts among the block's top 10.
pub fn apply(rows: &[RankingRow], filter: &Filter) -> Vec<RankingRow> {
    let search = SearchQuery::new(&filter.query);
    let min_position_to_keep: Option<u32> = match filter.limit {
        None => None,
        Some(Limit::Top(_)) => None,
        Some(Limit::Bottom(n)) => bottom_boundary(rows, n),
    };
    rows.iter()
        .filter(|row| filter.kinds.is_empty() || filter.kinds.contains(&row.kind))
        .filter(|row| search.matches(&row.search_key))
        .filter(|row| match (filter.limit, row.rank) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(Limit::Top(n)), Some(rank)) => rank.position <= n,
            (Some(Limit::Bottom(_)), Some(rank)) => {
                min_position_to_keep.is_some_and(|boundary| rank.position >= boundary)
            }
        })
        .cloned()
        .collect()
}

/// The smallest position kept by `Bottom(n)`: the n-th highest rank position in `rows`, or the
/// lowest position present when fewer than `n` rows are ranked. `None` keeps nothing.
fn bottom_boundary(rows: &[RankingRow], n: u32) -> Option<u32> {
    if n == 0 {
        return None;
    }
    let mut positions: Vec<u32> = rows.iter().filter_map(|row| row.rank.map(|rank| rank.position)).collect();
    positions.sort_unstable_by(|a, b| b.cmp(a));
    let n_kept = usize::try_from(n).unwrap_or(usize::MAX);
    positions.truncate(n_kept);
    positions.last().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::UnitId;
    use crate::rank::{RankOrigin, RankPos};
    use crate::search::fold;

    /// A row with the given id, name, kind and rank position (`None` = unranked). `tied` is
    /// worked out from the fixture, so the fixtures stay one line per unit.
    fn row(id: &str, name: &str, kind: UnitKind, position: Option<u32>) -> RankingRow {
        RankingRow {
            unit_id: UnitId(id.to_owned()),
            name: name.to_owned(),
            name_en: None,
            kind,
            search_key: fold(name),
            score: position.map(|p| 100.0 - f64::from(p)),
            score_origin: position.map(|_| crate::rank::ScoreOrigin::Published),
            rank: position.map(|position| RankPos {
                position,
                tied: false,
                last_word: false,
                origin: RankOrigin::Computed,
            }),
            prev_score: None,
            prev_rank: None,
            score_change: None,
            rank_change: None,
            said_lowest: false,
        }
    }

    /// Seven districts and towns in display order, with a tie at 2 and one at 5, and one
    /// unranked unit last.
    fn block() -> Vec<RankingRow> {
        use UnitKind::{Huyen, Quan, ThiXa};
        vec![
            row("ba-dinh", "Ba Đình", Quan, Some(1)),
            row("dong-da", "Đống Đa", Quan, Some(2)),
            row("ung-hoa", "Ứng Hòa", Huyen, Some(2)),
            row("son-tay", "Sơn Tây", ThiXa, Some(4)),
            row("me-linh", "Mê Linh", Huyen, Some(5)),
            row("hoang-mai", "Hoàng Mai", Quan, Some(5)),
            row("soc-son", "Sóc Sơn", Huyen, Some(7)),
            row("dan-phuong", "Đan Phượng", Huyen, None),
        ]
    }

    fn check(filter: Filter, expected_ids: &[&str]) {
        let kept: Vec<String> = apply(&block(), &filter).into_iter().map(|row| row.unit_id.0).collect();
        assert_eq!(kept, expected_ids, "{filter:?}");
    }

    fn limit(limit: Limit) -> Filter {
        Filter { limit: Some(limit), ..Filter::default() }
    }

    const ALL: [&str; 8] =
        ["ba-dinh", "dong-da", "ung-hoa", "son-tay", "me-linh", "hoang-mai", "soc-son", "dan-phuong"];

    #[test]
    fn kinds_and_query() {
        check(Filter::default(), &ALL);
        check(Filter { kinds: vec![UnitKind::Quan], ..Filter::default() }, &["ba-dinh", "dong-da", "hoang-mai"]);
        check(
            Filter { kinds: vec![UnitKind::ThiXa, UnitKind::Quan], ..Filter::default() },
            &["ba-dinh", "dong-da", "son-tay", "hoang-mai"],
        );
        check(Filter { kinds: vec![UnitKind::So], ..Filter::default() }, &[]);
        check(Filter { query: "son".into(), ..Filter::default() }, &["son-tay", "soc-son"]);
        check(Filter { query: "ĐỐNG ĐA".into(), ..Filter::default() }, &["dong-da"]);
        check(Filter { query: "  ".into(), ..Filter::default() }, &ALL);
        check(Filter { kinds: vec![UnitKind::Huyen], query: "son".into(), limit: None }, &["soc-son"]);
    }

    #[test]
    fn top() {
        check(limit(Limit::Top(0)), &[]);
        check(limit(Limit::Top(1)), &["ba-dinh"]);
        // Both units at "=2" are inside the top 2.
        check(limit(Limit::Top(2)), &["ba-dinh", "dong-da", "ung-hoa"]);
        check(limit(Limit::Top(3)), &["ba-dinh", "dong-da", "ung-hoa"]);
        check(limit(Limit::Top(5)), &["ba-dinh", "dong-da", "ung-hoa", "son-tay", "me-linh", "hoang-mai"]);
        // The unranked unit never makes a top list.
        check(limit(Limit::Top(100)), &["ba-dinh", "dong-da", "ung-hoa", "son-tay", "me-linh", "hoang-mai", "soc-son"]);
    }

    #[test]
    fn bottom() {
        check(limit(Limit::Bottom(0)), &[]);
        check(limit(Limit::Bottom(1)), &["soc-son"]);
        // The second-last ranked row is tied at 5, so both units at 5 stay.
        check(limit(Limit::Bottom(2)), &["me-linh", "hoang-mai", "soc-son"]);
        check(limit(Limit::Bottom(3)), &["me-linh", "hoang-mai", "soc-son"]);
        check(limit(Limit::Bottom(4)), &["son-tay", "me-linh", "hoang-mai", "soc-son"]);
        check(limit(Limit::Bottom(5)), &["dong-da", "ung-hoa", "son-tay", "me-linh", "hoang-mai", "soc-son"]);
        check(
            limit(Limit::Bottom(100)),
            &["ba-dinh", "dong-da", "ung-hoa", "son-tay", "me-linh", "hoang-mai", "soc-son"],
        );
    }

    #[test]
    fn limits_are_measured_on_the_whole_block() {
        // The block's bottom 2 are me-linh, hoang-mai (=5) and soc-son; districts among them:
        check(
            Filter { kinds: vec![UnitKind::Quan], query: String::new(), limit: Some(Limit::Bottom(2)) },
            &["hoang-mai"],
        );
        check(Filter { kinds: vec![UnitKind::Huyen], query: String::new(), limit: Some(Limit::Top(3)) }, &["ung-hoa"]);
        check(Filter { kinds: vec![], query: "dong".into(), limit: Some(Limit::Bottom(1)) }, &[]);
    }

    #[test]
    fn empty_block() {
        assert_eq!(apply(&[], &limit(Limit::Bottom(3))), Vec::<RankingRow>::new());
        assert_eq!(apply(&[], &Filter::default()), Vec::<RankingRow>::new());
    }
}
