//! Ordering inside ranks and horizontal coordinates for the builtin engine.
//!
//! `layout-rs` assigns ranks and splits long edges into chains of small
//! connector nodes; its own crossing reduction and Brandes-Köpf placement
//! are cubic in the number of nodes of a rank (a 100-document lineage with
//! its connectors took 11 s), so these two steps are done here instead, in
//! time linear in the size of the layered graph per sweep:
//!
//! * [`order`]: barycenter sweeps, keeping the order with the fewest
//!   crossings (counted with a Fenwick tree);
//! * [`assign_x`]: each node is pulled towards the median of its
//!   neighbours' positions, and each rank is then solved exactly as an
//!   ordered least-squares problem (pool-adjacent-violators), so boxes keep
//!   their order and never overlap.

/// A layered graph: ranks of node ids, each edge joining consecutive ranks.
#[derive(Debug, Clone)]
pub(crate) struct Layered {
    /// Node ids of each rank, left to right.
    pub rows: Vec<Vec<usize>>,
    /// For each node, its neighbours in the rank above, with edge weights.
    pub up: Vec<Vec<(usize, f64)>>,
    /// For each node, its neighbours in the rank below, with edge weights.
    pub down: Vec<Vec<(usize, f64)>>,
    /// Width of each node, free space around it included.
    pub width: Vec<f64>,
    /// How strongly each node wants to sit at its neighbours' median.
    pub pull: Vec<f64>,
    /// Nodes that are never drawn: kept at the right end of their rank.
    pub hidden: Vec<bool>,
}

