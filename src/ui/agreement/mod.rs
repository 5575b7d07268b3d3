//! The Agreement tab: how far the coders agree, per theme and overall (percent agreement,
//! Cohen's κ for two coders or Fleiss' κ for more, Krippendorff's α and unitizing αu), graded
//! by α as Krippendorff suggests, with the coders and themes to compare; beside it, where two
//! coders disagree, side by side. The numbers are worked out on a background job, once per
//! revision of the project and choice of coders and themes, never in the frame.

mod disagreements;

use std::collections::BTreeSet;

use egui::{Color32, Label, RichText, Role, Ui, WidgetInfo};

use super::palette;
use crate::analysis::agreement::{Agreement, Coefficients, Grade, Options};
use crate::context::{
    AgreementRequest, AgreementResult, ExportWhat, FileCommand, ViewContext, WorkCommand,
};
use crate::project::{CoderId, Project, ThemeId};

/// What the tab remembers: the choices, and the numbers last worked out.
#[derive(Debug, Default)]
pub struct AgreementState {
    /// The coders compared (`None`: every coder with passages).
    coders: Option<Vec<CoderId>>,
    /// The themes compared (`None`: every theme used).
    themes: Option<BTreeSet<ThemeId>>,
    /// The two coders whose disagreements are listed.
    pair: Option<(CoderId, CoderId)>,
    /// The last request sent; only its answer is taken.
    requested: Option<AgreementRequest>,
    /// The numbers shown, and what they answer.
    shown: Option<(AgreementRequest, AgreementResult)>,
}

impl AgreementState {
    /// The answer of a job: kept when it answers the latest request.
    pub fn receive(&mut self, request: AgreementRequest, result: AgreementResult) {
        if self.requested.as_ref() == Some(&request) {
            self.shown = Some((request, result));
        }
    }

    /// The table shown (for the CSV export).
    pub fn table(&self) -> Option<&Agreement> {
        self.shown.as_ref().and_then(|(_, r)| r.table.as_ref().ok())
    }

    /// The coders compared: the chosen ones still in the project, or every coder with passages.
    fn compared(&self, project: &Project) -> Vec<CoderId> {
        match &self.coders {
            Some(list) => list
                .iter()
                .copied()
                .filter(|c| project.coder(*c).is_some())
                .collect(),
            None => {
                let usage = project.coder_usage();
                project
                    .coder_list()
                    .into_iter()
                    .map(|c| c.id)
                    .filter(|c| usage.contains_key(c))
                    .collect()
            }
        }
    }

    /// What the tab needs now: the numbers for the choices on this revision.
    fn request(&mut self, cx: &ViewContext<'_>) -> AgreementRequest {
        let project = cx.session.project();
        let compared = self.compared(project);
        let pair = match self.pair {
            Some((a, b)) if a != b && compared.contains(&a) && compared.contains(&b) => {
                Some((a, b))
            }
            _ => match compared.as_slice() {
                [a, b, ..] => Some((*a, *b)),
                _ => None,
            },
        };
        self.pair = pair;
        let themes = self.themes.as_ref().map(|set| {
            set.iter()
                .copied()
                .filter(|t| project.theme(*t).is_some())
                .collect()
        });
        AgreementRequest {
            revision: cx.session.revision(),
            options: Options {
                coders: self.coders.as_ref().map_or_else(Vec::new, |_| compared),
                themes,
                articles: None,
            },
            pair,
        }
    }
}

pub fn agreement_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AgreementState) {
    let project = cx.session.project();
    let wanted = state.request(cx);
    let current = state.shown.as_ref().is_some_and(|(r, _)| *r == wanted);
    if !current && state.requested.as_ref() != Some(&wanted) {
        cx.send(WorkCommand::Agreement(wanted.clone()));
        state.requested = Some(wanted);
    }
    toolbar_ui(ui, cx, state, current);
    ui.separator();
    let Some((request, result)) = state.shown.as_ref() else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("Working out agreement…");
        });
        return;
    };
    if let Err(e) = &result.table {
        ui.label(format!("No agreement to show: {e}."));
        ui.weak(
            "Agreement compares the passages of two or more coders on the same articles: \
             merge another analyst's project (File › Merge project…), or switch the coder \
             who tags (Edit › Preferences…).",
        );
        return;
    }
    let pair = request.pair;
    egui::Panel::right("agreement_side")
        .resizable(true)
        .default_size(ui.available_width() * 0.5)
        .show(ui, |ui| {
            disagreements::disagreements_ui(ui, cx, state, pair);
        });
    if let Some(table) = state.table() {
        egui::ScrollArea::both()
            .id_salt("agreement_table_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| table_ui(ui, project, table));
    }
}

