//! Sorted byte spans that answer "does anything here meet `start..end`?"
//! in logarithmic time, whatever their number and nesting: the scanner
//! asks it of the spans a paragraph has already read, the verdicts of the
//! citation and furniture spans of a whole text.

/// Spans sorted by start, each end raised to the farthest end so far, so
/// that one look back answers an overlap query exactly.
pub(crate) struct Spans(Vec<(usize, usize)>);

impl Spans {
    pub(crate) fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Spans {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().collect();
        spans.sort_unstable();
        let mut reach = 0;
        for span in &mut spans {
            reach = reach.max(span.1);
            span.1 = reach;
        }
        Spans(spans)
    }

    /// Whether any span meets `start..end`.
    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        let i = self.0.partition_point(|&(s, _)| s < end);
        i > 0 && self.0[i - 1].1 > start
    }
}

#[cfg(test)]
mod tests {
    use super::Spans;

    #[test]
    fn overlaps_across_nested_spans() {
        let spans = Spans::new([(10, 100), (20, 25), (30, 35)]);
        assert!(
            spans.overlaps(40, 50),
            "inside the wide span, after the short ones"
        );
        assert!(spans.overlaps(22, 23));
        assert!(!spans.overlaps(0, 10));
        assert!(!spans.overlaps(100, 120));
        assert!(!Spans::new([]).overlaps(0, 5));
    }
}
