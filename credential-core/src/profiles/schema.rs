//! JSON Schema 2020-12 validation for credential profiles, offline and self-contained.
//!
//! Supports the assertion and applicator keywords a credential profile needs (JSON Schema
//! 2020-12 Core §10 and Validation §6): `type`, `enum`, `const`, `pattern`, `minLength`,
//! `maxLength`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `required`,
//! `properties`, `additionalProperties`, `prefixItems`, `items`, `contains`, `minItems`,
//! `maxItems`, `uniqueItems`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, and the
//! annotations (`$schema`, `$id`, `title`, `description`, `$comment`, `examples`, `default`).
//! Any other keyword (`$ref`, `format`, `patternProperties`, …) makes compilation fail: a
//! schema is either enforced completely or refused, never enforced in part.

use super::pattern::Pattern;
use super::SchemaViolation;
use serde_json::{Map, Value};

/// The only dialect accepted in `$schema`.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";
/// Most violations collected for one instance.
const MAX_VIOLATIONS: usize = 20;
/// Deepest schema nesting accepted.
const MAX_DEPTH: usize = 32;

/// A compiled schema.
#[derive(Debug)]
pub(crate) enum Schema {
    /// `true` (anything) or `false` (nothing).
    Bool(bool),
    /// Every rule must hold.
    Rules(Vec<Rule>),
}

#[derive(Debug)]
pub(crate) enum Rule {
    Type(Vec<String>),
    Enum(Vec<Value>),
    Const(Value),
    Pattern(Pattern),
    MinLength(u64),
    MaxLength(u64),
    Minimum(f64),
    Maximum(f64),
    ExclusiveMinimum(f64),
    ExclusiveMaximum(f64),
    Required(Vec<String>),
    Properties {
        named: Vec<(String, Schema)>,
        additional: Option<Box<Schema>>,
    },
    PrefixItems(Vec<Schema>),
    /// `items`, applied after the `prefixItems` (their number is kept here).
    Items {
        schema: Box<Schema>,
        after: usize,
    },
    Contains(Box<Schema>),
    MinItems(u64),
    MaxItems(u64),
    UniqueItems,
    AllOf(Vec<Schema>),
    AnyOf(Vec<Schema>),
    OneOf(Vec<Schema>),
    Not(Box<Schema>),
    If {
        condition: Box<Schema>,
        then: Option<Box<Schema>>,
        otherwise: Option<Box<Schema>>,
    },
}

impl Schema {
    /// Compiles a schema document.
    pub(crate) fn compile(doc: &Value) -> Result<Self, String> {
        if let Some(dialect) = doc.get("$schema") {
            if dialect != DIALECT {
                return Err(format!("$schema must be {DIALECT:?}"));
            }
        }
        compile(doc, "", 0)
    }

    /// Every violation (up to 20) of `instance`, with JSON pointers.
    pub(crate) fn violations(&self, instance: &Value) -> Vec<SchemaViolation> {
        let mut out = Vec::new();
        let mut pointer = String::new();
        self.check(instance, &mut pointer, &mut Some(&mut out));
        out
    }

    fn is_valid(&self, instance: &Value) -> bool {
        self.check(instance, &mut String::new(), &mut None)
    }

    /// Validates `v` at `pointer`; records violations into `out` when given (otherwise stops at
    /// the first). Returns whether it is valid.
    fn check(
        &self,
        v: &Value,
        pointer: &mut String,
        out: &mut Option<&mut Vec<SchemaViolation>>,
    ) -> bool {
        let rules = match self {
            Schema::Bool(true) => return true,
            Schema::Bool(false) => {
                report(out, pointer, format!("{} is not allowed here", show(v)));
                return false;
            }
            Schema::Rules(rules) => rules,
        };
        let mut valid = true;
        for rule in rules {
            if !valid && out.is_none() {
                return false;
            }
            if out.as_ref().is_some_and(|o| o.len() >= MAX_VIOLATIONS) {
                return false;
            }
            valid &= rule.check(v, pointer, out);
        }
        valid
    }
}

