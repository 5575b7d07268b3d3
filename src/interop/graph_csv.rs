//! The actor network as two CSV tables, nodes and edges (UTF-8, a header row, quoted as needed),
//! for spreadsheets and for Gephi's spreadsheet import.

use super::graph::{themes_text, types_text};
use crate::actors::network::Network;
use crate::project::Theme;

/// `Id,Label,kind,country,mentions` — Gephi reads `Id` and `Label`.
pub fn nodes_csv(net: &Network) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["Id", "Label", "kind", "country", "mentions"])?;
    for n in &net.nodes {
        let a = &n.actor;
        w.write_record([
            a.id.as_str(),
            &a.name,
            a.kind.as_str(),
            a.country.as_deref().unwrap_or(""),
            &n.mentions.to_string(),
        ])?;
    }
    finish(w)
}

/// `Source,Target,Type,Weight,types,themes` — Gephi reads the first four.
pub fn edges_csv(net: &Network, themes: &[Theme]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["Source", "Target", "Type", "Weight", "types", "themes"])?;
    for e in &net.edges {
        let (s, t, ty) = match e.direction() {
            Some((s, t)) => (s, t, "Directed"),
            None => (&e.a, &e.b, "Undirected"),
        };
        w.write_record([
            s.as_str(),
            t.as_str(),
            ty,
            &e.sentences.to_string(),
            &types_text(e),
            &themes_text(e, themes),
        ])?;
    }
    finish(w)
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
