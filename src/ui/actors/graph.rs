//! Drawing the network on the egui painter: the layout (computed once per change, in
//! [`crate::actors::layout`]) fitted to the pane, then panned and zoomed; edges under nodes,
//! labels where they do not cover one another (the others on hover). Nodes and edges are
//! widgets with names, so a click, a tooltip and a screen reader reach them.

use std::collections::BTreeMap;

use egui::{Color32, FontId, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo};

use super::network::{NetworkState, built};
use crate::actors::network::{Edge, Node};
use crate::actors::{ActorId, Network};
use crate::context::ViewContext;
use crate::ui::palette;

/// Node radius, in points, for the fewest and the most mentions.
const MIN_RADIUS: f32 = 5.0;
const MAX_RADIUS: f32 = 22.0;
const MARGIN: f32 = 40.0;
const LABEL_FONT: f32 = 12.5;

/// Where the layout's positions land on the screen.
struct View {
    centre: Pos2,
    mid: [f32; 2],
    scale: f32,
    pan: Vec2,
}

impl View {
    fn fit(rect: Rect, positions: &BTreeMap<ActorId, [f32; 2]>, zoom: f32, pan: Vec2) -> Self {
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in positions.values() {
            for i in 0..2 {
                lo[i] = lo[i].min(p[i]);
                hi[i] = hi[i].max(p[i]);
            }
        }
        if positions.is_empty() {
            (lo, hi) = ([-1.0; 2], [1.0; 2]);
        }
        let span = [(hi[0] - lo[0]).max(1e-3), (hi[1] - lo[1]).max(1e-3)];
        let room = (rect.size() - Vec2::splat(2.0 * MARGIN)).max(Vec2::splat(10.0));
        let scale = (room.x / span[0]).min(room.y / span[1]) * zoom;
        Self {
            centre: rect.center(),
            mid: [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0],
            scale,
            pan,
        }
    }

    fn to_screen(&self, p: [f32; 2]) -> Pos2 {
        self.centre + self.pan + Vec2::new(p[0] - self.mid[0], p[1] - self.mid[1]) * self.scale
    }
}

fn radius(node: &Node, most: usize) -> f32 {
    let share = (node.mentions as f32 / most.max(1) as f32).sqrt();
    MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share
}

/// The graph. Returns the actor clicked, if any; a clicked edge becomes `state.edge`.
pub(super) fn graph_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    state: &mut NetworkState,
) -> Option<ActorId> {
    let rect = ui.available_rect_before_wrap();
    let canvas = ui.allocate_rect(rect, Sense::click_and_drag());
    if canvas.dragged() {
        state.pan += canvas.drag_delta();
    }
    if canvas.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom * (scroll / 400.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            // Zoom about the pointer.
            let at = canvas.hover_pos().unwrap_or(rect.center()) - rect.center();
            state.zoom = (state.zoom * factor).clamp(0.2, 8.0);
            state.pan = at + (state.pan - at) * factor;
        }
    }
    if canvas.double_clicked() {
        state.pan = Vec2::ZERO;
        state.zoom = 1.0;
    }
    let built = built(state)?;
    let net = &built.net;
    if net.nodes.is_empty() {
        ui.painter().text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "No links among the actors the filters keep.",
            FontId::proportional(14.0),
            ui.visuals().weak_text_color(),
        );
        return None;
    }
    let view = View::fit(rect, built.layout.positions(), state.zoom, state.pan);
    let painter = ui.painter_at(rect);
    let at = |id: &ActorId| {
        built
            .layout
            .position(id)
            .map(|p| view.to_screen(p))
            .unwrap_or(rect.center())
    };
    let most = net.nodes.iter().map(|n| n.mentions).max().unwrap_or(1);
    let radius_of: BTreeMap<&ActorId, f32> = net
        .nodes
        .iter()
        .map(|n| (&n.actor.id, radius(n, most)))
        .collect();
    let picked_edge = edges_ui(ui, cx, &painter, net, &at, &radius_of, state.edge.as_ref());
    let clicked_on_canvas = canvas.clicked();
    let picked_node = nodes_ui(ui, &painter, net, &at, &radius_of);
    if let Some(e) = picked_edge {
        state.edge = Some(e);
    } else if clicked_on_canvas
        && let Some(pos) = canvas.interact_pointer_pos()
        && let Some(e) = nearest_edge(net, &at, pos)
    {
        state.edge = Some(e);
    }
    picked_node
}