impl Rule {
    fn check(
        &self,
        v: &Value,
        pointer: &mut String,
        out: &mut Option<&mut Vec<SchemaViolation>>,
    ) -> bool {
        let mut fail = |message: String| {
            report(out, pointer, message);
            false
        };
        match self {
            Rule::Type(types) => {
                if types.iter().any(|t| has_type(v, t)) {
                    return true;
                }
                let want = if types.len() == 1 {
                    format!("{:?}", types[0])
                } else {
                    format!("any of {types:?}")
                };
                fail(format!("{} is not of type {want}", show(v)))
            }
            Rule::Enum(options) => {
                if options.iter().any(|o| json_equal(o, v)) {
                    return true;
                }
                fail(format!(
                    "{} is not one of {}",
                    show(v),
                    show(&Value::Array(options.clone()))
                ))
            }
            Rule::Const(c) => {
                if json_equal(c, v) {
                    return true;
                }
                fail(format!("{} was expected, found {}", show(c), show(v)))
            }
            Rule::Pattern(p) => match v.as_str() {
                Some(s) if !p.is_match(s) => {
                    fail(format!("{} does not match {:?}", show(v), p.as_str()))
                }
                _ => true,
            },
            Rule::MinLength(n) => match v.as_str() {
                Some(s) if (s.chars().count() as u64) < *n => fail(format!(
                    "{} is shorter than {n} character{}",
                    show(v),
                    plural(*n)
                )),
                _ => true,
            },
            Rule::MaxLength(n) => match v.as_str() {
                Some(s) if s.chars().count() as u64 > *n => fail(format!(
                    "{} is longer than {n} character{}",
                    show(v),
                    plural(*n)
                )),
                _ => true,
            },
            Rule::Minimum(n) => number_rule(v, |x| x >= *n, "less than the minimum of", *n, fail),
            Rule::Maximum(n) => {
                number_rule(v, |x| x <= *n, "greater than the maximum of", *n, fail)
            }
            Rule::ExclusiveMinimum(n) => number_rule(
                v,
                |x| x > *n,
                "less than or equal to the exclusive minimum of",
                *n,
                fail,
            ),
            Rule::ExclusiveMaximum(n) => number_rule(
                v,
                |x| x < *n,
                "greater than or equal to the exclusive maximum of",
                *n,
                fail,
            ),
            Rule::Required(names) => {
                let Some(o) = v.as_object() else {
                    return true;
                };
                let mut valid = true;
                for name in names.iter().filter(|n| !o.contains_key(n.as_str())) {
                    valid = false;
                    report(out, pointer, format!("{name:?} is a required property"));
                    if out.is_none() {
                        break;
                    }
                }
                valid
            }
            Rule::Properties { named, additional } => {
                let Some(o) = v.as_object() else {
                    return true;
                };
                check_properties(o, named, additional.as_deref(), pointer, out)
            }
            Rule::PrefixItems(schemas) => {
                let Some(items) = v.as_array() else {
                    return true;
                };
                let mut valid = true;
                for (i, (item, schema)) in items.iter().zip(schemas).enumerate() {
                    valid &= at(pointer, &i.to_string(), |p| schema.check(item, p, out));
                    if !valid && out.is_none() {
                        break;
                    }
                }
                valid
            }
            Rule::Items { schema, after } => {
                let Some(items) = v.as_array() else {
                    return true;
                };
                let mut valid = true;
                for (i, item) in items.iter().enumerate().skip(*after) {
                    valid &= at(pointer, &i.to_string(), |p| schema.check(item, p, out));
                    if !valid && out.is_none() {
                        break;
                    }
                }
                valid
            }
            Rule::Contains(schema) => match v.as_array() {
                Some(items) if !items.iter().any(|i| schema.is_valid(i)) => fail(format!(
                    "{} contains no item valid under the schema of `contains`",
                    show(v)
                )),
                _ => true,
            },
            Rule::MinItems(n) => match v.as_array() {
                Some(a) if (a.len() as u64) < *n => {
                    fail(format!("{} has fewer than {n} item{}", show(v), plural(*n)))
                }
                _ => true,
            },
            Rule::MaxItems(n) => match v.as_array() {
                Some(a) if a.len() as u64 > *n => {
                    fail(format!("{} has more than {n} item{}", show(v), plural(*n)))
                }
                _ => true,
            },
            Rule::UniqueItems => match v.as_array() {
                Some(a)
                    if a.iter()
                        .enumerate()
                        .any(|(i, x)| a[..i].iter().any(|y| json_equal(x, y))) =>
                {
                    fail(format!("{} has non-unique items", show(v)))
                }
                _ => true,
            },
            Rule::AllOf(schemas) => {
                let mut valid = true;
                for s in schemas {
                    valid &= s.check(v, pointer, out);
                    if !valid && out.is_none() {
                        break;
                    }
                }
                valid
            }
            Rule::AnyOf(schemas) => {
                if schemas.iter().any(|s| s.is_valid(v)) {
                    return true;
                }
                fail(format!(
                    "{} is not valid under any of the schemas of `anyOf`",
                    show(v)
                ))
            }
            Rule::OneOf(schemas) => match schemas.iter().filter(|s| s.is_valid(v)).count() {
                1 => true,
                0 => fail(format!(
                    "{} is not valid under any of the schemas of `oneOf`",
                    show(v)
                )),
                _ => fail(format!(
                    "{} is valid under more than one of the schemas of `oneOf`",
                    show(v)
                )),
            },
            Rule::Not(schema) => {
                if !schema.is_valid(v) {
                    return true;
                }
                fail(format!(
                    "{} must not be valid under the schema of `not`",
                    show(v)
                ))
            }
            Rule::If {
                condition,
                then,
                otherwise,
            } => {
                let branch = if condition.is_valid(v) {
                    then
                } else {
                    otherwise
                };
                branch.as_ref().is_none_or(|s| s.check(v, pointer, out))
            }
        }
    }
}

