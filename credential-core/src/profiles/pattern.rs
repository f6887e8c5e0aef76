//! The regular expressions of JSON Schema's `pattern` keyword (ECMA-262 syntax, JSON Schema
//! 2020-12 Validation §6.3.3), in the subset a credential profile needs: anchors, literals and
//! escapes, character classes (with `\d \w \s` and their negations), groups, alternation and the
//! greedy or lazy quantifiers `? * + {n} {n,} {n,m}`.
//!
//! Anything else (back-references, look-around, word boundaries, named groups, flags) is refused
//! when the schema is compiled, so a rule is never silently ignored. Matching runs a Pike VM
//! (Thompson NFA simulation): time is linear in the input times the program size, whatever the
//! input, so no pattern can be made to backtrack exponentially.

/// Largest repetition count accepted in `{n,m}`.
const MAX_REPEAT: u32 = 1_000;
/// Largest compiled program, in instructions.
const MAX_PROGRAM: usize = 20_000;

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    source: String,
    program: Vec<Inst>,
}

/// Why a pattern could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternError(pub(crate) String);

#[derive(Debug, Clone)]
enum Inst {
    /// Consume one character of the class.
    Char(Class),
    /// Continue at both targets (the first is preferred; preference does not matter for
    /// matching, only for captures, which we do not keep).
    Split(usize, usize),
    Jump(usize),
    /// `^`: only at the start of the input.
    Start,
    /// `$`: only at the end of the input.
    End,
    Match,
}

#[derive(Debug, Clone)]
struct Class {
    items: Vec<Item>,
    negated: bool,
}

#[derive(Debug, Clone)]
enum Item {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
    /// `.`: anything but a line terminator.
    Dot,
}

impl Item {
    fn matches(&self, c: char) -> bool {
        match *self {
            Item::Range(lo, hi) => lo <= c && c <= hi,
            Item::Digit(neg) => c.is_ascii_digit() != neg,
            Item::Word(neg) => (c.is_ascii_alphanumeric() || c == '_') != neg,
            Item::Space(neg) => is_ecma_space(c) != neg,
            Item::Dot => !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'),
        }
    }
}

impl Class {
    fn single(item: Item) -> Self {
        Class {
            items: vec![item],
            negated: false,
        }
    }

    fn matches(&self, c: char) -> bool {
        self.items.iter().any(|i| i.matches(c)) != self.negated
    }
}

/// ECMA-262 WhiteSpace and LineTerminator (§12.2, §12.3).
fn is_ecma_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

#[derive(Debug)]
enum Node {
    Empty,
    Char(Class),
    Start,
    End,
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

impl Pattern {
    /// Compiles `source`.
    pub(crate) fn new(source: &str) -> Result<Self, PatternError> {
        let mut parser = Parser {
            chars: source.chars().collect(),
            pos: 0,
        };
        let node = parser.alternation(0)?;
        if parser.pos != parser.chars.len() {
            return Err(parser.error("unbalanced ')'"));
        }
        let mut program = Vec::new();
        compile(&node, &mut program)?;
        program.push(Inst::Match);
        Ok(Pattern {
            source: source.to_owned(),
            program,
        })
    }

    /// The pattern as written.
    pub(crate) fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not implicitly
    /// anchored).
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let n = self.program.len();
        let mut current = Threads::new(n);
        let mut next = Threads::new(n);
        let mut stack = Vec::new();
        let len = text.len();
        let mut chars = text.char_indices().peekable();
        let mut pos = 0;
        loop {
            // A new attempt may start at every position (the search is unanchored).
            if self.add(&mut current, &mut stack, 0, pos, len) {
                return true;
            }
            let Some((_, c)) = chars.next() else {
                return false;
            };
            pos = chars.peek().map_or(len, |&(i, _)| i);
            next.clear();
            for &pc in &current.list {
                if let Inst::Char(class) = &self.program[pc] {
                    if class.matches(c) && self.add(&mut next, &mut stack, pc + 1, pos, len) {
                        return true;
                    }
                }
            }
            std::mem::swap(&mut current, &mut next);
        }
    }

