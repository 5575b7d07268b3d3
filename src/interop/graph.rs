//! The actor network as GEXF 1.3, for Gephi: nodes with their kind, country and mentions (and
//! a size and colour Gephi draws with), edges weighted by sentences with their relation types
//! and themes. Deterministic: the same network gives the same bytes (no date is written).

use std::fmt::Write;

use crate::actors::ActorKind;
use crate::actors::network::{Edge, Network};
use crate::project::Theme;

/// XML text with `&`, `<`, `>` and quotes escaped, and characters XML 1.0 cannot hold dropped.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The colour a kind of actor is drawn in (Gephi and the network view agree).
pub fn kind_color(kind: ActorKind) -> [u8; 3] {
    match kind {
        ActorKind::Country => [0x1f, 0x77, 0xb4],
        ActorKind::Org => [0xff, 0x7f, 0x0e],
        ActorKind::Person => [0x2c, 0xa0, 0x2c],
    }
}

/// A node's drawn size from its mentions: grows with the square root.
pub fn node_size(mentions: usize) -> f64 {
    4.0 + 3.0 * (mentions as f64).sqrt()
}

/// "training:2;visit:1".
pub(crate) fn types_text(e: &Edge) -> String {
    e.types
        .iter()
        .map(|(t, n)| format!("{t}:{n}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// Theme names with counts: "Arms trade:2;Training:1".
pub(crate) fn themes_text(e: &Edge, themes: &[Theme]) -> String {
    e.themes
        .iter()
        .map(|(id, n)| {
            let name = themes
                .iter()
                .find(|t| t.id == *id)
                .map_or_else(|| id.0.to_string(), |t| t.name.clone());
            format!("{name}:{n}")
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The network as a GEXF 1.3 document.
pub fn gexf(net: &Network, themes: &[Theme]) -> String {
    let mut x = String::with_capacity(256 + net.nodes.len() * 300 + net.edges.len() * 300);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    x.push_str("  <meta>\n    <creator>Dossier</creator>\n");
    x.push_str(
        "    <description>Actors and the sentences that tie them</description>\n  </meta>\n",
    );
    x.push_str("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
    x.push_str("    <attributes class=\"node\">\n");
    for (id, ty) in [
        ("kind", "string"),
        ("country", "string"),
        ("mentions", "integer"),
        ("org", "string"),
    ] {
        let _ = writeln!(
            x,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{ty}\"/>"
        );
    }
    x.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for (id, ty) in [
        ("sentences", "integer"),
        ("types", "string"),
        ("themes", "string"),
    ] {
        let _ = writeln!(
            x,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{ty}\"/>"
        );
    }
    x.push_str("    </attributes>\n");
    write_nodes(&mut x, net);
    write_edges(&mut x, net, themes);
    x.push_str("    </edges>\n  </graph>\n</gexf>\n");
    x
}

fn write_nodes(x: &mut String, net: &Network) {
    let _ = writeln!(*x, "    <nodes count=\"{}\">", net.nodes.len());
    for n in &net.nodes {
        let a = &n.actor;
        let _ = writeln!(
            *x,
            "      <node id=\"{}\" label=\"{}\">",
            esc(a.id.as_str()),
            esc(&a.name)
        );
        x.push_str("        <attvalues>\n");
        let _ = writeln!(
            *x,
            "          <attvalue for=\"kind\" value=\"{}\"/>",
            a.kind.as_str()
        );
        if let Some(c) = &a.country {
            let _ = writeln!(
                x,
                "          <attvalue for=\"country\" value=\"{}\"/>",
                esc(c)
            );
        }
        let _ = writeln!(
            *x,
            "          <attvalue for=\"mentions\" value=\"{}\"/>",
            n.mentions
        );
        if let Some(o) = &a.org {
            let _ = writeln!(
                x,
                "          <attvalue for=\"org\" value=\"{}\"/>",
                esc(o.as_str())
            );
        }
        x.push_str("        </attvalues>\n");
        let _ = writeln!(*x, "        <size value=\"{:.1}\"/>", node_size(n.mentions));
        let [r, g, b] = kind_color(a.kind);
        let _ = writeln!(*x, "        <color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        x.push_str("      </node>\n");
    }
    x.push_str("    </nodes>\n");
}

fn write_edges(x: &mut String, net: &Network, themes: &[Theme]) {
    let _ = writeln!(*x, "    <edges count=\"{}\">", net.edges.len());
    for (i, e) in net.edges.iter().enumerate() {
        let (source, target, ty) = match e.direction() {
            Some((s, t)) => (s, t, "directed"),
            None => (&e.a, &e.b, "undirected"),
        };
        let _ = writeln!(
            *x,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" type=\"{ty}\" weight=\"{}\">",
            esc(source.as_str()),
            esc(target.as_str()),
            e.sentences
        );
        x.push_str("        <attvalues>\n");
        let _ = writeln!(
            *x,
            "          <attvalue for=\"sentences\" value=\"{}\"/>",
            e.sentences
        );
        let _ = writeln!(
            *x,
            "          <attvalue for=\"types\" value=\"{}\"/>",
            esc(&types_text(e))
        );
        let _ = writeln!(
            *x,
            "          <attvalue for=\"themes\" value=\"{}\"/>",
            esc(&themes_text(e, themes))
        );
        x.push_str("        </attvalues>\n      </edge>\n");
    }
}
