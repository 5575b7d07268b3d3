//! Figures by actor pair in the relations pane (egui_kittest) on the seeds: the supplier to
//! buyer pairs of sale, supply and funding sentences list the figures those sentences state,
//! and "Make a series" puts one pair's figures into a series for the plot, one undoable step.

use crate::common;

use crate::common::ui::{Window, open_sized, settle};
use dossier::actors::network::pair_flows;
use dossier::context::{Tab, UiCommand};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn relations_window() -> Window {
    let mut w = open_sized(common::seeds_dir(), [1600.0, 1200.0]);
    w.state_mut().push(UiCommand::ShowTab(Tab::Relations));
    settle(&mut w);
    w.get_by_label("Figures by pair: supplier to buyer").click();
    settle(&mut w);
    w
}

#[test]
fn a_pairs_figures_become_a_series_in_one_undoable_step() {
    let mut w = relations_window();
    // Russia to Peru in US dollars, by countries: the $406 million deal of the seeds.
    w.get_by_label("Agencies and people as their countries")
        .click();
    settle(&mut w);
    let (name, keys) = {
        let session = w.state().session();
        let resolved = session.actors();
        let flows = pair_flows(resolved, session.actor_relations(), true);
        let name = |id: &dossier::actors::ActorId| {
            resolved
                .actor(id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        let flow = flows
            .iter()
            .find(|f| name(&f.source) == "Russia" && name(&f.target) == "Peru" && f.unit == "USD")
            .unwrap_or_else(|| panic!("Russia to Peru in USD among {flows:?}"));
        assert!(
            flow.figures.iter().any(|(_, f)| f.value == 406e6),
            "{:?}",
            flow.figures
        );
        let keys: Vec<(String, usize, usize)> = flow
            .figures
            .iter()
            .map(|(a, f)| (a.as_str().to_owned(), f.start, f.end))
            .collect();
        ("Russia to Peru (USD)".to_owned(), keys)
    };
    w.get_by_label(&format!("Make a series of {name}")).click();
    settle(&mut w);
    {
        let project = w.state().session().project();
        let series = project
            .series
            .iter()
            .find(|s| s.name == name)
            .expect("the series is made");
        assert_eq!(series.unit, "USD");
        assert_eq!(series.figures.len(), keys.len());
    }
    // The pair now shows its accepted total.
    w.get_by_label_contains("accepted: ");
    w.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut w);
    assert!(
        w.state()
            .session()
            .project()
            .series
            .iter()
            .all(|s| s.name != name),
        "undo removes the series"
    );
}

/// At 1280×800 the relations pane has room for the pairs and the table: opening the figures
/// by pair keeps the tab bar where it was, and the table's header stays in the window.
#[test]
fn the_pairs_fit_in_the_pane_at_1280_by_800() {
    use egui::accesskit::Role;
    let mut w = open_sized(common::seeds_dir(), [1280.0, 800.0]);
    w.state_mut().push(UiCommand::ShowTab(Tab::Relations));
    settle(&mut w);
    let tab_before = w.get_by_role_and_label(Role::Button, "Relations").rect();
    assert!(
        tab_before.top() < 800.0 - 380.0,
        "the panel grew for the tab: {tab_before:?}"
    );
    w.get_by_label("Figures by pair: supplier to buyer").click();
    settle(&mut w);
    let tab_after = w.get_by_role_and_label(Role::Button, "Relations").rect();
    assert_eq!(
        tab_before.top(),
        tab_after.top(),
        "the lower panel kept its size"
    );
    let header = w.get_by_label("Sentence").rect();
    assert!(header.bottom() < 780.0, "{header:?}");
}
