//! The network exports on the seeds: GEXF 1.3 with the structure the published schema asks for
//! (checked here in Rust, and by xmllint against the published GEXF 1.3 schema in
//! `tests/data/gexf/` in an ignored test that `.ci/run` runs), GraphML and CSV.
#![allow(
    clippy::too_many_lines,
    reason = "tests are exempt from the 100-line limit"
)]

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use dossier::actors::network::{Network, NetworkFilter};
use dossier::actors::relations::relations;
use dossier::actors::{extract_corpus, resolve};
use dossier::interop::{graph, graph_csv, graph_graphml};
use dossier::project::actors::ActorBook;
use dossier::project::codebook::default_themes;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

fn seed_network() -> Network {
    let corpus = common::load_seeds();
    let ex = extract_corpus(&corpus, 2, &|_| {});
    let resolved = resolve(&ex, &ActorBook::default(), &corpus);
    let rels = relations(&corpus, &ex, &resolved, None, &BTreeMap::new());
    Network::build(&resolved, &rels, &NetworkFilter::default())
}

fn attrs(e: &BytesStart) -> BTreeMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.expect("attribute");
            let value = a
                .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                .expect("value")
                .into_owned();
            (a.key.as_ref().to_owned(), value)
        })
        .collect()
}

/// Every element with its path and attributes, in document order.
fn elements(xml: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                path.push(e.name().as_ref().to_owned());
                out.push((path.join("/"), attrs(&e)));
            }
            Event::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                out.push((format!("{}/{name}", path.join("/")), attrs(&e)));
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

const ATTR_TYPES: &[&str] = &[
    "integer",
    "long",
    "double",
    "float",
    "boolean",
    "string",
    "liststring",
    "anyURI",
];

#[test]
fn gexf_follows_the_gexf_1_3_schema() {
    let net = seed_network();
    assert!(net.nodes.len() > 10 && net.edges.len() > 10);
    let xml = graph::gexf(&net, &default_themes());
    assert_eq!(xml, graph::gexf(&net, &default_themes()), "deterministic");
    let els = elements(&xml);
    let root = &els[0];
    assert_eq!(root.0, "gexf");
    assert_eq!(
        root.1.get("xmlns").map(String::as_str),
        Some("http://gexf.net/1.3")
    );
    assert_eq!(root.1.get("version").map(String::as_str), Some("1.3"));
    // gexf: meta?, graph; graph: attributes*, nodes, edges — in that order.
    let top: Vec<&str> = els
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| p.matches('/').count() == 1)
        .collect();
    assert_eq!(top, vec!["gexf/meta", "gexf/graph"]);
    let in_graph: Vec<&str> = els
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| p.matches('/').count() == 2 && p.starts_with("gexf/graph/"))
        .collect();
    let order: Vec<&str> = in_graph
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or(""))
        .collect();
    assert_eq!(order, vec!["attributes", "attributes", "nodes", "edges"]);
    let graph_attrs = &els
        .iter()
        .find(|(p, _)| p == "gexf/graph")
        .expect("graph")
        .1;
    assert!(
        ["directed", "undirected", "mutual"].contains(&graph_attrs["defaultedgetype"].as_str())
    );
    // Declared attributes by class, with a type from the schema's list.
    let mut declared: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut class = String::new();
    for (p, a) in &els {
        if p == "gexf/graph/attributes" {
            class = a["class"].clone();
            assert!(class == "node" || class == "edge");
        }
        if p == "gexf/graph/attributes/attribute" {
            assert!(ATTR_TYPES.contains(&a["type"].as_str()), "{a:?}");
            assert!(a.contains_key("title"));
            declared
                .entry(class.clone())
                .or_default()
                .insert(a["id"].clone());
        }
    }
    // Nodes: unique ids, known children, attvalues for declared attributes, size ≥ 0.
    let mut ids = BTreeSet::new();
    for (p, a) in &els {
        if p == "gexf/graph/nodes/node" {
            assert!(ids.insert(a["id"].clone()), "duplicate node {}", a["id"]);
        }
        if let Some(child) = p.strip_prefix("gexf/graph/nodes/node/") {
            assert!(
                ["attvalues", "attvalues/attvalue", "size", "color"].contains(&child),
                "{child}"
            );
            if child == "attvalues/attvalue" {
                assert!(
                    declared["node"].contains(&a["for"]) && a.contains_key("value"),
                    "{a:?}"
                );
            }
            if child == "size" {
                assert!(a["value"].parse::<f64>().expect("a number") >= 0.0);
            }
            if child == "color" {
                for c in ["r", "g", "b"] {
                    a[c].parse::<u8>().expect("0–255");
                }
            }
        }
    }
    let count = |p: &str| els.iter().filter(|(q, _)| q == p).count();
    let nodes_el = &els
        .iter()
        .find(|(p, _)| p == "gexf/graph/nodes")
        .expect("nodes")
        .1;
    assert_eq!(
        nodes_el["count"].parse::<usize>().ok(),
        Some(count("gexf/graph/nodes/node"))
    );
    // Edges: ends are nodes, a type from the schema, a weight, unique ids.
    let mut edge_ids = BTreeSet::new();
    for (p, a) in &els {
        if p == "gexf/graph/edges/edge" {
            assert!(
                ids.contains(&a["source"]) && ids.contains(&a["target"]),
                "{a:?}"
            );
            assert!(["directed", "undirected", "mutual"].contains(&a["type"].as_str()));
            assert!(a["weight"].parse::<f64>().expect("weight") >= 1.0);
            assert!(edge_ids.insert(a["id"].clone()));
        }
        if p == "gexf/graph/edges/edge/attvalues/attvalue" {
            assert!(declared["edge"].contains(&a["for"]), "{a:?}");
        }
    }
    assert_eq!(edge_ids.len(), net.edges.len());
}