/// The edge within a few points of `pos`, if any (the nearest).
fn nearest_edge(
    net: &Network,
    at: &impl Fn(&ActorId) -> Pos2,
    pos: Pos2,
) -> Option<(ActorId, ActorId)> {
    net.edges
        .iter()
        .map(|e| (segment_distance(pos, at(&e.a), at(&e.b)), e))
        .filter(|(d, _)| *d <= 5.0)
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, e)| (e.a.clone(), e.b.clone()))
}

fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t).distance(p)
}

fn edge_colour(ui: &Ui, cx: &ViewContext<'_>, e: &Edge) -> Color32 {
    let dark = ui.visuals().dark_mode;
    let theme = e
        .themes
        .iter()
        .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
        .and_then(|(t, _)| cx.session.project().theme(*t));
    match theme {
        Some(t) => palette::theme(t.color, dark).gamma_multiply(0.8),
        None => ui.visuals().weak_text_color().gamma_multiply(0.7),
    }
}

/// Draw the edges (width by sentences, an arrow where every directed sentence points one way)
/// and give each a handle at its middle; returns the edge whose handle was clicked.
fn edges_ui(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    painter: &egui::Painter,
    net: &Network,
    at: &impl Fn(&ActorId) -> Pos2,
    radius_of: &BTreeMap<&ActorId, f32>,
    picked: Option<&(ActorId, ActorId)>,
) -> Option<(ActorId, ActorId)> {
    let name = |id: &ActorId| net.node(id).map_or(id.0.clone(), |n| n.actor.name.clone());
    let mut clicked = None;
    for e in &net.edges {
        let (a, b) = (at(&e.a), at(&e.b));
        let is_picked = picked.is_some_and(|(x, y)| *x == e.a && *y == e.b);
        let width = (1.0 + (e.sentences as f32).ln() * 1.5).min(7.0);
        let colour = if is_picked {
            ui.visuals().selection.stroke.color
        } else {
            edge_colour(ui, cx, e)
        };
        let width = if is_picked { width + 2.0 } else { width };
        painter.line_segment([a, b], Stroke::new(width, colour));
        if let Some((from, to)) = e.direction() {
            let (p, q) = (at(from), at(to));
            let r = radius_of.get(to).copied().unwrap_or(MIN_RADIUS);
            arrow(painter, p, q, r, colour);
        }
        let mid = handle_point(a, b, net, at, radius_of);
        let id = ui.scope_id().with(("network_edge", &e.a, &e.b));
        let response = ui
            .interact(
                Rect::from_center_size(mid, Vec2::splat(10.0)),
                id,
                Sense::click(),
            )
            .on_hover_text(format!(
                "{} — {}: {} sentence(s)",
                name(&e.a),
                name(&e.b),
                e.sentences
            ));
        let label = format!("Link {} — {}", name(&e.a), name(&e.b));
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            clicked = Some((e.a.clone(), e.b.clone()));
        }
    }
    clicked
}

fn arrow(painter: &egui::Painter, from: Pos2, to: Pos2, radius: f32, colour: Color32) {
    let dir = (to - from).normalized();
    if !dir.is_finite() || (to - from).length() < radius * 2.0 {
        return;
    }
    let tip = to - dir * (radius + 1.0);
    let side = Vec2::new(-dir.y, dir.x) * 4.5;
    let base = tip - dir * 10.0;
    painter.add(Shape::convex_polygon(
        vec![tip, base + side, base - side],
        colour,
        Stroke::NONE,
    ));
}

