//! What a number token is: a figure candidate, a year, or something to skip (a date, a label,
//! a model code, a footnote mark, a phone number). The decision is an ordered list of named
//! rules; the first that decides wins, and a number no rule decides is a candidate.

use super::*;

/// What a number token turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Candidate,
    Year,
    Skip,
}

/// Facts about the number token every rule looks at.
pub struct At<'s> {
    pub i: usize,
    pub s: &'s str,
    /// No white space between the token before and this one.
    pub joined_prev: bool,
    /// No white space between this token and the next.
    pub next_joined: bool,
    /// Where a label word would be ("page 5", "No. 12").
    pub label_at: usize,
    /// A plain number of at most two digits (a day of the month?).
    pub small_int: bool,
    /// A plausible year (four digits, 1900–2100).
    pub year: bool,
}

/// One rule: its name (used in tests and docs/figures.md) and what it decides.
pub struct RoleRule {
    pub name: &'static str,
    decide: fn(&Sentence<'_>, &At<'_>) -> Option<Role>,
}

/// The rules, in the order they are tried.
pub const ROLE_RULES: &[RoleRule] = &[
    RoleRule {
        name: "leading zero",
        decide: leading_zero,
    },
    RoleRule {
        name: "letters joined after",
        decide: letters_after,
    },
    RoleRule {
        name: "section sign",
        decide: section_sign,
    },
    RoleRule {
        name: "joined before",
        decide: joined_before,
    },
    RoleRule {
        name: "rate denominator",
        decide: rate_denominator,
    },
    RoleRule {
        name: "citation",
        decide: citation,
    },
    RoleRule {
        name: "clock time",
        decide: clock_time,
    },
    RoleRule {
        name: "label",
        decide: label,
    },
    RoleRule {
        name: "day of month",
        decide: day_of_month,
    },
    RoleRule {
        name: "phone number",
        decide: phone_number,
    },
    RoleRule {
        name: "year span",
        decide: year_span,
    },
    RoleRule {
        name: "slash date",
        decide: slash_date,
    },
    RoleRule {
        name: "next to a number",
        decide: next_to_number,
    },
    RoleRule {
        name: "list numbering",
        decide: list_numbering,
    },
    RoleRule {
        name: "name and number",
        decide: name_and_number,
    },
    RoleRule {
        name: "year",
        decide: year,
    },
];

impl<'a> Sentence<'a> {
    /// Decide what the number token `i` is, and which rule decided ("" for none).
    pub(super) fn role_with_rule(&self, i: usize) -> (Role, &'static str) {
        let Some(t) = self.toks.get(i).filter(|t| t.kind == TokKind::Number) else {
            return (Role::Skip, "");
        };
        let s = t.text(self.text);
        let label_at = if self.punct(i.wrapping_sub(1)) == Some(".") {
            i.wrapping_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        let at = At {
            i,
            s,
            joined_prev: i > 0 && !t.space_before,
            next_joined: self.tok(i + 1).is_some_and(|n| !n.space_before),
            label_at,
            small_int: s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()),
            year: year_value(t, self.text).is_some(),
        };
        for rule in ROLE_RULES {
            if let Some(role) = (rule.decide)(self, &at) {
                return (role, rule.name);
            }
        }
        (Role::Candidate, "")
    }

    pub(super) fn role(&self, i: usize) -> Role {
        self.role_with_rule(i).0
    }
}

/// Codes with a leading zero: "007", "0100" (not "0.5").
fn leading_zero(_: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let s = at.s;
    (s.len() > 1 && s.starts_with('0') && !s.starts_with("0.") && !s.starts_with("0,"))
        .then_some(Role::Skip)
}

/// Letters right after the digits: an ordinal ("3rd", "1º"), a decade ("1990s") or a model
/// code ("5G") are skipped; a unit or scale ("5km", "$5bn") is not.
fn letters_after(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    if !at.next_joined {
        return None;
    }
    let w = s.word(at.i + 1)?;
    if s.in_set(at.i + 1, Set::OrdinalSuffix) {
        return Some(Role::Skip);
    }
    let unit = s
        .e(at.i + 1)
        .is_some_and(|e| e.unit.is_some() || e.scale.is_some())
        || s.lang.money_scale(w).is_some() && s.money_before(at.i).is_some();
    (!unit).then_some(Role::Skip)
}