#[test]
fn graphml_and_csv_hold_the_same_network() {
    let net = seed_network();
    let xml = graph_graphml::graphml(&net, &default_themes());
    let els = elements(&xml);
    let keys: BTreeSet<String> = els
        .iter()
        .filter(|(p, _)| p == "graphml/key")
        .map(|(_, a)| a["id"].clone())
        .collect();
    let nodes: BTreeSet<String> = els
        .iter()
        .filter(|(p, _)| p == "graphml/graph/node")
        .map(|(_, a)| a["id"].clone())
        .collect();
    assert_eq!(nodes.len(), net.nodes.len());
    for (p, a) in &els {
        if p.ends_with("/data") {
            assert!(keys.contains(&a["key"]), "{a:?}");
        }
        if p == "graphml/graph/edge" {
            assert!(nodes.contains(&a["source"]) && nodes.contains(&a["target"]));
        }
    }
    let nodes_csv = graph_csv::nodes_csv(&net).expect("csv");
    let edges_csv = graph_csv::edges_csv(&net, &default_themes()).expect("csv");
    assert_eq!(nodes_csv.lines().count(), net.nodes.len() + 1);
    assert!(nodes_csv.starts_with("Id,Label,kind,country,mentions\n"));
    let mut r = csv::Reader::from_reader(edges_csv.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(rows.len(), net.edges.len());
    for row in rows {
        assert!(nodes.contains(&row[0]) && nodes.contains(&row[1]));
    }
}

/// Validate GEXF against the published GEXF 1.3 schema (gexf.xsd, dynamics.xsd and viz.xsd
/// from github.com/gephi/gexf, specs/1.3, shipped in `tests/data/gexf/`): what
/// `dossier relations --format gexf` prints for the seeds, and the library's export with the
/// default codebook's themes.
#[test]
#[ignore = "needs xmllint (Debian: libxml2-utils); .ci/run installs it and runs this test"]
fn gexf_validates_with_xmllint() {
    let tmp = common::tempdir();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["relations", "--format", "gexf"])
        .arg(common::seeds_dir())
        .output()
        .expect("dossier runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli = tmp.path().join("cli.gexf");
    std::fs::write(&cli, &out.stdout).expect("write");
    let themed = tmp.path().join("themed.gexf");
    std::fs::write(&themed, graph::gexf(&seed_network(), &default_themes())).expect("write");
    let schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gexf/gexf.xsd");
    for file in [&cli, &themed] {
        let text = std::fs::read_to_string(file).expect("read");
        assert!(
            text.contains("<node ") && text.contains("<edge "),
            "{}",
            file.display()
        );
        let out = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(file)
            .output()
            .expect("xmllint runs (Debian package libxml2-utils; .ci/run installs it)");
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
