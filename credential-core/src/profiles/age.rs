//! Age claims (`ageOver18`, `ageOver65`): whether the holder had reached an age when the
//! credential was issued, computed by the issuer from a birth date that may be partial, so that a
//! holder can prove an age without showing the birth date (the role of ISO/IEC 18013-5's
//! `age_over_NN` data elements).
//!
//! The rules ([`age_over`]):
//! - a partial birth date (`YYYY`, `YYYY-MM`) stands for every day it may be: the claim is `true`
//!   only if even the latest of them gives the age, `false` only if even the earliest does not,
//!   and absent otherwise (the date straddles the birthday);
//! - no claim when `birthDateCertainty` is `unknown` (there is no birth date);
//! - the issuance instant is a different calendar day in different places (UTC−12:00 to
//!   UTC+14:00), and the core does not know where the credential is issued or shown: `true`
//!   needs the age reached on the earliest of those days, `false` needs it not reached on the
//!   latest, so a claim made on the birthday itself is left out rather than wrong somewhere;
//! - a person born on 29 February reaches an age on 1 March of a common year (as, for example,
//!   Maryland's General Provisions §1-303(b) states it); some jurisdictions and institutions
//!   count 28 February instead, so on 28 February of a common year the claim is left out too
//!   (never `true` before 1 March, never `false` from 28 February).
//!
//! A `false` claim states the age at issuance: it may have become untrue since, which is why a
//! verifier checks for `true` and never reads `false` as "under that age now".

use crate::error::{Error, Result};
use crate::model::datetime::{civil_from_days, days_in_month, is_leap};
use crate::model::Timestamp;
use serde_json::{Map, Value};

/// Seconds from UTC to the westernmost offset in use (UTC−12:00).
const WEST: i64 = 12 * 3600;
/// Seconds from UTC to the easternmost offset in use (UTC+14:00).
const EAST: i64 = 14 * 3600;

/// A calendar day (proleptic Gregorian), compared as (year, month, day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day {
    year: i64,
    month: i64,
    day: i64,
}

impl Day {
    /// The UTC calendar day of `seconds` since 1970-01-01T00:00:00Z.
    fn at(seconds: i64) -> Day {
        let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
        Day { year, month, day }
    }
}

/// A birth date as registered, as the range of days it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BirthDate {
    earliest: Day,
    latest: Day,
}

impl BirthDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else, a day the month does not have
    /// included (the profile schema refuses the other shapes).
    fn parse(s: &str) -> Option<BirthDate> {
        let number = |part: &str, len: usize| -> Option<i64> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let mut parts = s.split('-');
        let year = number(parts.next()?, 4)?;
        let mut next = || -> Option<Option<i64>> {
            match parts.next() {
                Some(part) => Some(Some(number(part, 2)?)),
                None => Some(None),
            }
        };
        let month = next()?;
        let day = next()?;
        if parts.next().is_some() {
            return None;
        }
        let day_of = |month: i64, day: i64| Day { year, month, day };
        match (month, day) {
            (None, _) => Some(BirthDate {
                earliest: day_of(1, 1),
                latest: day_of(12, 31),
            }),
            (Some(m), None) if (1..=12).contains(&m) => Some(BirthDate {
                earliest: day_of(m, 1),
                latest: day_of(m, days_in_month(year, m)),
            }),
            (Some(m), Some(d))
                if (1..=12).contains(&m) && (1..=days_in_month(year, m)).contains(&d) =>
            {
                Some(BirthDate {
                    earliest: day_of(m, d),
                    latest: day_of(m, d),
                })
            }
            _ => None,
        }
    }
}

/// Completed years on `on` of a person born on `born`. `leap_day_on_28_february` chooses the
/// anniversary of a 29 February birth in a common year: 28 February, or (comparing (month, day)
/// as they are) 1 March.
fn age(born: Day, on: Day, leap_day_on_28_february: bool) -> i64 {
    let anniversary =
        if leap_day_on_28_february && (born.month, born.day) == (2, 29) && !is_leap(on.year) {
            (2, 28)
        } else {
            (born.month, born.day)
        };
    let before_anniversary = (on.month, on.day) < anniversary;
    on.year - born.year - i64::from(before_anniversary)
}

