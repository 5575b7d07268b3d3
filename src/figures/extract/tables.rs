//! Tables written as text: a caption or header that states the unit once ("Table 3. Aid to
//! Peru (in millions of U.S. dollars)", "Seizures ($ millions)", "(en miles de hectáreas)"), a
//! header row of years ("Account   FY2013   FY2014") and rows of numbers set apart by tabs or
//! runs of spaces. Each number of a row is a figure in the caption's unit and scale, dated by
//! the year of its column (or by a year that opens the row).
//!
//! A table lasts from its caption to the first line that is neither a row nor a header.

use super::*;
use crate::figures::lexicon::Money;
use crate::text::sentences::has_columns;

/// What a table's caption states: the scale its numbers are written in and their unit.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct TableUnit {
    scale: f64,
    unit: String,
}

/// A column of the header row: the year it names, and whether it holds percentages ("Var. %
/// 2021/2020": the change in 2021, in percent).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Column {
    year: Option<i32>,
    percent: bool,
}

/// The table being read, carried from sentence to sentence.
#[derive(Debug, Default)]
pub(super) struct Tables {
    unit: Option<TableUnit>,
    /// The header row's columns after the first, left to right.
    columns: Vec<Column>,
}

/// A cell of a row: its byte range in the text and its trimmed text.
fn cells(text: &str, range: &Range<usize>) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let line = &text[range.clone()];
    let mut start: Option<usize> = None;
    let mut spaces = 0;
    for (i, c) in line.char_indices() {
        if c == '\t' || c == ' ' {
            spaces += if c == '\t' { 2 } else { 1 };
            continue;
        }
        if spaces >= 2
            && let Some(s) = start.take()
        {
            let end = line[..i].trim_end().len();
            out.push((range.start + s..range.start + end, line[s..end].to_owned()));
        }
        if start.is_none() {
            start = Some(i);
        }
        spaces = 0;
    }
    if let Some(s) = start {
        let end = line.trim_end().len();
        out.push((range.start + s..range.start + end, line[s..end].to_owned()));
    }
    out
}