/// Draw the nodes, and the labels that do not cover another label (largest nodes first);
/// returns the node clicked.
fn nodes_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    net: &Network,
    at: &impl Fn(&ActorId) -> Pos2,
    radius_of: &BTreeMap<&ActorId, f32>,
) -> Option<ActorId> {
    let mut order: Vec<&Node> = net.nodes.iter().collect();
    order.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.actor.id.cmp(&b.actor.id))
    });
    let outline = ui.visuals().extreme_bg_color;
    let mut clicked = None;
    let mut hovered = None;
    for n in order.iter().rev() {
        let (c, r) = (at(&n.actor.id), radius_of[&n.actor.id]);
        painter.circle(
            c,
            r,
            palette::actor_kind(n.actor.kind),
            Stroke::new(1.5, outline),
        );
        let response = node_widget(ui, n, c, r);
        if response.clicked() {
            clicked = Some(n.actor.id.clone());
        }
        if response.hovered() {
            hovered = Some(n.actor.id.clone());
        }
    }
    let mut placed: Vec<Rect> = Vec::new();
    for n in &order {
        let (c, r) = (at(&n.actor.id), radius_of[&n.actor.id]);
        let forced = hovered.as_ref() == Some(&n.actor.id);
        label(ui, painter, n, c, r, forced, &mut placed);
    }
    clicked
}

fn node_widget(ui: &mut Ui, n: &Node, c: Pos2, r: f32) -> Response {
    let id = ui.scope_id().with(("network_node", &n.actor.id));
    let response = ui.interact(
        Rect::from_center_size(c, Vec2::splat(2.0 * r.max(6.0))),
        id,
        Sense::click(),
    );
    let country = n.actor.country.as_deref().unwrap_or("—");
    let response = response.on_hover_text(format!(
        "{} ({}, {country}): {} mention(s). Click to open the actor.",
        n.actor.name,
        n.actor.kind.as_str(),
        n.mentions
    ));
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &n.actor.name));
    response
}

/// A node's name right of it, on a backing so edges do not cross it, unless it would cover a
/// label already placed (then only when hovered).
fn label(
    ui: &Ui,
    painter: &egui::Painter,
    n: &Node,
    c: Pos2,
    r: f32,
    forced: bool,
    placed: &mut Vec<Rect>,
) {
    let galley = painter.layout_no_wrap(
        n.actor.name.clone(),
        FontId::proportional(LABEL_FONT),
        ui.visuals().strong_text_color(),
    );
    let pos = c + Vec2::new(r + 3.0, -galley.size().y / 2.0);
    let rect = Rect::from_min_size(pos, galley.size()).expand(1.5);
    if !forced && placed.iter().any(|p| p.intersects(rect)) {
        return;
    }
    placed.push(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().panel_fill.gamma_multiply(0.85));
    painter.galley(pos, galley, Color32::WHITE);
}

/// Where an edge's handle goes: the point nearest its middle that no actor's circle covers
/// (a click there must open the link, not an actor drawn over it); the middle if none is free.
fn handle_point(
    a: Pos2,
    b: Pos2,
    net: &Network,
    at: &impl Fn(&ActorId) -> Pos2,
    radius_of: &BTreeMap<&ActorId, f32>,
) -> Pos2 {
    const TRIES: [f32; 9] = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
    let free = |p: Pos2| {
        net.nodes.iter().all(|n| {
            let r = radius_of.get(&n.actor.id).copied().unwrap_or(MIN_RADIUS);
            at(&n.actor.id).distance(p) > r + 6.0
        })
    };
    TRIES
        .iter()
        .map(|t| a + (b - a) * *t)
        .find(|p| free(*p))
        .unwrap_or(a + (b - a) * 0.5)
}
