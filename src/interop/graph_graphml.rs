//! The actor network as GraphML (yEd, Cytoscape, NetworkX, igraph): the same nodes, edges and
//! attributes as the GEXF export. Deterministic.

use std::fmt::Write;

use super::graph::{esc, node_size, themes_text, types_text};
use crate::actors::network::Network;
use crate::project::Theme;

/// The network as a GraphML document.
pub fn graphml(net: &Network, themes: &[Theme]) -> String {
    let mut x = String::with_capacity(512 + net.nodes.len() * 300 + net.edges.len() * 300);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    let keys = [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("country", "node", "country", "string"),
        ("mentions", "node", "mentions", "int"),
        ("size", "node", "size", "double"),
        ("weight", "edge", "weight", "int"),
        ("types", "edge", "types", "string"),
        ("themes", "edge", "themes", "string"),
    ];
    for (id, on, name, ty) in keys {
        let _ = writeln!(
            x,
            "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    x.push_str("  <graph id=\"actors\" edgedefault=\"undirected\">\n");
    for n in &net.nodes {
        let a = &n.actor;
        let _ = writeln!(x, "    <node id=\"{}\">", esc(a.id.as_str()));
        let _ = writeln!(x, "      <data key=\"label\">{}</data>", esc(&a.name));
        let _ = writeln!(x, "      <data key=\"kind\">{}</data>", a.kind.as_str());
        if let Some(c) = &a.country {
            let _ = writeln!(x, "      <data key=\"country\">{}</data>", esc(c));
        }
        let _ = writeln!(x, "      <data key=\"mentions\">{}</data>", n.mentions);
        let _ = writeln!(
            x,
            "      <data key=\"size\">{:.1}</data>",
            node_size(n.mentions)
        );
        x.push_str("    </node>\n");
    }
    for (i, e) in net.edges.iter().enumerate() {
        let (source, target, directed) = match e.direction() {
            Some((s, t)) => (s, t, true),
            None => (&e.a, &e.b, false),
        };
        let _ = writeln!(
            x,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\" directed=\"{directed}\">",
            esc(source.as_str()),
            esc(target.as_str())
        );
        let _ = writeln!(x, "      <data key=\"weight\">{}</data>", e.sentences);
        let _ = writeln!(
            x,
            "      <data key=\"types\">{}</data>",
            esc(&types_text(e))
        );
        let _ = writeln!(
            x,
            "      <data key=\"themes\">{}</data>",
            esc(&themes_text(e, themes))
        );
        x.push_str("    </edge>\n");
    }
    x.push_str("  </graph>\n</graphml>\n");
    x
}
