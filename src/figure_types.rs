//! The values that describe a figure and that both the extractor ([`crate::figures`]) and the
//! project file ([`crate::project`]) use: the year it refers to and its kind (actual, target,
//! forecast). They live below both so that neither module imports the other for them.

use serde::{Deserialize, Serialize};

/// The year a figure refers to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Year {
    #[default]
    None,
    Point(i32),
    /// A range; either end may be open ("since 2018" is `Range(Some(2018), None)`).
    Range(Option<i32>, Option<i32>),
}

impl Year {
    /// One year to sort or plot by: the point, or the range's end (or start when open).
    pub fn key(self) -> Option<i32> {
        match self {
            Year::None => None,
            Year::Point(y) => Some(y),
            Year::Range(a, b) => b.or(a),
        }
    }

    pub fn is_none(self) -> bool {
        self == Year::None
    }
}

impl std::fmt::Display for Year {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Year::None => Ok(()),
            Year::Point(y) => write!(f, "{y}"),
            Year::Range(a, b) => {
                let part = |y: &Option<i32>| y.map_or(String::new(), |y| y.to_string());
                write!(f, "{}–{}", part(a), part(b))
            }
        }
    }
}

impl std::str::FromStr for Year {
    type Err = String;

    /// "", "2014", "2004-2009", "2018-" or "-2020" (en dashes too).
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(Year::None);
        }
        let parse = |p: &str| -> Result<Option<i32>, String> {
            let p = p.trim();
            if p.is_empty() {
                return Ok(None);
            }
            p.parse::<i32>()
                .map(Some)
                .map_err(|_| format!("“{p}” is not a year"))
        };
        match s.split_once(['-', '–']) {
            Some((a, b)) => {
                let (a, b) = (parse(a)?, parse(b)?);
                if a.is_none() && b.is_none() {
                    return Err("a range needs at least one year".into());
                }
                Ok(Year::Range(a, b))
            }
            None => Ok(Year::Point(parse(s)?.unwrap_or_default())),
        }
    }
}

/// JSON: `null`, `2009`, or `[2004, 2009]` with `null` for an open end.
impl Serialize for Year {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Year::None => s.serialize_none(),
            Year::Point(y) => s.serialize_i32(*y),
            Year::Range(a, b) => (a, b).serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Point(i32),
            Range(Option<i32>, Option<i32>),
        }
        Ok(match Option::<Raw>::deserialize(d)? {
            None => Year::None,
            Some(Raw::Point(y)) => Year::Point(y),
            Some(Raw::Range(a, b)) => Year::Range(a, b),
        })
    }
}

/// What a figure reports: a result, a goal, or a prediction.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Measured, reported, seized, sold, paid, appropriated, delivered, including estimates of
    /// past or present quantities.
    #[default]
    Actual,
    /// A goal, plan, pledge, quota, ceiling, limit, proposal or budget request.
    Target,
    /// A predicted future value nobody commits to.
    Forecast,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Actual, Kind::Target, Kind::Forecast];

    /// The name used in the JSONL and CSV output and the project file.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Actual => "actual",
            Kind::Target => "target",
            Kind::Forecast => "forecast",
        }
    }

    /// For `skip_serializing_if`, which passes a reference.
    pub fn is_actual(&self) -> bool {
        *self == Kind::Actual
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("“{}” is not a kind (actual, target or forecast)", s.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_serialize_as_the_scorer_reads_them() {
        let json = |y: Year| serde_json::to_string(&y).expect("json");
        assert_eq!(json(Year::None), "null");
        assert_eq!(json(Year::Point(2009)), "2009");
        assert_eq!(json(Year::Range(Some(2004), Some(2009))), "[2004,2009]");
        assert_eq!(json(Year::Range(Some(2018), None)), "[2018,null]");
        for y in [Year::None, Year::Point(2009), Year::Range(None, Some(2020))] {
            assert_eq!(serde_json::from_str::<Year>(&json(y)).expect("back"), y);
        }
        assert_eq!(
            "2004–2009".parse::<Year>(),
            Ok(Year::Range(Some(2004), Some(2009)))
        );
        assert_eq!("2018-".parse::<Year>(), Ok(Year::Range(Some(2018), None)));
        assert_eq!("".parse::<Year>(), Ok(Year::None));
        assert!("soon".parse::<Year>().is_err());
    }

    #[test]
    fn kinds_read_and_write_as_lower_case_words() {
        for k in Kind::ALL {
            let json = serde_json::to_string(&k).expect("json");
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(serde_json::from_str::<Kind>(&json).expect("back"), k);
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
        }
        assert_eq!(" Target ".parse::<Kind>(), Ok(Kind::Target));
        assert!("goal".parse::<Kind>().is_err());
        assert_eq!(Kind::default(), Kind::Actual);
    }
}
