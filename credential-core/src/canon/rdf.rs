//! RDF terms and quads, and their N-Quads form (RDF 1.1 N-Quads; literals escaped as in the
//! canonical N-Triples form of RDF 1.2 §"Canonical N-Triples", which RDFC-1.0 outputs).

use std::fmt::Write;

/// `rdf:type`.
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// `rdf:first`.
pub const RDF_FIRST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
/// `rdf:rest`.
pub const RDF_REST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
/// `rdf:nil`.
pub const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
/// `rdf:JSON`.
pub const RDF_JSON: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
/// `rdf:langString`.
pub const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
/// `xsd:string`.
pub const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
/// `xsd:boolean`.
pub const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
/// `xsd:integer`.
pub const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
/// `xsd:double`.
pub const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";

/// An RDF term.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// An absolute IRI.
    Iri(String),
    /// A blank node, by its label (without `_:`).
    Blank(String),
    /// A literal: lexical form, datatype IRI, and language tag (lower case) for
    /// `rdf:langString`.
    Literal {
        /// Lexical form.
        value: String,
        /// Datatype IRI.
        datatype: String,
        /// Language tag, for `rdf:langString` only.
        language: Option<String>,
    },
}

/// An RDF quad; `graph` is `None` for the default graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quad {
    /// Subject (IRI or blank node).
    pub subject: Term,
    /// Predicate IRI.
    pub predicate: String,
    /// Object.
    pub object: Term,
    /// Graph name (IRI or blank node), or `None` for the default graph.
    pub graph: Option<Term>,
}

impl Quad {
    /// The quad as one N-Quads line (ending in `" .\n"`), with blank node labels mapped by
    /// `label`.
    pub fn to_nquad(&self, label: &dyn Fn(&str) -> String) -> String {
        let mut out = String::with_capacity(128);
        write_term(&mut out, &self.subject, label);
        out.push_str(" <");
        out.push_str(&self.predicate);
        out.push_str("> ");
        write_term(&mut out, &self.object, label);
        if let Some(g) = &self.graph {
            out.push(' ');
            write_term(&mut out, g, label);
        }
        out.push_str(" .\n");
        out
    }
}

fn write_term(out: &mut String, term: &Term, label: &dyn Fn(&str) -> String) {
    match term {
        Term::Iri(iri) => {
            out.push('<');
            out.push_str(iri);
            out.push('>');
        }
        Term::Blank(b) => {
            out.push_str("_:");
            out.push_str(&label(b));
        }
        Term::Literal {
            value,
            datatype,
            language,
        } => {
            out.push('"');
            for c in value.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{08}' => out.push_str("\\b"),
                    '\u{0C}' => out.push_str("\\f"),
                    '\0'..='\u{1F}' | '\u{7F}' => {
                        let _ = write!(out, "\\u{:04X}", c as u32);
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            match language {
                Some(lang) => {
                    out.push('@');
                    out.push_str(lang);
                }
                None if datatype != XSD_STRING => {
                    out.push_str("^^<");
                    out.push_str(datatype);
                    out.push('>');
                }
                None => {}
            }
        }
    }
}

/// Whether `s` is an absolute IRI: a scheme (RFC 3987 §2.2), a colon, and no character N-Quads
/// could not carry inside `<…>` (RDF 1.1 N-Quads, production IRIREF).
pub fn is_absolute_iri(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let scheme = &s[..colon];
    let mut bytes = scheme.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        // Every character refused is ASCII, and no byte of a multi-byte UTF-8 character is.
        && !s.bytes().any(|b| {
            matches!(
                b,
                0..=b' ' | b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\'
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_escaped_canonically() {
        let q = Quad {
            subject: Term::Blank("x".into()),
            predicate: "http://e/p".into(),
            object: Term::Literal {
                value: "a\"b\\c\nd\re\tf\u{1}\u{7F}é".into(),
                datatype: XSD_STRING.into(),
                language: None,
            },
            graph: Some(Term::Iri("http://e/g".into())),
        };
        assert_eq!(
            q.to_nquad(&|b| format!("c14n{b}")),
            "_:c14nx <http://e/p> \"a\\\"b\\\\c\\nd\\re\\tf\\u0001\\u007Fé\" <http://e/g> .\n"
        );
    }

    #[test]
    fn absolute_iris() {
        for ok in [
            "https://a/b",
            "urn:uuid:1",
            "did:key:z6Mk#z6Mk",
            "a+b.c-d:x",
        ] {
            assert!(is_absolute_iri(ok), "{ok}");
        }
        for bad in ["relative", "1a:b", ":x", "http://a b", "http://a/<b>", ""] {
            assert!(!is_absolute_iri(bad), "{bad}");
        }
    }
}