fn check_properties(
    o: &Map<String, Value>,
    named: &[(String, Schema)],
    additional: Option<&Schema>,
    pointer: &mut String,
    out: &mut Option<&mut Vec<SchemaViolation>>,
) -> bool {
    let mut valid = true;
    for (key, value) in o {
        let schema = match named.iter().find(|(n, _)| n == key) {
            Some((_, s)) => s,
            None => match additional {
                Some(Schema::Bool(false)) => {
                    valid = false;
                    report(
                        out,
                        pointer,
                        format!("additional properties are not allowed ({key:?} was unexpected)"),
                    );
                    if out.is_none() {
                        return false;
                    }
                    continue;
                }
                Some(s) => s,
                None => continue,
            },
        };
        valid &= at(pointer, key, |p| schema.check(value, p, out));
        if !valid && out.is_none() {
            return false;
        }
    }
    valid
}

fn number_rule(
    v: &Value,
    ok: impl Fn(f64) -> bool,
    what: &str,
    limit: f64,
    fail: impl FnOnce(String) -> bool,
) -> bool {
    match v.as_f64() {
        Some(x) if !ok(x) => fail(format!("{} is {what} {}", show(v), show_number(limit))),
        _ => true,
    }
}

/// Runs `f` with `segment` appended to the JSON pointer (RFC 6901 escaping).
fn at<T>(pointer: &mut String, segment: &str, f: impl FnOnce(&mut String) -> T) -> T {
    let len = pointer.len();
    pointer.push('/');
    pointer.push_str(&segment.replace('~', "~0").replace('/', "~1"));
    let r = f(pointer);
    pointer.truncate(len);
    r
}

