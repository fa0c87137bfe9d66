//! RFC 6962 / RFC 9162 Merkle tree algorithms, with BLAKE3 as the hash.
//!
//! leaf hash = BLAKE3(0x00 || leaf bytes), node hash = BLAKE3(0x01 || left || right).
//! Trees, proofs and their verification follow RFC 9162 sections 2.1.1 to 2.1.4. The tree
//! is read through [`Nodes`]: the hash of any *perfect* subtree (2^level leaves starting at
//! a multiple of 2^level), which the access log stores, so proofs cost O(log n) reads.

/// A 32-byte hash.
pub type Hash = [u8; 32];

/// BLAKE3(0x00 || data).
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = blake3::Hasher::new();
    h.update(&[0]);
    h.update(data);
    *h.finalize().as_bytes()
}

/// BLAKE3(0x01 || left || right).
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = blake3::Hasher::new();
    h.update(&[1]);
    h.update(left);
    h.update(right);
    *h.finalize().as_bytes()
}

/// The hash of the empty tree: BLAKE3 of nothing.
pub fn empty_root() -> Hash {
    *blake3::hash(b"").as_bytes()
}

/// Source of perfect-subtree hashes: `level` 0 are leaf hashes.
pub trait Nodes {
    /// The error of the source.
    type Error;
    /// The hash of leaves `[index << level, (index + 1) << level)`.
    fn node(&self, level: u32, index: u64) -> Result<Hash, Self::Error>;
}

/// The largest power of two strictly smaller than `n` (n >= 2).
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// MTH of leaves `[start, start + len)`, len >= 1; `start` is a multiple of the largest
/// power of two <= len, as in every subtree RFC 6962's recursion visits.
pub fn subtree<N: Nodes>(nodes: &N, start: u64, len: u64) -> Result<Hash, N::Error> {
    if len.is_power_of_two() {
        let level = len.trailing_zeros();
        return nodes.node(level, start >> level);
    }
    let k = split(len);
    let left = subtree(nodes, start, k)?;
    let right = subtree(nodes, start + k, len - k)?;
    Ok(node_hash(&left, &right))
}

/// The root of the first `size` leaves.
pub fn root<N: Nodes>(nodes: &N, size: u64) -> Result<Hash, N::Error> {
    if size == 0 {
        return Ok(empty_root());
    }
    subtree(nodes, 0, size)
}

/// Inclusion proof of leaf `index` in the tree of `size` leaves (RFC 6962 PATH).
pub fn inclusion_proof<N: Nodes>(nodes: &N, index: u64, size: u64) -> Result<Vec<Hash>, N::Error> {
    let mut proof = Vec::new();
    path(nodes, index, 0, size, &mut proof)?;
    Ok(proof)
}

fn path<N: Nodes>(
    nodes: &N,
    m: u64,
    start: u64,
    n: u64,
    out: &mut Vec<Hash>,
) -> Result<(), N::Error> {
    if n <= 1 {
        return Ok(());
    }
    let k = split(n);
    if m < k {
        path(nodes, m, start, k, out)?;
        out.push(subtree(nodes, start + k, n - k)?);
    } else {
        path(nodes, m - k, start + k, n - k, out)?;
        out.push(subtree(nodes, start, k)?);
    }
    Ok(())
}

/// Consistency proof that the tree of `new` leaves extends the one of `old` leaves
/// (RFC 6962 PROOF); empty when `old` is 0 or equals `new`.
pub fn consistency_proof<N: Nodes>(nodes: &N, old: u64, new: u64) -> Result<Vec<Hash>, N::Error> {
    let mut proof = Vec::new();
    if old > 0 && old < new {
        subproof(nodes, old, 0, new, true, &mut proof)?;
    }
    Ok(proof)
}

fn subproof<N: Nodes>(
    nodes: &N,
    m: u64,
    start: u64,
    n: u64,
    complete: bool,
    out: &mut Vec<Hash>,
) -> Result<(), N::Error> {
    if m == n {
        if !complete {
            out.push(subtree(nodes, start, n)?);
        }
        return Ok(());
    }
    let k = split(n);
    if m <= k {
        subproof(nodes, m, start, k, complete, out)?;
        out.push(subtree(nodes, start + k, n - k)?);
    } else {
        subproof(nodes, m - k, start + k, n - k, false, out)?;
        out.push(subtree(nodes, start, k)?);
    }
    Ok(())
}

