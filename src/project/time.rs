//! RFC 3339 timestamps for passages and notes, without a date library: formatting the current
//! UTC time and checking that a stored value has the right shape.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// An RFC 3339 timestamp such as `2026-11-25T17:36:26Z`, kept as text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

impl Timestamp {
    /// The current time in UTC, to the second.
    pub fn now() -> Self {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_unix(secs as i64)
    }

    /// Format seconds since the Unix epoch as UTC.
    pub fn from_unix(secs: i64) -> Self {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        Self(format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        ))
    }

    /// Does the text look like an RFC 3339 date-time (`YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`)?
    pub fn is_valid(&self) -> bool {
        let b = self.0.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b.get(r.clone())
                .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
        };
        let num = |r: std::ops::Range<usize>| -> u32 {
            std::str::from_utf8(b.get(r).unwrap_or_default())
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(99)
        };
        if b.len() < 20
            || !(digits(0..4) && digits(5..7) && digits(8..10))
            || !(digits(11..13) && digits(14..16) && digits(17..19))
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return false;
        }
        if !(1..=12).contains(&num(5..7))
            || !(1..=31).contains(&num(8..10))
            || num(11..13) > 23
            || num(14..16) > 59
            || num(17..19) > 60
        {
            return false;
        }
        let mut rest = &b[19..];
        if let Some(frac) = rest.strip_prefix(b".") {
            let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return false;
            }
            rest = &frac[n..];
        }
        match rest {
            [b'Z' | b'z'] => true,
            [b'+' | b'-', h1, h2, b':', m1, m2] => {
                [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit())
            }
            _ => false,
        }
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day); Howard Hinnant's algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(Timestamp::from_unix(0).0, "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp::from_unix(951_782_400).0, "2000-02-29T00:00:00Z");
        assert_eq!(
            Timestamp::from_unix(1_795_628_186).0,
            "2026-11-25T17:36:26Z"
        );
        assert!(Timestamp::now().is_valid());
    }

    #[test]
    fn validates_shape() {
        for ok in [
            "2026-11-25T17:36:26Z",
            "2026-11-25T17:36:26.123+02:00",
            "2026-01-01t00:00:00z",
        ] {
            assert!(Timestamp(ok.into()).is_valid(), "{ok}");
        }
        for bad in [
            "",
            "2026-11-25",
            "2026-13-25T17:36:26Z",
            "2026-11-25T17:36:26",
            "yesterday",
        ] {
            assert!(!Timestamp(bad.into()).is_valid(), "{bad}");
        }
    }
}