/// A cell that names a year: "2014", "FY2014", "FY 2014", "CY2014".
fn year_cell(cell: &str) -> Option<i32> {
    let t = cell
        .trim_start_matches("FY")
        .trim_start_matches("CY")
        .trim_start();
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// The column a header cell names: a year cell ("2019", "FY2014"), or words with a year in
/// them ("Var. % 2021/2020"); `None` for a number that is not a year (then the row is data).
fn header_column(cell: &str, decimal_comma: bool) -> Option<Column> {
    let percent = cell.contains('%');
    if let Some(y) = year_cell(cell) {
        return Some(Column {
            year: Some(y),
            percent,
        });
    }
    if table_number(cell, decimal_comma).is_some() {
        return None;
    }
    let year = cell
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find_map(year_cell);
    Some(Column { year, percent })
}

/// A number in a table cell, also with digit groups set apart by single spaces, as Spanish
/// and French statistics write them ("26 632", "1 234 567,5").
fn table_number(cell: &str, decimal_comma: bool) -> Option<f64> {
    if let Some(v) = parse_digits(cell, decimal_comma) {
        return Some(v);
    }
    let mut groups = cell.split(' ');
    let first = groups.next()?;
    let grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.clone().count() >= 1
        && groups.all(|g| {
            let digits = g.bytes().take_while(u8::is_ascii_digit).count();
            digits == 3 && (g.len() == 3 || g[3..].starts_with([',', '.']))
        });
    grouped
        .then(|| parse_digits(&cell.replace(' ', ""), decimal_comma))
        .flatten()
}

/// A cell that holds no number on purpose: "–", "-", "n/a", "..".
fn empty_cell(cell: &str) -> bool {
    matches!(
        cell,
        "-" | "–" | "—" | "n/a" | "N/A" | ".." | "..." | "n.d." | "s/d" | "*"
    )
}

impl Tables {
    /// The figures of the table row at `range`, or `None` when the sentence is not one (it
    /// is then read as prose). A caption or header row updates the table and gives no figures.
    pub(super) fn row(
        &mut self,
        text: &str,
        range: &Range<usize>,
        s: &Sentence<'_>,
    ) -> Option<Vec<Raw>> {
        if let Some(unit) = s.table_unit() {
            self.unit = Some(unit);
            self.columns.clear();
            return None;
        }
        let table = self.unit.clone()?;
        let line = &text[range.clone()];
        if line.contains('\n') || !has_columns(line) {
            *self = Self::default();
            return None;
        }
        let cells = cells(text, range);
        // A header: years and words only ("Zona   2019   2020   Var. % 2021/2020", "2014
        // 2015   2016"), with at least one year. Its first cell heads the rows' labels unless
        // it is a year itself.
        let header: Option<Vec<Column>> = cells
            .iter()
            .map(|(_, c)| header_column(c, s.decimal_comma))
            .collect();
        if let Some(mut columns) = header.filter(|c| c.iter().any(|c| c.year.is_some())) {
            if columns.first().is_some_and(|c| c.year.is_none()) {
                columns.remove(0);
            }
            self.columns = columns;
            return Some(Vec::new());
        }
        // A year may open the row ("2017   412   1,204").
        let row_year = cells.first().and_then(|(_, c)| year_cell(c));
        let values: Vec<&(Range<usize>, String)> = cells.iter().skip(1).collect();
        let numbers: Vec<Option<f64>> = values
            .iter()
            .map(|(_, c)| table_number(c, s.decimal_comma))
            .collect();
        // A header of words ("Año   Cocaína   Marihuana") keeps the table.
        if numbers.iter().all(Option::is_none) && !values.is_empty() {
            self.columns.clear();
            return Some(Vec::new());
        }
        if values.is_empty()
            || values
                .iter()
                .zip(&numbers)
                .any(|((_, c), n)| n.is_none() && !empty_cell(c))
        {
            *self = Self::default();
            return None;
        }
        let by_column = self.columns.len() == values.len();
        let mut out = Vec::new();
        for (k, ((bytes, _), n)) in values.iter().zip(&numbers).enumerate() {
            let Some(v) = n else { continue };
            let column = by_column.then(|| self.columns[k]);
            let year = row_year
                .or_else(|| column.and_then(|c| c.year))
                .map_or(Year::None, Year::Point);
            let percent = column.is_some_and(|c| c.percent);
            out.push(Raw {
                bytes: bytes.clone(),
                value: if percent { *v } else { v * table.scale },
                unit: if percent {
                    "percent".to_owned()
                } else {
                    table.unit.clone()
                },
                year,
                qualifier: None,
                kind: Kind::Actual,
                tier: Tier::Core,
                year_inferred: Year::None,
            });
        }
        Some(out)
    }
}

impl<'a> Sentence<'a> {
    /// The unit a caption states for the table below it: a bracketed phrase of scale words,
    /// a currency or a unit and nothing else ("(in millions of current U.S. dollars)", "($
    /// millions)", "(hectares)", "(en miles de toneladas)"), or a short line that is only such
    /// a phrase ("In millions of dollars").
    pub(super) fn table_unit(&self) -> Option<TableUnit> {
        let n = self.toks.len();
        let close = (0..n).rev().find(|&k| self.punct(k) == Some(")"))?;
        let open = (0..close).rev().find(|&k| self.punct(k) == Some("("))?;
        self.unit_phrase(open + 1, close)
    }

    /// Tokens `from..to` are only a unit phrase: (scale, unit).
    fn unit_phrase(&self, from: usize, to: usize) -> Option<TableUnit> {
        let mut scale = 1.0;
        let mut unit: Option<String> = None;
        let mut k = from;
        while k < to {
            let t = &self.toks[k];
            let tx = t.text(self.text);
            if let Some(e) = self.e(k).filter(|e| e.scale.is_some_and(|f| f >= 1e3)) {
                scale *= e.scale.unwrap_or(1.0);
                k += 1;
                continue;
            }
            if t.kind == TokKind::Punct
                && let Some(m) = self.lex.symbol(tx)
            {
                unit = Some(self.table_money(m)?);
                k += 1;
                continue;
            }
            if t.kind == TokKind::Word {
                if unit.is_none()
                    && let Some((m, len, _)) = self.currency_at(k)
                {
                    unit = Some(self.table_money(m)?);
                    k += len;
                    continue;
                }
                if unit.is_none()
                    && let Some((u, len, _)) = self.unit_at(k)
                {
                    unit = Some(self.lex.unit_name(u).to_owned());
                    k += len;
                    continue;
                }
                let filler = self.in_set(k, Set::Of)
                    || self.in_set(k, Set::Adjective)
                    || self.is_word(
                        k,
                        &[
                            "in",
                            "en",
                            "em",
                            "current",
                            "constant",
                            "nominal",
                            "us",
                            "u",
                            "s",
                            "corrientes",
                            "constantes",
                            "correntes",
                            "metric",
                            "métricas",
                        ],
                    );
                if !filler {
                    return None;
                }
            } else if !(t.kind == TokKind::Punct && tx == "." || t.kind == TokKind::Number) {
                return None;
            }
            k += 1;
        }
        let unit = unit?;
        Some(TableUnit { scale, unit })
    }

    fn table_money(&self, m: Money) -> Option<String> {
        match m {
            Money::Code(c) => Some(c.to_owned()),
            Money::Local(_) => self.ctx.currency(m).map(str::to_owned),
        }
    }
}