/// Whether the holder was at least `years` old at `at`, from `birth_date` (`YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`) and `certainty` (`birthDateCertainty`): `Some(true)` or `Some(false)` when every
/// day the birth date may be, and every calendar day `at` may be, give the same answer; `None`
/// when they do not, when the certainty is `unknown` (or not one of the profile's values) or the
/// date does not parse. See the module documentation for the rules.
pub fn age_over(birth_date: &str, certainty: &str, years: u32, at: Timestamp) -> Option<bool> {
    if !matches!(certainty, "certain" | "approximate" | "declared") {
        return None;
    }
    let born = BirthDate::parse(birth_date)?;
    let years = i64::from(years);
    let earliest_today = Day::at(at.0.checked_sub(WEST)?);
    let latest_today = Day::at(at.0.checked_add(EAST)?);
    if age(born.latest, earliest_today, false) >= years {
        Some(true)
    } else if age(born.earliest, latest_today, true) < years {
        Some(false)
    } else {
        None
    }
}

/// The age claims a profile's issuer adds (`ageClaims` in `profile.json`): the ages, and the
/// context defining their terms, listed after the profile's own when a credential carries one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgeClaims {
    context: String,
    years: Vec<u32>,
}

impl AgeClaims {
    /// Reads `{"context": URL, "years": [18, 65]}`.
    pub(super) fn parse(v: &Value) -> Option<AgeClaims> {
        let years = v
            .get("years")?
            .as_array()?
            .iter()
            .map(|y| u32::try_from(y.as_u64()?).ok())
            .collect::<Option<Vec<u32>>>()?;
        Some(AgeClaims {
            context: v.get("context")?.as_str()?.to_owned(),
            years,
        })
    }

    /// URL of the context defining the age terms.
    pub fn context_url(&self) -> &str {
        &self.context
    }

    /// The ages, each claimed as `ageOver<years>`.
    pub fn years(&self) -> &[u32] {
        &self.years
    }

    /// The claim name for `years` (`ageOver18`).
    pub fn term(years: u32) -> String {
        format!("ageOver{years}")
    }

    /// The claims the birth date in `subject` determines at `at` (none without a birth date).
    pub fn compute(&self, subject: &Map<String, Value>, at: Timestamp) -> Vec<(String, bool)> {
        let text = |key: &str| subject.get(key).and_then(Value::as_str);
        let (Some(birth_date), Some(certainty)) = (text("birthDate"), text("birthDateCertainty"))
        else {
            return Vec::new();
        };
        self.years
            .iter()
            .filter_map(|&y| Some((Self::term(y), age_over(birth_date, certainty, y, at)?)))
            .collect()
    }

    /// Whether `subject` has any of these age claims (so its credential needs the age context).
    pub fn present_in(&self, subject: &Map<String, Value>) -> bool {
        self.years
            .iter()
            .any(|&y| subject.contains_key(&Self::term(y)))
    }

    /// Adds the claims computed at `at` that `subject` does not state; returns whether `subject`
    /// now has any age claim.
    pub(crate) fn add_to(&self, subject: &mut Map<String, Value>, at: Timestamp) -> bool {
        for (term, value) in self.compute(subject, at) {
            subject.entry(term).or_insert(Value::Bool(value));
        }
        self.present_in(subject)
    }

