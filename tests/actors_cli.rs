//! `dossier actors` and `dossier relations` on the seeds: the record shapes the issue asks for,
//! a project's corrections applied, the network as GEXF and GraphML, and bad paths reported.

use crate::common;

use std::process::Command;

use dossier::actors::ActorId;
use dossier::project::actors::ActorOverride;
use dossier::project::{Project, Timestamp, io};

fn dossier(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("dossier runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

#[test]
fn actors_jsonl_has_the_record_shape() {
    let seeds = common::seeds_dir();
    let (ok, out, err) = dossier(&["actors", seeds.to_str().expect("path"), "--format", "jsonl"]);
    assert!(ok, "{err}");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert!(records.len() > 200);
    for r in &records {
        assert_eq!(keys(r), vec!["actor", "end", "file", "start", "text"]);
        assert_eq!(keys(&r["actor"]), vec!["country", "id", "kind", "name"]);
        assert!(["country", "org", "person"].contains(&r["actor"]["kind"].as_str().expect("kind")));
        let c = &r["actor"]["country"];
        assert!(
            c.is_null()
                || c.as_str()
                    .is_some_and(|c| c.len() == 2 && c.chars().all(|x| x.is_ascii_uppercase()))
        );
    }
    let ivanov = records
        .iter()
        .find(|r| r["text"] == "Viktor Ivanov")
        .expect("Viktor Ivanov");
    assert_eq!(ivanov["actor"]["id"], "person:viktor-ivanov");
    assert_eq!(ivanov["actor"]["country"], "RU");
    // Offsets are code points into the article.
    let corpus = common::load_seeds();
    for r in records.iter().take(50) {
        let a = corpus
            .get(&dossier::corpus::ArticleId(
                r["file"].as_str().expect("file").into(),
            ))
            .expect("article");
        let (s, e) = (
            r["start"].as_u64().expect("start") as usize,
            r["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(a.slice(s, e), r["text"].as_str());
    }
}

#[test]
fn relations_jsonl_gexf_and_graphml() {
    let seeds = common::seeds_dir();
    let seeds = seeds.to_str().expect("path");
    let (ok, out, err) = dossier(&["relations", seeds, "--format", "jsonl"]);
    assert!(ok, "{err}");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert!(records.len() > 30);
    for r in &records {
        assert_eq!(
            keys(r),
            vec![
                "a", "b", "directed", "end", "figures", "file", "start", "themes", "type"
            ]
        );
        assert_eq!(keys(&r["a"]), vec!["country", "id", "kind", "name"]);
        for f in r["figures"].as_array().expect("figures") {
            assert_eq!(
                keys(f),
                vec!["end", "start", "text", "unit", "value", "year"]
            );
        }
    }
    assert!(records.iter().any(|r| r["a"]["id"] == "RU"
        && r["b"]["id"] == "PE"
        && r["directed"] == true
        && r["type"] == "purchase"));
    let (ok, gexf, _) = dossier(&["relations", seeds, "--format", "gexf"]);
    assert!(ok && gexf.contains("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"));
    let (ok, graphml, _) = dossier(&["relations", seeds, "--format", "graphml"]);
    assert!(ok && graphml.contains("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"));
    let (ok, _, err) = dossier(&["relations", "/no/such/folder", "--format", "jsonl"]);
    assert!(!ok && err.contains("/no/such/folder"), "{err}");
}

#[test]
fn a_projects_corrections_apply() {
    let dir = common::tempdir();
    let mut project = Project {
        corpus_folder: Some(common::seeds_dir()),
        ..Project::default()
    };
    let mut o = ActorOverride::new(ActorId("org:fskn".into()), Timestamp::from_unix(0));
    o.name = "Russian drug service".into();
    project.actors.overrides.insert(o.id.clone(), o);
    let path = dir.path().join("p.dossier.json");
    io::save(&project, &path).expect("save");
    // The corpus (the bundled seeds) is outside the project's folder: the command line reads
    // it only when told to.
    let (ok, out, err) = dossier(&[
        "actors",
        path.to_str().expect("path"),
        "--allow-outside-corpus",
    ]);
    assert!(ok, "{err}");
    assert!(
        out.lines()
            .any(|l| l.contains("\"id\":\"org:fskn\"") && l.contains("Russian drug service"))
    );
}