    /// Follows the non-consuming instructions from `pc` at byte offset `pos`, adding the
    /// character-consuming ones to `threads`. Returns whether `Match` was reached.
    fn add(
        &self,
        threads: &mut Threads,
        stack: &mut Vec<usize>,
        pc: usize,
        pos: usize,
        len: usize,
    ) -> bool {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !threads.insert(pc) {
                continue;
            }
            match self.program[pc] {
                Inst::Char(_) => threads.list.push(pc),
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                Inst::Jump(to) => stack.push(to),
                Inst::Start => {
                    if pos == 0 {
                        stack.push(pc + 1);
                    }
                }
                Inst::End => {
                    if pos == len {
                        stack.push(pc + 1);
                    }
                }
                Inst::Match => {
                    stack.clear();
                    return true;
                }
            }
        }
        false
    }
}

/// A set of program counters, in insertion order (a sparse set).
struct Threads {
    seen: Vec<bool>,
    visited: Vec<usize>,
    list: Vec<usize>,
}

impl Threads {
    fn new(n: usize) -> Self {
        Threads {
            seen: vec![false; n],
            visited: Vec::new(),
            list: Vec::new(),
        }
    }

    fn insert(&mut self, pc: usize) -> bool {
        if self.seen[pc] {
            return false;
        }
        self.seen[pc] = true;
        self.visited.push(pc);
        true
    }

    fn clear(&mut self) {
        for &pc in &self.visited {
            self.seen[pc] = false;
        }
        self.visited.clear();
        self.list.clear();
    }
}

