//! The figures table: one row per figure, sortable by its column headers, picked with boxes.

use egui::text::{LayoutJob, TextFormat};
use egui::{Button, FontId, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::{FiguresState, pretty_value};
use crate::context::{SelectCommand, ViewContext};
use crate::figures::curation::{FigureRow, RowStatus, SortBy};
use crate::session::Session;
use crate::ui::palette;

pub(super) fn table_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut FiguresState,
    rows: &[usize],
) {
    let (ws, sel) = (cx.session, cx.selection);
    let dark = ui.visuals().dark_mode;
    ui.style_mut().interaction.selectable_labels = false;
    let mut sort_clicked = None;
    TableBuilder::new(ui)
        // The table's 200-point default minimum would push the lower panel up over the
        // reader in a small window; the table scrolls instead.
        .min_scrolled_height(crate::ui::MIN_TABLE_HEIGHT)
        .id_salt("figures_table")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::exact(22.0))
        .column(Column::initial(70.0).clip(true))
        .column(
            Column::initial(120.0)
                .at_least(60.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::initial(80.0).clip(true).resizable(true))
        .column(Column::initial(80.0).clip(true).resizable(true))
        .column(Column::initial(120.0).clip(true).resizable(true))
        .column(Column::remainder().at_least(200.0).clip(true))
        .header(20.0, |mut header| {
            header_ui(&mut header, state, &mut sort_clicked)
        })
        .body(|body| {
            body.rows(24.0, rows.len(), |mut row| {
                let Some(r) = rows.get(row.index()).and_then(|i| ws.figure_rows().get(*i)) else {
                    return;
                };
                row.set_selected(sel.figure.as_ref() == Some(&r.key));
                row_ui(&mut row, ws, state, r, dark);
                if row.response().clicked() {
                    cx.send(SelectCommand::Figure(r.key.clone()));
                }
            });
        });
    if let Some(by) = sort_clicked {
        state.sort = if state.sort.0 == by {
            (by, !state.sort.1)
        } else {
            (by, false)
        };
    }
}

/// The column titles; a click on one sorts by it (again: the other way).
fn header_ui(
    header: &mut egui_extras::TableRow<'_, '_>,
    state: &FiguresState,
    sort_clicked: &mut Option<SortBy>,
) {
    header.col(|_| {});
    for (title, by) in [
        ("Status", SortBy::Status),
        ("Value", SortBy::Value),
        ("Unit", SortBy::Unit),
        ("Year", SortBy::Year),
        ("Article", SortBy::Place),
    ] {
        header.col(|ui| {
            ui.horizontal(|ui| {
                if ui
                    .add(Button::new(RichText::new(title).strong()).frame(false))
                    .on_hover_text(format!("Sort by {}", title.to_lowercase()))
                    .clicked()
                {
                    *sort_clicked = Some(by);
                }
                if state.sort.0 == by {
                    sort_arrow(ui, !state.sort.1);
                }
            });
        });
    }
    header.col(|ui| {
        ui.strong("Sentence");
    });
}

/// The cells of one figure's row.
fn row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    ws: &Session,
    state: &mut FiguresState,
    r: &FigureRow,
    dark: bool,
) {
    row.col(|ui| {
        let mut picked = state.picked.contains(&r.key);
        let response = ui
            .add(egui::Checkbox::without_text(&mut picked))
            .accessible_name(format!(
                "Pick {} in {}",
                r.figure.text,
                r.key.article.file_name()
            ));
        if response.changed() {
            if picked {
                state.picked.insert(r.key.clone());
            } else {
                state.picked.remove(&r.key);
            }
        }
    });
    row.col(|ui| {
        let (text, color) = match r.status {
            RowStatus::Unreviewed => ("new", ui.visuals().weak_text_color()),
            RowStatus::Accepted => ("accepted", egui::Color32::from_rgb(90, 170, 90)),
            RowStatus::Rejected => ("rejected", palette::error(dark)),
        };
        ui.colored_label(color, text);
    });
    row.col(|ui| {
        let mut text = pretty_value(r.figure.value);
        if r.corrected {
            text.push_str(" *");
        }
        let response = ui.label(text);
        if r.corrected {
            response.on_hover_text("Corrected by the analyst");
        }
    });
    row.col(|ui| {
        // The same words as the unit filter and the series ("hectares", "km²", "%").
        ui.label(if r.figure.unit.is_empty() {
            "—".to_owned()
        } else {
            crate::figures::series::unit_label(&r.figure.unit)
        });
    });
    row.col(|ui| {
        ui.label(r.figure.year.to_string());
    });
    row.col(|ui| {
        ui.label(r.key.article.file_name());
    });
    row.col(|ui| {
        ui.label(sentence_job(ui, ws, r, dark));
    });
}

/// A small triangle pointing up (ascending) or down.
fn sort_arrow(ui: &mut Ui, ascending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(9.0, 9.0), egui::Sense::hover());
    let c = rect.center();
    let (tip, base) = if ascending {
        (rect.top(), rect.bottom())
    } else {
        (rect.bottom(), rect.top())
    };
    let points = vec![
        egui::pos2(c.x, tip),
        egui::pos2(rect.left(), base),
        egui::pos2(rect.right(), base),
    ];
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        ui.visuals().text_color(),
        egui::Stroke::NONE,
    ));
}

/// The sentence around a figure on one line, the figure in the figure colour.
fn sentence_job(ui: &Ui, ws: &Session, r: &FigureRow, dark: bool) -> LayoutJob {
    let font = FontId::proportional(13.0);
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let strong = TextFormat::simple(font, palette::figure_text(dark));
    let mut job = LayoutJob::default();
    let Some(article) = ws.corpus().get(&r.key.article) else {
        job.append(&r.figure.text, 0.0, strong);
        return job;
    };
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = article
        .slice(r.figure.sentence.0.min(r.figure.start), r.figure.start)
        .unwrap_or("");
    let after = article
        .slice(r.figure.end, r.figure.sentence.1.max(r.figure.end))
        .unwrap_or("");
    let before: String = {
        let b = flat(before);
        let n = b.chars().count();
        if n > 36 {
            format!("…{}", b.chars().skip(n - 36).collect::<String>())
        } else {
            b
        }
    };
    job.append(&before, 0.0, plain.clone());
    job.append(
        &format!(
            " {} ",
            r.figure
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        )
        .replace("  ", " "),
        0.0,
        strong,
    );
    job.append(&flat(after), 0.0, plain);
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job
}
