//! XML Schema `dateTimeStamp` / `dateTime` parsing, to seconds since the Unix epoch (UTC).
//! No clock: callers pass `now`.

use crate::error::{Error, Result};

/// A point in time, seconds since 1970-01-01T00:00:00Z (fractional seconds truncated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Parses an XML Schema `dateTimeStamp`: `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)`. The time zone
    /// is required (VC 2.0 §4.9).
    pub fn parse(s: &str) -> Option<Timestamp> {
        parse(s, true)
    }

    /// Parses an XML Schema `dateTime` where the time zone may be absent (then UTC), as VC 1.1
    /// `issuanceDate` allowed.
    pub fn parse_lenient(s: &str) -> Option<Timestamp> {
        parse(s, false)
    }

    /// Parses a `dateTimeStamp`, or fails with `invalid_date` naming `property`.
    pub fn parse_property(property: &str, value: &str) -> Result<Timestamp> {
        Timestamp::parse(value).ok_or_else(|| Error::InvalidDate {
            property: property.to_owned(),
            value: value.to_owned(),
        })
    }

    /// Formats as `YYYY-MM-DDThh:mm:ssZ`.
    pub fn to_rfc3339(self) -> String {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        // The WASM verifier formats a few stamps per verification: there the smaller code wins.
        if cfg!(target_arch = "wasm32") || !(0..=9999).contains(&y) {
            return format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            );
        }
        // Four-digit years (all but hostile input): the digits written in place, as a
        // verification formats several times.
        let mut text = *b"0000-00-00T00:00:00Z";
        let fields = [
            (0, 4, y),
            (5, 2, m),
            (8, 2, d),
            (11, 2, secs / 3600),
            (14, 2, secs / 60 % 60),
            (17, 2, secs % 60),
        ];
        for (at, width, mut value) in fields {
            for digit in text[at..at + width].iter_mut().rev() {
                *digit = b'0' + (value % 10) as u8;
                value /= 10;
            }
        }
        text.iter().map(|b| char::from(*b)).collect()
    }
}

fn digits(s: &[u8], n: usize) -> Option<i64> {
    if s.len() < n || !s[..n].iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s[..n].iter().fold(0, |a, d| a * 10 + i64::from(d - b'0')))
}

fn parse(s: &str, require_tz: bool) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() < 19 || b.len() > 40 {
        return None;
    }
    let year = digits(b, 4)?;
    if b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let month = digits(&b[5..], 2)?;
    let day = digits(&b[8..], 2)?;
    let hour = digits(&b[11..], 2)?;
    let minute = digits(&b[14..], 2)?;
    let second = digits(&b[17..], 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let end_of_day = hour == 24 && minute == 0 && second == 0;
    if (hour > 23 && !end_of_day) || minute > 59 || second > 59 {
        return None;
    }
    let mut rest = &b[19..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &rest[1 + n..];
    }
    let offset = match rest {
        [] if !require_tz => 0,
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = digits(&[*h1, *h2], 2)?;
            let m = digits(&[*m1, *m2], 2)?;
            if h > 14 || m > 59 || (h == 14 && m != 0) {
                return None;
            }
            let off = h * 3600 + m * 60;
            if *sign == b'+' {
                off
            } else {
                -off
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(Timestamp(
        days * 86_400 + hour * 3600 + minute * 60 + second - offset,
    ))
}

/// Whether `y` is a leap year of the proleptic Gregorian calendar.
pub(crate) fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The number of days of month `m` (1-12) of year `y`.
pub(crate) fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian (year, month, day) of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let t = Timestamp::parse("2023-02-24T23:36:38Z").unwrap();
        assert_eq!(t.0, 1_677_281_798);
        assert_eq!(t.to_rfc3339(), "2023-02-24T23:36:38Z");
        assert_eq!(
            Timestamp::parse("2023-02-25T01:36:38.123+02:00").unwrap(),
            t
        );
        assert_eq!(Timestamp::parse("1969-12-31T23:59:59Z").unwrap().0, -1);
        assert_eq!(
            Timestamp::parse("2000-02-29T00:00:00Z")
                .unwrap()
                .to_rfc3339(),
            "2000-02-29T00:00:00Z"
        );
    }

    /// Every second of years 0000 to 9999 formats as a stamp that parses back to it.
    #[test]
    fn formats_what_parses_back() {
        let first = Timestamp::parse("0000-01-01T00:00:00Z").unwrap().0;
        let last = Timestamp::parse("9999-12-31T23:59:59Z").unwrap().0;
        let step = (last - first) / 100_003;
        for t in (first..=last)
            .step_by(step as usize)
            .chain([first, last, 0, -1])
        {
            let text = Timestamp(t).to_rfc3339();
            assert_eq!(Timestamp::parse(&text), Some(Timestamp(t)), "{text}");
        }
        assert_eq!(Timestamp(last + 1).to_rfc3339(), "10000-01-01T00:00:00Z");
    }

    #[test]
    fn rejects_what_is_not_a_date_time_stamp() {
        for bad in [
            "2023-02-24",
            "2023-02-24T23:36:38",
            "2023-02-30T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-02-24T25:00:00Z",
            "2023-02-24 23:36:38Z",
            "2023-02-24T23:36:38+15:00",
            "2023-02-24T23:36:38.Z",
            "1900-02-29T00:00:00Z",
            "２０２３-02-24T23:36:38Z",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad}");
        }
        assert!(Timestamp::parse_lenient("2023-02-24T23:36:38").is_some());
    }
}
