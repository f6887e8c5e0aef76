//! One small stable sort for the whole crate.
//!
//! The standard library's sorts are fast but large once instantiated for every element type and
//! comparison (about 40 KB of the WASM verifier when this crate used them); the verifier sorts
//! short lists (keys of one object, quads of one credential), so a compact merge sort that takes
//! the comparison as a trait object is enough.

/// Sorts `v` stably so that no element is preceded by one `less` than it. O(n log n).
///
/// The merge sort itself runs on indices (one instance for every element type); only the final
/// permutation, a series of swaps, is per type.
pub(crate) fn sort_by<T>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| less(&v[a], &v[b]));
    // Puts v[order[k]] at k, cycle by cycle: each swap settles one position.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// Stable merge sort of indices by `less`.
fn sort_indices(v: &mut Vec<usize>, less: &dyn Fn(usize, usize) -> bool) {
    let n = v.len();
    if n <= 12 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mut right = v.split_off(n / 2);
    sort_indices(v, less);
    sort_indices(&mut right, less);
    let left = std::mem::replace(v, Vec::with_capacity(n));
    let (mut l, mut r) = (0, 0);
    while l < left.len() && r < right.len() {
        if less(right[r], left[l]) {
            v.push(right[r]);
            r += 1;
        } else {
            v.push(left[l]);
            l += 1;
        }
    }
    v.extend_from_slice(&left[l..]);
    v.extend_from_slice(&right[r..]);
}

/// Sorts `v` in ascending order.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, &|a, b| a < b);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_stably() {
        let mut seed = 7u32;
        for len in [0, 1, 2, 5, 12, 13, 40, 333] {
            let mut v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 10, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            sort_by(&mut v, &|a, b| a.0 < b.0);
            assert_eq!(v, want, "{len}");
        }
        let mut words = vec!["b", "a", "c", "a"];
        sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