fn report(out: &mut Option<&mut Vec<SchemaViolation>>, pointer: &str, message: String) {
    if let Some(out) = out {
        if out.len() < MAX_VIOLATIONS {
            out.push(SchemaViolation {
                pointer: pointer.to_owned(),
                message,
            });
        }
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A value for a message, shortened: reports must stay small and need not repeat a portrait.
fn show(v: &Value) -> String {
    const MAX: usize = 80;
    let text = v.to_string();
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// A limit as JSON writes it (`10`, `0.5`).
fn show_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        serde_json::Number::from_f64(n).map_or_else(|| "NaN".into(), |n| n.to_string())
    }
}

/// JSON Schema's `type` (2020-12 Validation §6.1.1; an integer is any number with a zero
/// fractional part).
fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => false,
    }
}

/// Equality as JSON Schema defines it (Core §4.2.2): numbers by value, objects regardless of
/// member order.
fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(x), Some(y)) => x == y,
                _ => x.as_f64() == y.as_f64(),
            },
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_equal(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, xv)| y.get(k).is_some_and(|yv| json_equal(xv, yv)))
        }
        _ => a == b,
    }
}

fn compile(doc: &Value, path: &str, depth: usize) -> Result<Schema, String> {
    if depth > MAX_DEPTH {
        return Err(format!("{path}: schema nested too deeply"));
    }
    let o = match doc {
        Value::Bool(b) => return Ok(Schema::Bool(*b)),
        Value::Object(o) => o,
        _ => return Err(format!("{path}: a schema must be an object or a boolean")),
    };
    let sub = |key: &str, v: &Value| compile(v, &format!("{path}/{key}"), depth + 1);
    let list = |key: &str, v: &Value| -> Result<Vec<Schema>, String> {
        let items = v
            .as_array()
            .ok_or_else(|| format!("{path}/{key}: must be an array of schemas"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, s)| compile(s, &format!("{path}/{key}/{i}"), depth + 1))
            .collect()
    };
    let count = |key: &str, v: &Value| {
        v.as_u64()
            .ok_or_else(|| format!("{path}/{key}: must be a non-negative integer"))
    };
    let number = |key: &str, v: &Value| {
        v.as_f64()
            .ok_or_else(|| format!("{path}/{key}: must be a number"))
    };

    let mut rules = Vec::new();
    let mut named = Vec::new();
    let mut additional = None;
    let mut has_properties = false;
    let mut prefix = 0;
    let mut items = None;
    for (key, v) in o {
        match key.as_str() {
            "$schema" | "$id" | "title" | "description" | "$comment" | "examples" | "default"
            | "deprecated" | "readOnly" | "writeOnly" => {}
            "type" => {
                let types: Vec<String> = match v {
                    Value::String(s) => vec![s.clone()],
                    Value::Array(a) => a
                        .iter()
                        .map(|t| t.as_str().map(str::to_owned))
                        .collect::<Option<_>>()
                        .ok_or_else(|| format!("{path}/type: must name types"))?,
                    _ => return Err(format!("{path}/type: must name types")),
                };
                const TYPES: &[&str] = &[
                    "null", "boolean", "object", "array", "string", "number", "integer",
                ];
                if let Some(t) = types.iter().find(|t| !TYPES.contains(&t.as_str())) {
                    return Err(format!("{path}/type: unknown type {t:?}"));
                }
                rules.push(Rule::Type(types));
            }
            "enum" => rules.push(Rule::Enum(
                v.as_array()
                    .ok_or_else(|| format!("{path}/enum: must be an array"))?
                    .clone(),
            )),
            "const" => rules.push(Rule::Const(v.clone())),
            "pattern" => {
                let source = v
                    .as_str()
                    .ok_or_else(|| format!("{path}/pattern: must be a string"))?;
                let p = Pattern::new(source)
                    .map_err(|e| format!("{path}/pattern {source:?}: {}", e.0))?;
                rules.push(Rule::Pattern(p));
            }
            "minLength" => rules.push(Rule::MinLength(count(key, v)?)),
            "maxLength" => rules.push(Rule::MaxLength(count(key, v)?)),
            "minItems" => rules.push(Rule::MinItems(count(key, v)?)),
            "maxItems" => rules.push(Rule::MaxItems(count(key, v)?)),
            "minimum" => rules.push(Rule::Minimum(number(key, v)?)),
            "maximum" => rules.push(Rule::Maximum(number(key, v)?)),
            "exclusiveMinimum" => rules.push(Rule::ExclusiveMinimum(number(key, v)?)),
            "exclusiveMaximum" => rules.push(Rule::ExclusiveMaximum(number(key, v)?)),
            "uniqueItems" => {
                if v.as_bool()
                    .ok_or_else(|| format!("{path}/uniqueItems: must be a boolean"))?
                {
                    rules.push(Rule::UniqueItems);
                }
            }
            "required" => rules.push(Rule::Required(
                v.as_array()
                    .and_then(|a| {
                        a.iter()
                            .map(|n| n.as_str().map(str::to_owned))
                            .collect::<Option<_>>()
                    })
                    .ok_or_else(|| format!("{path}/required: must be an array of strings"))?,
            )),
            "properties" => {
                has_properties = true;
                let props = v
                    .as_object()
                    .ok_or_else(|| format!("{path}/properties: must be an object"))?;
                for (name, s) in props {
                    named.push((name.clone(), sub(&format!("properties/{name}"), s)?));
                }
            }
            "additionalProperties" => {
                has_properties = true;
                additional = Some(Box::new(sub(key, v)?));
            }
            "prefixItems" => {
                let schemas = list(key, v)?;
                prefix = schemas.len();
                rules.push(Rule::PrefixItems(schemas));
            }
            "items" => items = Some(Box::new(sub(key, v)?)),
            "contains" => rules.push(Rule::Contains(Box::new(sub(key, v)?))),
            "allOf" => rules.push(Rule::AllOf(list(key, v)?)),
            "anyOf" => rules.push(Rule::AnyOf(list(key, v)?)),
            "oneOf" => rules.push(Rule::OneOf(list(key, v)?)),
            "not" => rules.push(Rule::Not(Box::new(sub(key, v)?))),
            "if" => {
                let branch = |k: &str| o.get(k).map(|s| sub(k, s).map(Box::new)).transpose();
                rules.push(Rule::If {
                    condition: Box::new(sub(key, v)?),
                    then: branch("then")?,
                    otherwise: branch("else")?,
                });
            }
            "then" | "else" => {
                if !o.contains_key("if") {
                    return Err(format!("{path}/{key}: without \"if\""));
                }
            }
            other => return Err(format!("{path}: the keyword {other:?} is not supported")),
        }
    }
    if has_properties {
        rules.push(Rule::Properties { named, additional });
    }
    if let Some(schema) = items {
        rules.push(Rule::Items {
            schema,
            after: prefix,
        });
    }
    Ok(Schema::Rules(rules))
}

