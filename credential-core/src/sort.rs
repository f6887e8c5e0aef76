//! One small stable sort for the whole crate.
//!
//! The standard library's sorts are fast but large once instantiated for every element type and
//! comparison (about 40 KB of the WASM verifier when this crate used them); the verifier sorts
//! short lists (keys of one object, quads of one credential), so a compact merge sort that takes
//! the comparison as a trait object is enough.

/// Sorts `v` stably so that no element is preceded by one `less` than it. O(n log n).
pub(crate) fn sort_by<T>(v: &mut Vec<T>, less: &dyn Fn(&T, &T) -> bool) {
    let n = v.len();
    if n <= 12 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(&v[j], &v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mut right = v.split_off(n / 2);
    sort_by(v, less);
    sort_by(&mut right, less);
    let left = std::mem::replace(v, Vec::with_capacity(n));
    let mut left = left.into_iter().peekable();
    let mut right = right.into_iter().peekable();
    while let (Some(a), Some(b)) = (left.peek(), right.peek()) {
        let next = if less(b, a) {
            right.next()
        } else {
            left.next()
        };
        v.extend(next);
    }
    v.extend(left);
    v.extend(right);
}

/// Sorts `v` in ascending order.
pub(crate) fn sort<T: Ord>(v: &mut Vec<T>) {
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
