//! The dates each group being built spans, so that a link joins two groups only where
//! all their dated members stay inside a window.

use super::unionfind::UnionFind;
use crate::load::Document;
use chrono::NaiveDate;

/// The dates each component of the union-find spans: a text link may join two only
/// where all their dated members stay inside its window. Pairs are checked one by one;
/// without this, undated members chain a senator's template releases of three years
/// (each pair alike, none dated against the next) into one "statement".
pub(super) struct DateSpans {
    span: Vec<Option<(NaiveDate, NaiveDate)>>,
}

impl DateSpans {
    pub(super) fn new(documents: &[Document]) -> DateSpans {
        let span = documents
            .iter()
            .map(|d| {
                let day = d.date.as_ref().and_then(|x| x.date.to_naive())?;
                Some((day, day))
            })
            .collect();
        DateSpans { span }
    }

    /// Joins the components of `a` and `b` when their dates fit in `window_days`.
    pub(super) fn join(
        &mut self,
        uf: &mut UnionFind,
        a: usize,
        b: usize,
        window_days: i64,
    ) -> bool {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb {
            return true;
        }
        let merged = match (self.span[ra], self.span[rb]) {
            (Some(x), Some(y)) => {
                let span = (x.0.min(y.0), x.1.max(y.1));
                if (span.1 - span.0).num_days() > window_days {
                    return false;
                }
                Some(span)
            }
            (x, y) => x.or(y),
        };
        uf.union(a, b);
        let root = uf.find(a);
        self.span[root] = merged;
        true
    }
}