/// "§ 107", "¶ 12": section and paragraph numbers.
fn section_sign(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    matches!(s.punct(at.i.wrapping_sub(1)), Some("§" | "¶")).then_some(Role::Skip)
}

/// Letters or marks right before: "MS13" and "v2" are codes, "FY2019" and "mid-2012" years;
/// "Mi-17", "#5", "+1 202", footnote marks ("land.1") and times ("10:30") are skipped.
fn joined_before(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    if !at.joined_prev {
        return None;
    }
    if let Some(w) = s.word(i - 1) {
        return Some(if s.in_set(i - 1, Set::Fiscal) && w.len() == 2 && at.year {
            Role::Year
        } else {
            Role::Skip
        });
    }
    let p = s.punct(i - 1).unwrap_or("");
    if s.is_dash(i - 1) && s.joined(i - 1) && s.word(i.wrapping_sub(2)).is_some() {
        let mid = s.is_word(i.wrapping_sub(2), &["mid"]);
        return Some(if mid && at.year {
            Role::Year
        } else {
            Role::Skip
        });
    }
    if matches!(p, "#" | "+" | "№") {
        return Some(Role::Skip);
    }
    let footnote = matches!(p, "." | "," | "”" | "\"" | ")" | "’" | ";")
        && s.joined(i - 1)
        && s.tok(i.wrapping_sub(2))
            .is_some_and(|t| t.kind == TokKind::Word);
    let time = p == ":" && s.num_text(i.wrapping_sub(2)).is_some() && s.joined(i - 1);
    (footnote || time).then_some(Role::Skip)
}

/// The denominator of a rate: "per 100,000 inhabitants", "por cada 100.000 habitantes".
fn rate_denominator(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    let per = s.is_word(i.wrapping_sub(1), &["per"])
        || s.is_word(i.wrapping_sub(1), &["cada"]) && s.is_word(i.wrapping_sub(2), &["por"]);
    per.then_some(Role::Skip)
}

/// Citations: "[12]".
fn citation(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    (at.i > 0 && s.punct(at.i - 1) == Some("[") && s.punct(at.i + 1) == Some("]"))
        .then_some(Role::Skip)
}

/// Clock times: "10:30", "3 pm", "14 GMT".
fn clock_time(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    let colon = s.punct(i + 1) == Some(":") && at.next_joined && s.num_text(i + 2).is_some();
    let zone = s.is_word(i + 1, &["am", "pm", "a.m", "p.m", "GMT", "UTC", "hrs"]);
    (colon || zone).then_some(Role::Skip)
}

/// Labels: "page 5", "No. 12", "Resolution 1373", "Ley 30077". A decimal after a label is a
/// section number unless a unit follows; a whole number may still count a plural noun ("last
/// week 30 people"), unless the word after is a verb taking a clause ("Article 3 states that").
fn label(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    if !s.in_set(at.label_at, Set::Label) {
        return None;
    }
    let verb_next = s.is_word(
        i + 2,
        &[
            "that", "the", "a", "an", "how", "what", "whether", "which", "its", "their",
        ],
    );
    let quantity = if at.s.contains('.') {
        s.has_measure_after(i)
    } else {
        s.has_measure_after(i) || s.plural_after(i) && !verb_next
    };
    (!quantity).then_some(Role::Skip)
}

/// Days of the month: "February 23", "23 February", "Feb. 23", "March 23-25", "16 de mayo".
fn day_of_month(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    if !at.small_int {
        return None;
    }
    let month = |k: usize| s.month(k).is_some();
    let month_before = month(at.label_at);
    let month_after = month(i + 1) || s.in_set(i + 1, Set::Of) && month(i + 2);
    let range_end = i >= 2
        && s.is_dash(i - 1)
        && s.num_text(i - 2).is_some_and(|p| p.len() <= 2)
        && month(i.wrapping_sub(3));
    let weekday = s.in_set(i.wrapping_sub(1), Set::Weekday);
    (month_before || month_after || range_end || weekday).then_some(Role::Skip)
}

/// Phone-like groups: "555-0199".
fn phone_number(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    (s.is_dash(i + 1)
        && at.next_joined
        && s.num_text(i + 2)
            .is_some_and(|n| n.starts_with('0') && n.len() > 1))
    .then_some(Role::Skip)
}