/// The coders and themes to compare, and the export.
fn toolbar_ui(ui: &mut Ui, cx: &ViewContext<'_>, state: &mut AgreementState, current: bool) {
    let project = cx.session.project();
    let usage = project.coder_usage();
    ui.horizontal_wrapped(|ui| {
        ui.label("Coders");
        let compared = state.compared(project);
        for coder in project.coder_list() {
            let mut on = compared.contains(&coder.id);
            let n = usage.get(&coder.id).copied().unwrap_or(0);
            let text = format!("{} ({n})", coder.name);
            if ui
                .checkbox(&mut on, text)
                .on_hover_text("Compare this coder's passages")
                .changed()
            {
                let mut list: Vec<CoderId> = compared.clone();
                list.retain(|c| *c != coder.id);
                if on {
                    list.push(coder.id);
                    list.sort();
                }
                state.coders = Some(list);
            }
        }
        ui.separator();
        themes_menu_ui(ui, project, state);
        ui.separator();
        let export = ui
            .add_enabled(
                current && state.table().is_some(),
                egui::Button::new("Export CSV…"),
            )
            .on_hover_text("The table as CSV, one row per theme and one overall");
        if export.clicked() {
            cx.send(FileCommand::ExportTable(ExportWhat::Agreement));
        }
        if !current {
            ui.spinner();
        }
    });
}

fn themes_menu_ui(ui: &mut Ui, project: &Project, state: &mut AgreementState) {
    let title = match &state.themes {
        None => "Themes: all used".to_owned(),
        Some(set) => format!("Themes: {} chosen", set.len()),
    };
    ui.menu_button(title, |ui| {
        if ui.button("Every theme used").clicked() {
            state.themes = None;
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for (depth, theme) in project.theme_tree() {
                    let mut on = state.themes.as_ref().is_none_or(|s| s.contains(&theme.id));
                    let text = format!("{}{}", "  ".repeat(depth), theme.name);
                    if ui.checkbox(&mut on, text).changed() {
                        let mut set = state
                            .themes
                            .clone()
                            .unwrap_or_else(|| project.themes.iter().map(|t| t.id).collect());
                        if on {
                            set.insert(theme.id);
                        } else {
                            set.remove(&theme.id);
                        }
                        state.themes = Some(set);
                    }
                }
            });
    });
}

/// A coefficient as shown: three decimals, or a dash where it is undefined.
pub fn number(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{:.1} %", v * 100.0))
}

/// The colour of a grade: green, amber, red.
fn grade_fill(grade: Option<Grade>, dark: bool) -> Color32 {
    match grade {
        Some(g) => palette::grade(g, dark),
        None => Color32::TRANSPARENT,
    }
}

/// A cell whose accessible name says what it is (`Theme: α 0.812`), not only its number.
fn cell(ui: &mut Ui, text: RichText, name: String) {
    let response = ui.add(Label::new(text));
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, name.clone()));
    response.on_hover_text(name);
}

fn row_ui(ui: &mut Ui, name: &str, c: &Coefficients, two_coders: bool, coders: &[String]) {
    let dark = ui.visuals().dark_mode;
    let coded: Vec<String> = coders
        .iter()
        .zip(&c.coded)
        .map(|(who, n)| format!("{who} {n}"))
        .collect();
    ui.label(name).on_hover_text(format!(
        "{} code points compared; coded by {}",
        c.units,
        coded.join(", ")
    ));
    cell(
        ui,
        RichText::new(percent(c.percent)),
        format!("{name}: agreement {}", percent(c.percent)),
    );
    let (kappa, which) = if two_coders {
        (c.cohen_kappa, "Cohen's κ")
    } else {
        (c.fleiss_kappa, "Fleiss' κ")
    };
    cell(
        ui,
        RichText::new(number(kappa)),
        format!("{name}: {which} {}", number(kappa)),
    );
    let fill = grade_fill(c.grade, dark);
    let strong = |s: String| {
        let t = RichText::new(s).background_color(fill);
        if c.grade.is_some() {
            t.color(palette::highlighted_text(dark))
        } else {
            t
        }
    };
    cell(
        ui,
        strong(number(c.alpha)),
        format!("{name}: Krippendorff's α {}", number(c.alpha)),
    );
    cell(
        ui,
        RichText::new(number(c.alpha_u)),
        format!("{name}: unitizing αu {}", number(c.alpha_u)),
    );
    let grade = c.grade.map_or("—", Grade::label);
    cell(ui, strong(grade.to_owned()), format!("{name}: {grade}"));
    ui.end_row();
}

fn table_ui(ui: &mut Ui, project: &Project, table: &Agreement) {
    let names: Vec<String> = table.coders.iter().map(|c| c.name.clone()).collect();
    ui.label(format!(
        "{} coders ({}) on {} article(s), {} code points.",
        names.len(),
        names.join(", "),
        table.articles.len(),
        table.units
    ))
    .on_hover_text(
        table
            .articles
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let two = table.coders.len() == 2;
    egui::Grid::new("agreement_table")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for h in [
                "Theme",
                "Agreement",
                if two { "Cohen's κ" } else { "Fleiss' κ" },
                "α",
                "αu",
                "Grade",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for t in &table.themes {
                let name = project
                    .theme(t.theme)
                    .map_or(t.name.as_str(), |th| th.name.as_str());
                row_ui(ui, name, &t.coefficients, two, &names);
            }
            row_ui(ui, "Overall", &table.overall, two, &names);
        });
    ui.add_space(4.0);
    ui.weak(
        "α ≥ 0.8 good, 0.667–0.8 tentative, below poor (Krippendorff). Units are code points; \
         see docs/agreement.md.",
    );
}
