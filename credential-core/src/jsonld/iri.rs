//! IRI references: resolution against a base IRI (RFC 3986 §5.2), and the colon of a compact
//! IRI.

/// Resolves a reference against an absolute base IRI: RFC 3986 §5.2.2 "Transform References",
/// with §5.2.3 "Merge Paths" and §5.2.4 "Remove Dot Segments" (JSON-LD 1.1 API §5.2.2 step 8
/// and §4.1.2 step 5.2.1 defer to it). Network-path (`//host/…`) references and `.`/`..` segments
/// are resolved as the RFC says (W3C JSON-LD expand tests 0029, 0048, 0062, c031; toRdf
/// 0120–0129).
pub(super) fn resolve(base: &str, reference: &str) -> String {
    let b = IriParts::parse(base);
    let r = IriParts::parse(reference);
    let (scheme, authority, path, query) = if r.scheme.is_some() {
        (r.scheme, r.authority, remove_dot_segments(r.path), r.query)
    } else if r.authority.is_some() {
        (b.scheme, r.authority, remove_dot_segments(r.path), r.query)
    } else if r.path.is_empty() {
        (
            b.scheme,
            b.authority,
            b.path.to_owned(),
            r.query.or(b.query),
        )
    } else if r.path.starts_with('/') {
        (b.scheme, b.authority, remove_dot_segments(r.path), r.query)
    } else {
        // §5.2.3: the base path up to its last "/", or "/" for an authority with an empty path.
        let merged = if b.authority.is_some() && b.path.is_empty() {
            format!("/{}", r.path)
        } else {
            let dir = b.path.rfind('/').map_or("", |i| &b.path[..=i]);
            format!("{dir}{}", r.path)
        };
        (b.scheme, b.authority, remove_dot_segments(&merged), r.query)
    };
    // §5.3 "Component Recomposition".
    let mut out = String::with_capacity(base.len() + reference.len());
    if let Some(s) = scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The five components of an IRI reference (RFC 3986 Appendix B).
struct IriParts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

impl<'a> IriParts<'a> {
    fn parse(s: &'a str) -> Self {
        let (s, fragment) = match s.split_once('#') {
            Some((s, f)) => (s, Some(f)),
            None => (s, None),
        };
        let (s, query) = match s.split_once('?') {
            Some((s, q)) => (s, Some(q)),
            None => (s, None),
        };
        let (scheme, rest) = match s.split_once(':') {
            Some((scheme, rest)) if !scheme.is_empty() && !scheme.contains('/') => {
                (Some(scheme), rest)
            }
            _ => (None, s),
        };
        let (authority, path) = match rest.strip_prefix("//") {
            Some(r) => {
                let end = r.find('/').unwrap_or(r.len());
                (Some(&r[..end]), &r[end..])
            }
            None => (None, rest),
        };
        IriParts {
            scheme,
            authority,
            path,
            query,
            fragment,
        }
    }
}

/// RFC 3986 §5.2.4 "Remove Dot Segments". The input buffer is always a suffix of `path` (or
/// `"/"`), so the work is linear in the path's length.
fn remove_dot_segments(path: &str) -> String {
    fn pop_segment(out: &mut String) {
        let cut = out.rfind('/').unwrap_or(0);
        out.truncate(cut);
    }
    let mut out = String::with_capacity(path.len());
    let mut input = path;
    while !input.is_empty() {
        if let Some(rest) = input
            .strip_prefix("../")
            .or_else(|| input.strip_prefix("./"))
        {
            input = rest; // A
        } else if input.starts_with("/./") {
            input = &input[2..]; // B
        } else if input == "/." {
            input = "/"; // B
        } else if input.starts_with("/../") {
            input = &input[3..]; // C
            pop_segment(&mut out);
        } else if input == "/.." {
            input = "/"; // C
            pop_segment(&mut out);
        } else if input == "." || input == ".." {
            input = ""; // D
        } else {
            // E: the first segment, with its leading "/" if any.
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| i + start);
            out.push_str(&input[..end]);
            input = &input[end..];
        }
    }
    out
}

/// The byte offset of the first `:` after the first character (a compact IRI's or absolute IRI's
/// colon), if any. `:` is ASCII, so a byte search never splits a character.
pub(super) fn prefix_colon(s: &str) -> Option<usize> {
    s.bytes()
        .enumerate()
        .skip(1)
        .find(|&(_, b)| b == b':')
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_against_a_base() {
        let b = "https://ex.org/a/b?q#f";
        assert_eq!(resolve(b, "c"), "https://ex.org/a/c");
        assert_eq!(resolve(b, "/c"), "https://ex.org/c");
        assert_eq!(resolve(b, "#g"), "https://ex.org/a/b?q#g");
        assert_eq!(resolve(b, "?r"), "https://ex.org/a/b?r");
        assert_eq!(resolve("https://ex.org", "c"), "https://ex.org/c");
    }

    /// RFC 3986 §5.4.1 "Normal Examples" and §5.4.2 "Abnormal Examples".
    #[test]
    fn rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
        ] {
            assert_eq!(resolve(base, reference), want, "{reference:?}");
        }
    }
}
