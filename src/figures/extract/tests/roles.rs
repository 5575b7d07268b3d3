//! One test per named role rule ([`roles::ROLE_RULES`]): a sentence where that rule, and no
//! earlier one, decides what a number is.

use super::*;
use crate::figures::extract::roles::{ROLE_RULES, Role};

fn decided(text: &str, number: &str, rule: &str, role: Role) {
    assert_eq!(
        rule_for(text, number),
        (role, rule),
        "{number:?} in {text:?}"
    );
}

#[test]
fn leading_zero() {
    decided(
        "Agent 007 and code 0100 were named.",
        "007",
        "leading zero",
        Role::Skip,
    );
}

#[test]
fn letters_joined_after() {
    decided(
        "It was the 3rd attempt since the 1990s.",
        "3",
        "letters joined after",
        Role::Skip,
    );
    decided("Es el 1º intento.", "1", "letters joined after", Role::Skip);
    // A unit joined to the digits is not a reason to skip.
    assert_eq!(rule_for("They walked 5km.", "5"), (Role::Candidate, ""));
}

#[test]
fn section_sign() {
    decided("See § 107 of the code.", "107", "section sign", Role::Skip);
}

#[test]
fn joined_before() {
    decided("The Mi-17 landed.", "17", "joined before", Role::Skip);
    decided(
        "In FY2019 spending rose.",
        "2019",
        "joined before",
        Role::Year,
    );
    decided(
        "Gangs such as MS13 grew.",
        "13",
        "joined before",
        Role::Skip,
    );
    decided("Call #5 now.", "5", "joined before", Role::Skip);
}

#[test]
fn rate_denominator() {
    decided(
        "There were 24 killings per 100,000 people.",
        "100,000",
        "rate denominator",
        Role::Skip,
    );
    decided(
        "Hubo 22 homicidios por cada 100.000 habitantes.",
        "100.000",
        "rate denominator",
        Role::Skip,
    );
}

#[test]
fn citation() {
    decided("Others agree [12] on this.", "12", "citation", Role::Skip);
}

#[test]
fn clock_time() {
    decided(
        "They met at 10:30 on Monday.",
        "10",
        "clock time",
        Role::Skip,
    );
    decided(
        "The raid began at 3 pm sharp.",
        "3",
        "clock time",
        Role::Skip,
    );
}

#[test]
fn label() {
    decided("See page 12 of the report.", "12", "label", Role::Skip);
    decided("Resolution 1373 was adopted.", "1373", "label", Role::Skip);
    decided("La Ley 30077 entró en vigor.", "30077", "label", Role::Skip);
}

#[test]
fn day_of_month() {
    decided(
        "On February 23 the minister arrived.",
        "23",
        "day of month",
        Role::Skip,
    );
    decided(
        "El 16 de mayo llegó el ministro.",
        "16",
        "day of month",
        Role::Skip,
    );
}

#[test]
fn phone_number() {
    decided("Call 555-0199 for tips.", "555", "phone number", Role::Skip);
}

#[test]
fn year_span() {
    decided(
        "Spending rose in 2017-2021 overall.",
        "2017",
        "year span",
        Role::Year,
    );
    decided("The 2014/15 season ended.", "2014", "year span", Role::Year);
}

#[test]
fn slash_date() {
    decided(
        "El 16/05/2014 llegó el buque.",
        "16",
        "slash date",
        Role::Skip,
    );
    decided("Patrols run 24/7 there.", "24", "slash date", Role::Skip);
}

#[test]
fn next_to_a_number() {
    decided(
        "Codes 12 34 were used.",
        "12",
        "next to a number",
        Role::Skip,
    );
}

#[test]
fn list_numbering() {
    decided("1. Introduction", "1", "list numbering", Role::Skip);
}

#[test]
fn name_and_number() {
    decided(
        "Gangs such as Barrio 18 grew.",
        "18",
        "name and number",
        Role::Skip,
    );
    decided(
        "The Boeing 737 landed.",
        "737",
        "name and number",
        Role::Skip,
    );
}

#[test]
fn year() {
    decided("The 2016 elections are over.", "2016", "year", Role::Year);
    decided(
        "Troops killed 2000 people.",
        "2000",
        "year",
        Role::Candidate,
    );
    decided("They paid $2015 in fees.", "2015", "year", Role::Candidate);
}

#[test]
fn every_rule_has_a_test_above() {
    let names: Vec<&str> = ROLE_RULES.iter().map(|r| r.name).collect();
    assert_eq!(
        names,
        [
            "leading zero",
            "letters joined after",
            "section sign",
            "joined before",
            "rate denominator",
            "citation",
            "clock time",
            "label",
            "day of month",
            "phone number",
            "year span",
            "slash date",
            "next to a number",
            "list numbering",
            "name and number",
            "year",
        ],
        "a new rule needs a test of its own in this file"
    );
}
