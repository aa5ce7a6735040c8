//! What the walk settles once it has seen every line: a summary above the date line,
//! and the page's tail after the last paragraph.

use super::Walk;
use crate::load::document::{Block, RemovalReason, RemovedLine};

impl Walk<'_> {
    /// Settles the blocks once every line has been taken, and puts the set-aside lines
    /// in line order.
    pub(super) fn finish(&mut self) {
        self.summary_above_date_line();
        self.tail_to_footer();
        self.removed.sort_by_key(|r| r.line);
    }

    /// A paragraph between the headline and the date line is the summary under the
    /// headline ("Extra funding for councils …" above "Published 5 March 2019"), when the
    /// text proper follows the date line.
    fn summary_above_date_line(&mut self) {
        let Some(date_line) = self.date_line.as_ref().map(|(l, _)| l.no) else {
            return;
        };
        let before: Vec<usize> = self
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, (no, b))| *no < date_line && matches!(b, Block::Paragraph(_)))
            .map(|(i, _)| i)
            .collect();
        let after = self
            .blocks
            .iter()
            .any(|(no, b)| *no > date_line && matches!(b, Block::Paragraph(_)));
        if after && (1..=2).contains(&before.len()) {
            for i in before {
                if let (_, Block::Paragraph(text)) = &self.blocks[i] {
                    self.blocks[i].1 = Block::Heading(text.clone());
                }
            }
        }
    }

    /// Short lines after the last paragraph are the page's tail (links, labels), not
    /// subheadings.
    fn tail_to_footer(&mut self) {
        let last_paragraph = self
            .blocks
            .iter()
            .rposition(|(_, b)| matches!(b, Block::Paragraph(_)));
        let tail_from = last_paragraph.map_or(0, |i| i + 1);
        let tail: Vec<(usize, Block)> = self.blocks.drain(tail_from..).collect();
        for (no, block) in tail {
            match block {
                Block::Heading(text) => {
                    self.removed
                        .push(RemovedLine::new(no, text, RemovalReason::Footer))
                }
                other => self.blocks.push((no, other)),
            }
        }
    }
}