/// Verifies an inclusion proof (RFC 9162 2.1.3.2).
pub fn verify_inclusion(leaf: &Hash, index: u64, size: u64, proof: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    s_n == 0 && r == *root
}

/// Verifies a consistency proof between (old, old_root) and (new, new_root)
/// (RFC 9162 2.1.4.2).
pub fn verify_consistency(
    old: u64,
    new: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> bool {
    if old > new {
        return false;
    }
    if old == new {
        return proof.is_empty() && old_root == new_root;
    }
    if old == 0 {
        // Every tree extends the empty one; RFC 9162 asks for an empty proof.
        return proof.is_empty();
    }
    if proof.is_empty() {
        return false;
    }
    let mut proof = proof.to_vec();
    if old.is_power_of_two() {
        proof.insert(0, *old_root);
    }
    let (mut f_n, mut s_n) = (old - 1, new - 1);
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let (mut f_r, mut s_r) = (proof[0], proof[0]);
    for c in &proof[1..] {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            f_r = node_hash(c, &f_r);
            s_r = node_hash(c, &s_r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            s_r = node_hash(&s_r, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    f_r == *old_root && s_r == *new_root && s_n == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    /// Perfect-subtree hashes computed naively from the leaves.
    struct Leaves(Vec<Vec<u8>>);

    impl Nodes for Leaves {
        type Error = Infallible;
        fn node(&self, level: u32, index: u64) -> Result<Hash, Infallible> {
            let start = (index << level) as usize;
            Ok(naive_root(&self.0[start..start + (1usize << level)]))
        }
    }

    /// RFC 6962 MTH, straight from its definition.
    fn naive_root(leaves: &[Vec<u8>]) -> Hash {
        match leaves.len() {
            0 => empty_root(),
            1 => leaf_hash(&leaves[0]),
            n => {
                let k = split(n as u64) as usize;
                node_hash(&naive_root(&leaves[..k]), &naive_root(&leaves[k..]))
            }
        }
    }

    /// RFC 6962 PATH and PROOF, straight from their definitions on leaf slices.
    fn naive_path(m: usize, leaves: &[Vec<u8>]) -> Vec<Hash> {
        let n = leaves.len();
        if n <= 1 {
            return vec![];
        }
        let k = split(n as u64) as usize;
        if m < k {
            let mut p = naive_path(m, &leaves[..k]);
            p.push(naive_root(&leaves[k..]));
            p
        } else {
            let mut p = naive_path(m - k, &leaves[k..]);
            p.push(naive_root(&leaves[..k]));
            p
        }
    }

    fn naive_subproof(m: usize, leaves: &[Vec<u8>], b: bool) -> Vec<Hash> {
        let n = leaves.len();
        if m == n {
            return if b { vec![] } else { vec![naive_root(leaves)] };
        }
        let k = split(n as u64) as usize;
        if m <= k {
            let mut p = naive_subproof(m, &leaves[..k], b);
            p.push(naive_root(&leaves[k..]));
            p
        } else {
            let mut p = naive_subproof(m - k, &leaves[k..], false);
            p.push(naive_root(&leaves[..k]));
            p
        }
    }

    fn leaves(n: usize) -> Leaves {
        Leaves((0..n).map(|i| format!("event {i}").into_bytes()).collect())
    }

    fn check_size(n: usize) {
        let t = leaves(n);
        let root_n = root(&t, n as u64).unwrap();
        assert_eq!(root_n, naive_root(&t.0), "root of {n}");
        for m in 0..n {
            let proof = inclusion_proof(&t, m as u64, n as u64).unwrap();
            assert_eq!(proof, naive_path(m, &t.0), "path {m} of {n}");
            let leaf = leaf_hash(&t.0[m]);
            assert!(verify_inclusion(&leaf, m as u64, n as u64, &proof, &root_n));
        }
        for old in 1..=n {
            let proof = consistency_proof(&t, old as u64, n as u64).unwrap();
            let expected = if old == n {
                vec![]
            } else {
                naive_subproof(old, &t.0, true)
            };
            assert_eq!(proof, expected, "consistency {old} -> {n}");
            let old_root = naive_root(&t.0[..old]);
            assert!(
                verify_consistency(old as u64, n as u64, &old_root, &root_n, &proof),
                "{old} -> {n}"
            );
        }
    }

    #[test]
    fn proofs_match_the_naive_tree_for_every_size_up_to_64() {
        for n in 1..=64 {
            check_size(n);
        }
    }

    #[test]
    fn proofs_match_the_naive_tree_for_random_larger_sizes() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..6 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            check_size(65 + (x % 400) as usize);
        }
    }

    #[test]
    fn edge_cases_that_broke_other_verifiers_are_refused() {
        let t = leaves(7);
        let r7 = root(&t, 7).unwrap();
        let leaf3 = leaf_hash(&t.0[3]);
        let proof = inclusion_proof(&t, 3, 7).unwrap();
        // Size 0: nothing is included, and the empty root is BLAKE3("").
        assert_eq!(root(&t, 0).unwrap(), empty_root());
        assert!(!verify_inclusion(&leaf3, 0, 0, &[], &empty_root()));
        // Index beyond the size.
        assert!(!verify_inclusion(&leaf3, 7, 7, &proof, &r7));
        // A proof valid for another size.
        let r8 = naive_root(&leaves(8).0);
        assert!(!verify_inclusion(&leaf3, 3, 8, &proof, &r8));
        let r6 = root(&t, 6).unwrap();
        assert!(!verify_inclusion(&leaf3, 3, 6, &proof, &r6));
        // (The same path with r7 and size 6 does verify: a root is bound to its size only
        // by the signed checkpoint, which is why verifiers take both from it.)
        // An extra or a missing element.
        let mut extra = proof.clone();
        extra.push(r7);
        assert!(!verify_inclusion(&leaf3, 3, 7, &extra, &r7));
        assert!(!verify_inclusion(
            &leaf3,
            3,
            7,
            &proof[..proof.len() - 1],
            &r7
        ));
        // A flipped bit, in the proof, the leaf or the root.
        let mut flipped = proof.clone();
        flipped[0][5] ^= 0x10;
        assert!(!verify_inclusion(&leaf3, 3, 7, &flipped, &r7));
        let mut bad_leaf = leaf3;
        bad_leaf[0] ^= 1;
        assert!(!verify_inclusion(&bad_leaf, 3, 7, &proof, &r7));

        // Size 1 to 2, and 1 to 1.
        let t2 = leaves(2);
        let (r1, r2) = (root(&t2, 1).unwrap(), root(&t2, 2).unwrap());
        let c = consistency_proof(&t2, 1, 2).unwrap();
        assert_eq!(c.len(), 1);
        assert!(verify_consistency(1, 2, &r1, &r2, &c));
        assert!(!verify_consistency(1, 2, &r2, &r2, &c));
        assert!(verify_consistency(1, 1, &r1, &r1, &[]));
        assert!(!verify_consistency(1, 1, &r1, &r2, &[]));
        assert!(!verify_consistency(2, 1, &r2, &r1, &c));
        assert!(verify_consistency(0, 2, &empty_root(), &r2, &[]));
        assert!(!verify_consistency(0, 2, &empty_root(), &r2, &c));
        // Consistency: another size, extra or missing elements, a flipped bit.
        let c37 = consistency_proof(&t, 3, 7).unwrap();
        let r3 = root(&t, 3).unwrap();
        assert!(verify_consistency(3, 7, &r3, &r7, &c37));
        assert!(!verify_consistency(3, 6, &r3, &r6, &c37));
        assert!(!verify_consistency(3, 8, &r3, &r8, &c37));
        assert!(!verify_consistency(4, 7, &r3, &r7, &c37));
        let mut extra = c37.clone();
        extra.push(r3);
        assert!(!verify_consistency(3, 7, &r3, &r7, &extra));
        assert!(!verify_consistency(3, 7, &r3, &r7, &c37[..c37.len() - 1]));
        assert!(!verify_consistency(3, 7, &r3, &r7, &[]));
        let mut flipped = c37.clone();
        flipped[1][31] ^= 0x80;
        assert!(!verify_consistency(3, 7, &r3, &r7, &flipped));
    }
}