fn compile(node: &Node, out: &mut Vec<Inst>) -> Result<(), PatternError> {
    if out.len() > MAX_PROGRAM {
        return Err(PatternError(format!(
            "the pattern compiles to more than {MAX_PROGRAM} instructions"
        )));
    }
    match node {
        Node::Empty => {}
        Node::Char(class) => out.push(Inst::Char(class.clone())),
        Node::Start => out.push(Inst::Start),
        Node::End => out.push(Inst::End),
        Node::Concat(nodes) => {
            for n in nodes {
                compile(n, out)?;
            }
        }
        Node::Alt(branches) => {
            // split L1, next; L1: a; jump end; next: split L2, next2; ... last branch
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    compile(branch, out)?;
                    jumps.push(out.len());
                    out.push(Inst::Jump(0));
                    let next = out.len();
                    out[split] = Inst::Split(split + 1, next);
                } else {
                    compile(branch, out)?;
                }
            }
            let end = out.len();
            for j in jumps {
                out[j] = Inst::Jump(end);
            }
        }
        Node::Repeat { node, min, max } => {
            for _ in 0..*min {
                compile(node, out)?;
            }
            match max {
                None => {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    compile(node, out)?;
                    out.push(Inst::Jump(split));
                    let end = out.len();
                    out[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(out.len());
                        out.push(Inst::Split(0, 0));
                        compile(node, out)?;
                    }
                    let end = out.len();
                    for s in splits {
                        out[s] = Inst::Split(s + 1, end);
                    }
                }
            }
        }
    }
    Ok(())
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn error(&self, what: &str) -> PatternError {
        PatternError(format!("{what} at offset {}", self.pos))
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn alternation(&mut self, depth: usize) -> Result<Node, PatternError> {
        if depth > 32 {
            return Err(self.error("groups nested too deeply"));
        }
        let mut branches = vec![self.concatenation(depth)?];
        while self.eat('|') {
            branches.push(self.concatenation(depth)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn concatenation(&mut self, depth: usize) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            items.push(self.quantified(atom)?);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn atom(&mut self, depth: usize) -> Result<Node, PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.error("unexpected end"));
        };
        self.pos += 1;
        Ok(match c {
            '^' => Node::Start,
            '$' => Node::End,
            '.' => Node::Char(Class::single(Item::Dot)),
            '(' => {
                if self.eat('?') && !self.eat(':') {
                    return Err(self.error("look-around and named groups are not supported"));
                }
                let inner = self.alternation(depth + 1)?;
                if !self.eat(')') {
                    return Err(self.error("missing ')'"));
                }
                inner
            }
            '[' => Node::Char(self.class()?),
            '\\' => Node::Char(Class::single(self.escape(false)?)),
            '*' | '+' | '?' | '{' | '}' | ']' => {
                self.pos -= 1;
                return Err(self.error(&format!("unexpected {c:?}")));
            }
            c => Node::Char(Class::single(Item::Range(c, c))),
        })
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, PatternError> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                self.pos += 1;
                let min = self
                    .number()?
                    .ok_or_else(|| self.error("a repetition count is needed after '{'"))?;
                let max = if self.eat(',') {
                    self.number()?
                } else {
                    Some(min)
                };
                if self.peek() != Some('}') {
                    return Err(self.error("missing '}'"));
                }
                if max.is_some_and(|m| m < min) {
                    return Err(self.error("repetition range out of order"));
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.pos += 1;
        self.eat('?'); // lazy: the same set of matches
        if matches!(atom, Node::Start | Node::End) {
            return Err(self.error("an anchor cannot be repeated"));
        }
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return Err(self.error("nothing to repeat"));
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
        })
    }

    fn number(&mut self) -> Result<Option<u32>, PatternError> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if start == self.pos {
            return Ok(None);
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        match digits.parse::<u32>() {
            Ok(n) if n <= MAX_REPEAT => Ok(Some(n)),
            _ => Err(self.error(&format!("repetition counts above {MAX_REPEAT}"))),
        }
    }

    fn class(&mut self) -> Result<Class, PatternError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("missing ']'"));
            };
            self.pos += 1;
            if c == ']' {
                break;
            }
            let lo = if c == '\\' {
                self.escape(true)?
            } else {
                Item::Range(c, c)
            };
            let is_range = self.peek() == Some('-') && self.chars.get(self.pos + 1) != Some(&']');
            match (lo, is_range) {
                (Item::Range(lo, _), true) => {
                    self.pos += 1;
                    let hi = match self.peek() {
                        Some('\\') => {
                            self.pos += 1;
                            self.escape(true)?
                        }
                        Some(h) => {
                            self.pos += 1;
                            Item::Range(h, h)
                        }
                        None => return Err(self.error("missing ']'")),
                    };
                    let Item::Range(hi, _) = hi else {
                        return Err(self.error("a class escape cannot end a range"));
                    };
                    if hi < lo {
                        return Err(self.error("character range out of order"));
                    }
                    items.push(Item::Range(lo, hi));
                }
                (_, true) => return Err(self.error("a class escape cannot start a range")),
                (item, false) => items.push(item),
            }
        }
        Ok(Class { items, negated })
    }

    /// After a backslash.
    fn escape(&mut self, in_class: bool) -> Result<Item, PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.error("a pattern cannot end with '\\'"));
        };
        self.pos += 1;
        let lit = |c: char| Ok(Item::Range(c, c));
        match c {
            'd' => Ok(Item::Digit(false)),
            'D' => Ok(Item::Digit(true)),
            'w' => Ok(Item::Word(false)),
            'W' => Ok(Item::Word(true)),
            's' => Ok(Item::Space(false)),
            'S' => Ok(Item::Space(true)),
            'n' => lit('\n'),
            'r' => lit('\r'),
            't' => lit('\t'),
            'f' => lit('\u{0C}'),
            'v' => lit('\u{0B}'),
            '0' if !self.peek().is_some_and(|c| c.is_ascii_digit()) => lit('\0'),
            'b' if in_class => lit('\u{08}'),
            '-' if in_class => lit('-'),
            'u' => self.hex(4),
            'x' => self.hex(2),
            c if c.is_ascii_punctuation() => lit(c),
            _ => Err(self.error(&format!("the escape \\{c} is not supported"))),
        }
    }

    fn hex(&mut self, digits: usize) -> Result<Item, PatternError> {
        let end = self.pos + digits;
        let text: String = self
            .chars
            .get(self.pos..end)
            .unwrap_or(&[])
            .iter()
            .collect();
        let c = u32::from_str_radix(&text, 16)
            .ok()
            .filter(|_| text.len() == digits)
            .and_then(char::from_u32)
            .ok_or_else(|| self.error("a malformed hexadecimal escape"))?;
        self.pos = end;
        Ok(Item::Range(c, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, s: &str) -> bool {
        Pattern::new(p).unwrap().is_match(s)
    }

    #[test]
    fn profile_patterns_behave_as_ecmascript() {
        let date = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
        for ok in ["1990", "1990-02", "1990-02-28", "2000-12-31"] {
            assert!(m(date, ok), "{ok}");
        }
        for bad in [
            "199",
            "1990-13",
            "1990-00-10",
            "1990-02-32",
            "1990-02-2",
            " 1990",
        ] {
            assert!(!m(date, bad), "{bad}");
        }
        let nat = "^(D|[A-Z]{3})$";
        assert!(m(nat, "D") && m(nat, "ETH") && !m(nat, "Eritrea") && !m(nat, "DE"));
        let uri = "^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+$";
        assert!(m(uri, "did:key:z6Mk") && m(uri, "urn:uuid:1"));
        assert!(!m(uri, "did: x") && !m(uri, "1a:b") && !m(uri, "did:\u{3000}"));
        let latin = "^[A-Za-z][A-Za-z '\\-]{0,199}$";
        assert!(m(latin, "Anne-Marie O'Neil") && !m(latin, "Ånne"));
        assert!(m(latin, &"a".repeat(200)) && !m(latin, &"a".repeat(201)));
        let time = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";
        assert!(m(time, "2025-01-01T00:00:00Z") && m(time, "2025-01-01T00:00:00.5+02:00"));
        assert!(!m(time, "2025-01-01T00:00:00") && !m(time, "2025-01-01 00:00:00Z"));
        let digest = "^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$";
        assert!(m(digest, "sha256-ab+/==") && !m(digest, "sha256-ab===") && !m(digest, "sha1-ab"));
    }

    #[test]
    fn search_is_unanchored_unless_anchored() {
        assert!(m("b+", "aabbc") && !m("^b+", "aabbc") && m("c$", "abc") && !m("b$", "abc"));
        assert!(m("", "") && m("a|", "zzz") && m("(?:ab)*c", "xxababc"));
        assert!(m("\\d\\w\\s.", "1a 9") && !m("^.$", "\n") && m("[^a-c]", "abcd"));
        assert!(m("^a{2,}$", "aaaa") && !m("^a{2,}$", "a") && m("^\\u00e9$", "é"));
    }

    #[test]
    fn unsupported_syntax_is_refused() {
        for p in [
            "(?=a)", "(?<n>a)", "\\1", "\\bword", "a**", "[z-a]", "(a", "a)", "*", "a{5,2}",
            "a{1001}", "\\", "[a", "\\q",
        ] {
            assert!(Pattern::new(p).is_err(), "{p}");
        }
    }

    #[test]
    fn matching_time_is_linear() {
        // Catastrophic for a backtracking engine: (a*)*b against a long run of a's.
        let p = Pattern::new("^(a*)*b$").unwrap();
        assert!(!p.is_match(&"a".repeat(20_000)));
        let p = Pattern::new("^(a|aa)+$").unwrap();
        assert!(p.is_match(&"a".repeat(20_000)));
    }
}
