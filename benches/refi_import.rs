//! REFI-QDA import of generated `.qdpx` files in QualCoder's shape (one selection per coding,
//! BOM-prefixed sources): 100 sources of 50,000 characters and 20,000 or 40,000 selections.
//! Twice the selections should take about twice the time. Run: `cargo bench --bench
//! refi_import`. Results: docs/performance.md.
#![allow(
    clippy::print_stderr,
    reason = "a benchmark reports the sizes it measured"
)]

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::interop::refi_import::import_qdpx;
use dossier::project::Timestamp;

const SOURCES: usize = 100;
const LENGTH: usize = 50_000;

fn guid(kind: u32, n: usize) -> String {
    format!("{kind:08x}-0000-4000-8000-{n:012x}")
}

fn qdpx(selections: usize) -> Vec<u8> {
    let text: String = "Russia’s FSKN sent trainers to Managua. "
        .chars()
        .cycle()
        .take(LENGTH)
        .collect();
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"bench\" origin=\"QualCoder 4.0\">\n<Users><User guid=\"",
    );
    x.push_str(&guid(1, 1));
    x.push_str("\" name=\"analyst\"/></Users>\n<CodeBook><Codes>\n");
    for c in 0..12 {
        x.push_str(&format!(
            "<Code guid=\"{}\" name=\"code {c}\" isCodable=\"true\" color=\"#3D6CB3\"/>\n",
            guid(2, c)
        ));
    }
    x.push_str("</Codes></CodeBook>\n<Sources>\n");
    let per_source = selections / SOURCES;
    for s in 0..SOURCES {
        x.push_str(&format!("<TextSource guid=\"{}\" name=\"source {s}.txt\" plainTextPath=\"internal://{}.txt\">\n", guid(3, s), guid(3, s)));
        for i in 0..per_source {
            // Pairs of selections on the same span: two codings of one passage.
            let start = (i / 2) * (LENGTH / per_source * 2) % (LENGTH - 200);
            x.push_str(&format!(
                "<PlainTextSelection guid=\"{}\" name=\"q\" startPosition=\"{start}\" endPosition=\"{}\" creatingUser=\"{}\" creationDateTime=\"2026-11-11T09:01:00Z\">\n<Description>A note.</Description>\n<Coding guid=\"{}\" creatingUser=\"{}\"><CodeRef targetGUID=\"{}\"/></Coding>\n</PlainTextSelection>\n",
                guid(4, s * per_source + i), start + 120, guid(1, 1), guid(5, s * per_source + i), guid(1, 1), guid(2, i % 12)
            ));
        }
        x.push_str("</TextSource>\n");
    }
    x.push_str("</Sources>\n</Project>\n");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("project.qde", options).expect("entry");
    zip.write_all(x.as_bytes()).expect("write");
    for s in 0..SOURCES {
        zip.start_file(format!("sources/{}.txt", guid(3, s)), options)
            .expect("entry");
        zip.write_all(b"\xEF\xBB\xBF").expect("write");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("refi_import");
    group.sample_size(10);
    for selections in [20_000, 40_000] {
        let bytes = qdpx(selections);
        group.throughput(Throughput::Elements(selections as u64));
        group.bench_function(format!("{selections} selections, {SOURCES} sources"), |b| {
            b.iter(|| {
                import_qdpx(black_box(bytes.clone()), None, &Timestamp::from_unix(0))
                    .expect("imports")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