/// Makes every claim of the credential subject optional, for a selectively disclosed credential:
/// under the schema's `properties/credentialSubject` (at any depth) it removes `required` and the
/// rules that relate one claim to another (`if`/`then`/`else`, `dependentRequired`,
/// `dependentSchemas`), keeping the credential's own required members. Each claim shown is still
/// checked against its own rules; the relations between claims were checked on the whole
/// credential by its issuer, before signing, and a partial document cannot be judged by them.
pub(crate) fn disclosed_claims_optional(schema: &mut Value) {
    const RELATIONS: [&str; 6] = [
        "required",
        "if",
        "then",
        "else",
        "dependentRequired",
        "dependentSchemas",
    ];
    /// `v` is a schema: drop its relations, then walk its subschemas (the values of
    /// `properties`-like maps are schemas; the maps themselves are not).
    fn strip(v: &mut Value) {
        match v {
            Value::Object(o) => {
                for k in RELATIONS {
                    o.remove(k);
                }
                for (k, sub) in o.iter_mut() {
                    match (k.as_str(), sub) {
                        ("properties" | "patternProperties" | "$defs", Value::Object(m)) => {
                            m.values_mut().for_each(strip)
                        }
                        (_, sub) => strip(sub),
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    if let Some(subject) = schema.pointer_mut("/properties/credentialSubject") {
        strip(subject);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors(schema: Value, instance: Value) -> Vec<String> {
        Schema::compile(&schema)
            .unwrap()
            .violations(&instance)
            .into_iter()
            .map(|v| v.to_string())
            .collect()
    }

    #[test]
    fn every_keyword_is_enforced() {
        let s = json!({
            "type": "object",
            "required": ["a", "b"],
            "additionalProperties": false,
            "properties": {
                "a": {"type": "string", "minLength": 2, "maxLength": 3, "pattern": "^x"},
                "b": {"type": "array", "prefixItems": [{"const": 1}], "items": {"type": "integer"},
                      "contains": {"const": 2}, "minItems": 2, "maxItems": 3, "uniqueItems": true},
                "c": {"enum": ["p", "q"]},
                "d": {"minimum": 0, "maximum": 10, "exclusiveMaximum": 10},
                "e": {"if": {"const": "x"}, "then": {"type": "string"}, "else": {"type": "integer"}},
                "f": {"anyOf": [{"type": "null"}, {"not": {"type": "string"}}]},
                "g": {"oneOf": [{"minimum": 0}, {"maximum": 5}]},
                "h": {"allOf": [{"type": "string"}, {"maxLength": 1}]}
            }
        });
        assert!(errors(
            s.clone(),
            json!({"a": "xy", "b": [1, 2.0], "c": "p", "d": 1, "e": 3, "f": 1, "g": 9, "h": "z"})
        )
        .is_empty());
        let got = errors(
            s,
            json!({"a": "y", "b": [2, 1.5, 3, 2], "c": "r", "d": 10, "e": 1.5, "f": "s", "g": 3, "h": "zz", "z": 0}),
        );
        let want = [
            "/a: \"y\" is shorter than 2 characters",
            "/a: \"y\" does not match \"^x\"",
            "/b: [2,1.5,3,2] has more than 3 items",
            "/b: [2,1.5,3,2] has non-unique items",
            "/b/0: 1 was expected, found 2",
            "/b/1: 1.5 is not of type \"integer\"",
            "/c: \"r\" is not one of [\"p\",\"q\"]",
            "/d: 10 is greater than or equal to the exclusive maximum of 10",
            "/e: 1.5 is not of type \"integer\"",
            "/f: \"s\" is not valid under any of the schemas of `anyOf`",
            "/g: 3 is valid under more than one of the schemas of `oneOf`",
            "/h: \"zz\" is longer than 1 character",
            "/: additional properties are not allowed (\"z\" was unexpected)",
        ];
        for w in want {
            assert!(got.iter().any(|g| g == w), "missing {w:?} in {got:#?}");
        }
        assert_eq!(got.len(), want.len(), "{got:#?}");
        assert_eq!(
            errors(json!({"required": ["a/b"]}), json!({})),
            ["/: \"a/b\" is a required property"]
        );
        assert_eq!(
            errors(json!({"properties": {"a/b": false}}), json!({"a/b": 1})),
            ["/a~1b: 1 is not allowed here"]
        );
    }

    #[test]
    fn unknown_keywords_and_dialects_are_refused() {
        for s in [
            json!({"$ref": "#/x"}),
            json!({"format": "date"}),
            json!({"properties": {"a": {"patternProperties": {}}}}),
            json!({"$schema": "http://json-schema.org/draft-07/schema#"}),
            json!({"type": "text"}),
            json!({"pattern": "(?=x)"}),
            json!({"then": {}}),
            json!(3),
        ] {
            assert!(Schema::compile(&s).is_err(), "{s}");
        }
    }

    #[test]
    fn numbers_compare_by_value_and_messages_are_short() {
        assert!(errors(json!({"const": 1}), json!(1.0)).is_empty());
        assert!(errors(json!({"enum": [{"a": [1]}]}), json!({"a": [1.0]})).is_empty());
        let long = "x".repeat(10_000);
        let e = errors(json!({"maxLength": 5}), json!(long));
        assert!(e[0].len() < 200, "{}", e[0]);
    }
}