/// Number of crossings between ranks `r` and `r + 1`, counting edges of
/// positive weight.
fn crossings_between(g: &Layered, pos: &[usize], r: usize) -> u64 {
    let (Some(upper), Some(lower)) = (g.rows.get(r), g.rows.get(r + 1)) else {
        return 0;
    };
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &u in upper {
        for &(v, w) in &g.down[u] {
            if w > 0.0 {
                pairs.push((pos[u], pos[v]));
            }
        }
    }
    pairs.sort_unstable();
    // Count inversions of the lower positions with a Fenwick tree.
    let size = lower.len() + 1;
    let mut tree = vec![0u64; size + 1];
    let mut inversions = 0u64;
    for (seen, &(_, p)) in pairs.iter().enumerate() {
        // Number of earlier entries with lower position > p.
        let mut i = p + 1;
        let mut not_greater = 0u64;
        while i > 0 {
            not_greater += tree[i];
            i &= i - 1;
        }
        inversions += seen as u64 - not_greater;
        let mut i = p + 1;
        while i <= size {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    inversions
}

/// Total number of crossings of the current order.
pub(crate) fn crossings(g: &Layered) -> u64 {
    let pos = positions(g);
    (0..g.rows.len().saturating_sub(1))
        .map(|r| crossings_between(g, &pos, r))
        .sum()
}

fn positions(g: &Layered) -> Vec<usize> {
    let mut pos = vec![0usize; g.width.len()];
    for row in &g.rows {
        for (i, &v) in row.iter().enumerate() {
            pos[v] = i;
        }
    }
    pos
}

/// Reorders each rank by barycenter sweeps (down, then up, `sweeps` times),
/// keeping the best order found. Hidden nodes go to the right end.
pub(crate) fn order(g: &mut Layered, sweeps: usize) {
    let mut pos = positions(g);
    let mut best_rows = g.rows.clone();
    let mut best = crossings(g);
    for sweep in 0..sweeps {
        let downward = sweep % 2 == 0;
        let ranks: Vec<usize> = if downward {
            (1..g.rows.len()).collect()
        } else {
            (0..g.rows.len().saturating_sub(1)).rev().collect()
        };
        for r in ranks {
            let mut keyed: Vec<(f64, usize)> = g.rows[r]
                .iter()
                .map(|&v| {
                    let neighbours = if downward { &g.up[v] } else { &g.down[v] };
                    let (mut sum, mut total) = (0.0, 0.0);
                    for &(u, w) in neighbours {
                        if w > 0.0 {
                            sum += w * pos[u] as f64;
                            total += w;
                        }
                    }
                    let key = if g.hidden[v] {
                        f64::INFINITY
                    } else if total > 0.0 {
                        sum / total
                    } else {
                        // No neighbour: stay where it is, relative to the
                        // others.
                        pos[v] as f64 * (1.0 + f64::EPSILON)
                    };
                    (key, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            g.rows[r] = keyed.into_iter().map(|(_, v)| v).collect();
            for (i, &v) in g.rows[r].iter().enumerate() {
                pos[v] = i;
            }
        }
        let c = crossings(g);
        if c < best {
            best = c;
            best_rows.clone_from(&g.rows);
        }
    }
    g.rows = best_rows;
}

/// Weighted median of `(value, weight)` pairs of positive weight.
fn median(values: &mut [(f64, f64)]) -> Option<f64> {
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: f64 = values.iter().map(|v| v.1).sum();
    if values.is_empty() || total <= 0.0 {
        return None;
    }
    let mut acc = 0.0;
    for (i, &(x, w)) in values.iter().enumerate() {
        acc += w;
        if acc * 2.0 > total + 1e-9 {
            return Some(x);
        }
        if (acc * 2.0 - total).abs() <= 1e-9 {
            // Exactly half: the midpoint with the next value.
            let next = values.get(i + 1).map_or(x, |v| v.0);
            return Some((x + next) / 2.0);
        }
    }
    values.last().map(|v| v.0)
}

/// Places one rank: minimises `sum pull_i (x_i - target_i)^2` subject to
/// the order of the rank and the minimum distances between neighbours.
fn solve_rank(row: &[usize], width: &[f64], target: &[f64], pull: &[f64], x: &mut [f64]) {
    // With offsets o_i (cumulated minimum distances), y_i = x_i - o_i must
    // be non-decreasing: isotonic regression by pooling adjacent violators.
    let mut offsets = Vec::with_capacity(row.len());
    let mut o = 0.0;
    for (i, &v) in row.iter().enumerate() {
        if i > 0 {
            o += (width[row[i - 1]] + width[v]) / 2.0;
        }
        offsets.push(o);
    }
    // Blocks of (sum of weights, weighted sum, number of members).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(row.len());
    for (i, &v) in row.iter().enumerate() {
        let w = pull[v].max(1e-6);
        blocks.push((w, w * (target[v] - offsets[i]), 1));
        while blocks.len() >= 2 {
            let (w1, s1, n1) = blocks[blocks.len() - 1];
            let (w0, s0, n0) = blocks[blocks.len() - 2];
            if s0 / w0 > s1 / w1 {
                blocks.pop();
                blocks.pop();
                blocks.push((w0 + w1, s0 + s1, n0 + n1));
            } else {
                break;
            }
        }
    }
    let mut i = 0;
    for (w, s, n) in blocks {
        let y = s / w;
        for _ in 0..n {
            x[row[i]] = y + offsets[i];
            i += 1;
        }
    }
}

/// Horizontal centre of every node, left edge of the drawing at 0.
pub(crate) fn assign_x(g: &Layered, sweeps: usize) -> Vec<f64> {
    let n = g.width.len();
    let mut x = vec![0.0; n];
    // Start packed to the left, ranks centred on each other.
    let widest = g
        .rows
        .iter()
        .map(|r| r.iter().map(|&v| g.width[v]).sum::<f64>())
        .fold(0.0, f64::max);
    for row in &g.rows {
        let total: f64 = row.iter().map(|&v| g.width[v]).sum();
        let mut left = (widest - total) / 2.0;
        for &v in row {
            x[v] = left + g.width[v] / 2.0;
            left += g.width[v];
        }
    }
    let mut target = vec![0.0; n];
    let mut scratch: Vec<(f64, f64)> = Vec::new();
    let ranks = g.rows.len();
    for sweep in 0..sweeps {
        // Down, up, and at the end both directions at once.
        let (use_up, use_down, order): (bool, bool, Vec<usize>) = if sweep + 2 >= sweeps {
            (true, true, (0..ranks).collect())
        } else if sweep % 2 == 0 {
            (true, false, (0..ranks).collect())
        } else {
            (false, true, (0..ranks).rev().collect())
        };
        for r in order {
            let row = &g.rows[r];
            for &v in row {
                scratch.clear();
                if use_up {
                    scratch.extend(
                        g.up[v]
                            .iter()
                            .filter(|e| e.1 > 0.0)
                            .map(|&(u, w)| (x[u], w)),
                    );
                }
                if use_down {
                    scratch.extend(
                        g.down[v]
                            .iter()
                            .filter(|e| e.1 > 0.0)
                            .map(|&(u, w)| (x[u], w)),
                    );
                }
                target[v] = median(&mut scratch).unwrap_or(x[v]);
            }
            solve_rank(row, &g.width, &target, &g.pull, &mut x);
        }
    }
    let left = g
        .rows
        .iter()
        .flatten()
        .map(|&v| x[v] - g.width[v] / 2.0)
        .fold(f64::INFINITY, f64::min);
    if left.is_finite() {
        for v in x.iter_mut() {
            *v -= left;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two ranks, edges 0-3 and 1-2: one crossing until reordered.
    fn crossed() -> Layered {
        Layered {
            rows: vec![vec![0, 1], vec![2, 3]],
            up: vec![vec![], vec![], vec![(1, 1.0)], vec![(0, 1.0)]],
            down: vec![vec![(3, 1.0)], vec![(2, 1.0)], vec![], vec![]],
            width: vec![10.0; 4],
            pull: vec![1.0; 4],
            hidden: vec![false; 4],
        }
    }

    #[test]
    fn counts_and_removes_crossings() {
        let mut g = crossed();
        assert_eq!(crossings(&g), 1);
        order(&mut g, 4);
        assert_eq!(crossings(&g), 0);
    }

    #[test]
    fn ranks_keep_order_and_distance() {
        let mut g = crossed();
        order(&mut g, 4);
        let x = assign_x(&g, 6);
        for row in &g.rows {
            for pair in row.windows(2) {
                assert!(x[pair[1]] - x[pair[0]] >= 10.0 - 1e-9);
            }
        }
        // Each lower node sits under its neighbour.
        assert!((x[2] - x[1]).abs() < 1e-6 && (x[3] - x[0]).abs() < 1e-6);
    }

    #[test]
    fn isotonic_solver_pools_violators() {
        let row = [0, 1, 2];
        let width = [10.0; 3];
        let mut x = [0.0; 3];
        // All want 0: they spread around it, 10 apart.
        solve_rank(&row, &width, &[0.0; 3], &[1.0; 3], &mut x);
        assert_eq!(x, [-10.0, 0.0, 10.0]);
        solve_rank(&row, &width, &[0.0, 100.0, 200.0], &[1.0; 3], &mut x);
        assert_eq!(x, [0.0, 100.0, 200.0]);
    }

    #[test]
    fn weighted_median() {
        assert_eq!(median(&mut [(1.0, 1.0), (5.0, 1.0), (9.0, 1.0)]), Some(5.0));
        assert_eq!(median(&mut [(1.0, 1.0), (5.0, 1.0)]), Some(3.0));
        assert_eq!(median(&mut [(1.0, 5.0), (5.0, 1.0)]), Some(1.0));
        assert_eq!(median(&mut []), None);
    }
}