    /// Refuses (`invalid_credential_subject`) an age claim in `subject` that is not the one the
    /// birth date gives at `at`: the issuer computes them, a record may only repeat them.
    pub(crate) fn check(&self, subject: &Map<String, Value>, at: Timestamp) -> Result<()> {
        let computed = self.compute(subject, at);
        for &y in &self.years {
            let term = Self::term(y);
            let Some(stated) = subject.get(&term) else {
                continue;
            };
            let expected = computed.iter().find(|(t, _)| *t == term).map(|(_, v)| *v);
            if Some(stated) != expected.map(Value::Bool).as_ref() {
                let given = match expected {
                    Some(v) => v.to_string(),
                    None => "no answer".to_owned(),
                };
                return Err(Error::InvalidCredentialSubject(format!(
                    "{term} is computed by the issuer from birthDate and birthDateCertainty \
                     ({given} at issuance), and the record states {stated}"
                )));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    /// (birth date, certainty, years, issuance time, expected claim).
    const CASES: &[(&str, &str, u32, &str, Option<bool>)] = &[
        // Full dates, well away from the birthday.
        (
            "2000-05-10",
            "certain",
            18,
            "2026-01-01T12:00:00Z",
            Some(true),
        ),
        (
            "2010-05-10",
            "certain",
            18,
            "2026-01-01T12:00:00Z",
            Some(false),
        ),
        (
            "1960-01-01",
            "certain",
            65,
            "2026-01-01T12:00:00Z",
            Some(true),
        ),
        (
            "1961-06-30",
            "declared",
            65,
            "2026-01-01T12:00:00Z",
            Some(false),
        ),
        // The 18th birthday is 2026-05-10. It begins somewhere (UTC+14:00) at 10:00 UTC the day
        // before and has begun everywhere (UTC-12:00) at 12:00 UTC on the day: in between, the
        // answer depends on where one stands, so there is none.
        (
            "2008-05-10",
            "certain",
            18,
            "2026-05-08T12:00:00Z",
            Some(false),
        ),
        (
            "2008-05-10",
            "certain",
            18,
            "2026-05-09T09:59:59Z",
            Some(false),
        ),
        ("2008-05-10", "certain", 18, "2026-05-09T10:00:00Z", None),
        ("2008-05-10", "certain", 18, "2026-05-10T06:00:00Z", None),
        ("2008-05-10", "certain", 18, "2026-05-10T11:59:59Z", None),
        (
            "2008-05-10",
            "certain",
            18,
            "2026-05-10T12:00:00Z",
            Some(true),
        ),
        ("2008-05-11", "certain", 18, "2026-05-10T12:00:00Z", None),
        // Year only: under 18 for sure until the first day of 2026 begins somewhere, 18 for
        // sure once the last day of 2026 has begun everywhere; in between it straddles.
        (
            "2008",
            "approximate",
            18,
            "2025-12-30T12:00:00Z",
            Some(false),
        ),
        (
            "2008",
            "approximate",
            18,
            "2025-12-31T09:59:59Z",
            Some(false),
        ),
        ("2008", "approximate", 18, "2025-12-31T10:00:00Z", None),
        ("2008", "approximate", 18, "2026-07-01T12:00:00Z", None),
        ("2008", "approximate", 18, "2026-12-31T11:59:59Z", None),
        (
            "2008",
            "approximate",
            18,
            "2026-12-31T12:00:00Z",
            Some(true),
        ),
        ("1985", "declared", 18, "2026-07-01T12:00:00Z", Some(true)),
        ("1985", "declared", 65, "2026-07-01T12:00:00Z", Some(false)),
        // Year and month: February of the leap year 2008 may be the 29th, whose 18th birthday
        // (2026 is a common year) is 1 March.
        (
            "2008-02",
            "approximate",
            18,
            "2026-01-30T12:00:00Z",
            Some(false),
        ),
        ("2008-02", "approximate", 18, "2026-02-15T12:00:00Z", None),
        ("2008-02", "approximate", 18, "2026-02-28T12:00:00Z", None),
        ("2008-02", "approximate", 18, "2026-03-01T11:59:59Z", None),
        (
            "2008-02",
            "approximate",
            18,
            "2026-03-01T12:00:00Z",
            Some(true),
        ),
        (
            "2007-02",
            "approximate",
            18,
            "2025-02-28T12:00:00Z",
            Some(true),
        ),
        (
            "2008-03",
            "approximate",
            18,
            "2026-02-27T12:00:00Z",
            Some(false),
        ),
        ("2008-03", "approximate", 18, "2026-03-31T11:59:59Z", None),
        (
            "2008-03",
            "approximate",
            18,
            "2026-04-01T12:00:00Z",
            Some(true),
        ),
        // Born 29 February 2008; 2026 is a common year. True from 1 March (not on 28 February
        // anywhere); and where a day-later birth (1 March) is still plainly under 18, a 29
        // February one is not said to be, since some count its birthday on 28 February.
        (
            "2008-02-29",
            "certain",
            18,
            "2026-02-27T09:00:00Z",
            Some(false),
        ),
        (
            "2008-03-01",
            "certain",
            18,
            "2026-02-28T09:00:00Z",
            Some(false),
        ),
        ("2008-02-29", "certain", 18, "2026-02-28T09:00:00Z", None),
        ("2008-02-29", "certain", 18, "2026-02-28T12:00:00Z", None),
        (
            "2008-02-28",
            "certain",
            18,
            "2026-02-28T12:00:00Z",
            Some(true),
        ),
        ("2008-02-29", "certain", 18, "2026-03-01T11:59:59Z", None),
        (
            "2008-02-29",
            "certain",
            18,
            "2026-03-01T12:00:00Z",
            Some(true),
        ),
        // In a leap year (2028, the 20th birthday) the anniversary is 29 February itself.
        (
            "2008-02-29",
            "certain",
            20,
            "2028-02-28T09:00:00Z",
            Some(false),
        ),
        (
            "2008-02-29",
            "certain",
            20,
            "2028-02-29T12:00:00Z",
            Some(true),
        ),
        // No birth date, or a date that is not one: no claim.
        ("1990", "unknown", 18, "2026-01-01T12:00:00Z", None),
        ("1990", "guessed", 18, "2026-01-01T12:00:00Z", None),
        ("1990-02-30", "certain", 18, "2026-01-01T12:00:00Z", None),
        ("2001-02-29", "certain", 18, "2026-01-01T12:00:00Z", None),
        ("1990-13", "certain", 18, "2026-01-01T12:00:00Z", None),
        ("1990-1", "certain", 18, "2026-01-01T12:00:00Z", None),
        ("90", "certain", 18, "2026-01-01T12:00:00Z", None),
        ("1990-01-01-01", "certain", 18, "2026-01-01T12:00:00Z", None),
        ("+990", "certain", 18, "2026-01-01T12:00:00Z", None),
        ("", "certain", 18, "2026-01-01T12:00:00Z", None),
        // Born after issuance: under any age.
        (
            "2030-01-01",
            "certain",
            18,
            "2026-01-01T12:00:00Z",
            Some(false),
        ),
    ];

    #[test]
    fn age_over_table() {
        for &(birth, certainty, years, time, expected) in CASES {
            assert_eq!(
                age_over(birth, certainty, years, at(time)),
                expected,
                "{birth} ({certainty}) over {years} at {time}"
            );
        }
    }

    #[test]
    fn extreme_instants_do_not_overflow() {
        for t in [i64::MIN, i64::MIN + 1, -1, 0, i64::MAX - 1, i64::MAX] {
            // Whatever the answer, no panic.
            let _ = age_over("2000-01-01", "certain", 18, Timestamp(t));
        }
        assert_eq!(
            age_over("9999-12-31", "certain", 18, Timestamp(0)),
            Some(false)
        );
    }

    #[test]
    fn claims_are_added_unless_stated_and_checked() {
        let claims = AgeClaims {
            context: "https://w3id.org/laissez/age/v1".into(),
            years: vec![18, 65],
        };
        let now = at("2026-06-01T00:00:00Z");
        let mut subject =
            serde_json::json!({"birthDate": "1990-04", "birthDateCertainty": "approximate"});
        let subject = subject.as_object_mut().unwrap();
        assert!(claims.add_to(subject, now));
        assert_eq!(subject["ageOver18"], true);
        assert_eq!(subject["ageOver65"], false);
        claims.check(subject, now).unwrap();
        subject.insert("ageOver65".into(), Value::Bool(true));
        let err = claims.check(subject, now).unwrap_err();
        assert_eq!(err.code(), "invalid_credential_subject");

        let mut unknown = serde_json::json!({"birthDateCertainty": "unknown"});
        let unknown = unknown.as_object_mut().unwrap();
        assert!(!claims.add_to(unknown, now));
        assert!(!unknown.contains_key("ageOver18"));
        unknown.insert("ageOver18".into(), Value::Bool(true));
        assert_eq!(
            claims.check(unknown, now).unwrap_err().code(),
            "invalid_credential_subject"
        );
    }
}
