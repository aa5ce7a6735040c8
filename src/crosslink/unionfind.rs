//! Union-find over document indices.

pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut node = x;
        while self.parent[node] != root {
            let next = self.parent[node];
            self.parent[node] = root;
            node = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`; the smaller index becomes the root, so results do
    /// not depend on the order of unions.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[join] = keep;
        }
    }

    /// The sets with at least `min_size` members, each sorted, in order of their smallest member.
    pub fn groups(&mut self, min_size: usize) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for x in 0..n {
            let root = self.find(x);
            by_root.entry(root).or_default().push(x);
        }
        by_root
            .into_values()
            .filter(|g| g.len() >= min_size)
            .collect()
    }
}