/// "2017-2021", "2010–2015", "2014/15": a span of years.
fn year_span(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    if !at.year {
        return None;
    }
    let partner = |k: usize| s.tok(k).is_some_and(|p| year_value(p, s.text).is_some());
    let sep = |k: usize| s.is_dash(k) || s.punct(k) == Some("/");
    let short_end = s.num_text(i + 2).is_some_and(|n| n.len() == 2) && s.punct(i + 1) == Some("/");
    ((at.joined_prev && sep(i - 1) && partner(i.wrapping_sub(2)))
        || (at.next_joined && sep(i + 1) && (partner(i + 2) || short_end)))
        .then_some(Role::Year)
}

/// "16/05/2014", "24/7", "1/2": numbers joined by a slash are dates or codes, not figures.
fn slash_date(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    let after = at.next_joined
        && s.punct(i + 1) == Some("/")
        && s.joined(i + 2)
        && s.num_text(i + 2).is_some();
    let before = at.joined_prev
        && s.punct(i.wrapping_sub(1)) == Some("/")
        && s.joined(i - 1)
        && s.num_text(i.wrapping_sub(2)).is_some();
    (after || before).then_some(Role::Skip)
}

/// A number right next to another ("12 34"): a code or a table row, not a figure.
fn next_to_number(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    (s.num_text(i + 1).is_some() || (i > 0 && s.num_text(i - 1).is_some())).then_some(Role::Skip)
}

/// List numbering ("1. Introduction", "2) Background") or a number standing alone.
fn list_numbering(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    if i > s.first_content {
        return None;
    }
    let ends_alone = i >= s.last_content;
    let numbering = matches!(s.punct(i + 1), Some("." | ")"))
        && s.tok(i + 2).is_some_and(|t| t.kind == TokKind::Word);
    (ends_alone || numbering).then_some(Role::Skip)
}

/// A name and a number: "Barrio 18", "Boeing 737" (a quantity only when a unit follows).
fn name_and_number(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    let t = s.tok(i)?;
    if i <= 1 || !t.space_before || at.year {
        return None;
    }
    let w = s.word(i - 1)?;
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let is_lead = s.in_set(i - 1, Set::QuantityLead)
        || s.month(i - 1).is_some()
        || w.ends_with("'s")
        || w.ends_with("’s")
        || s.lex.code(w).is_some()
        || s.lex.symbol(w).is_some()
        || matches!(w, "US" | "U.S");
    // "sold Peru 24 helicopters", "vendió a Nicaragua 50 tanques": after a verb or a
    // preposition, a plural in lower case right after the number is what it counts, and the
    // name before it is the receiver ("the Boeing 737 jets", "Chapter 5 covers" stay names).
    let after_verb = s.word(i - 2).is_some_and(|v| {
        v.chars().next().is_some_and(char::is_lowercase)
            && !s.in_set(i - 2, Set::ContextDeterminer)
            && (!s.in_set(i - 2, Set::Determiner) || v == "a" && s.lang.code != "en")
    });
    let counts_plural = after_verb
        && s.word(i + 1).is_some_and(|n| {
            n.chars().next().is_some_and(char::is_lowercase)
                && !s.in_set(i + 1, Set::PhraseBreak)
                && s.lang.singular(n).is_some()
        });
    (capital
        && !is_lead
        && !s.headline
        && numbers::small_or_plain(at.s)
        && !s.has_measure_after(i)
        && !counts_plural)
        .then_some(Role::Skip)
}

/// A plausible year is a year unless money or a unit goes with it ("$2015", "2015 tons"), or
/// it counts a plural after a verb or qualifier ("killed 2000 people"; "the 2016 elections" and
/// "Strategy 2021 allocates" are years).
fn year(s: &Sentence<'_>, at: &At<'_>) -> Option<Role> {
    let i = at.i;
    if !at.year {
        return None;
    }
    let money = s.money_before(i).is_some();
    let measured = s.has_measure_after(i);
    let counted = s.plural_after(i)
        && s.e(i.wrapping_sub(1))
            .is_some_and(|e| e.is(Set::QuantityLead) && !e.is(Set::YearLead));
    Some(if money || measured || counted {
        Role::Candidate
    } else {
        Role::Year
    })
}
