//! The window's frame cost without the renderer (issue 16): the whole app run headless in an
//! egui_kittest harness, one frame per iteration, while the reader scrolls, selects text and
//! is hovered. Three projects: a 5 MB article with 10,000 passages, the same with 100,000, and
//! the seeds. Run: `cargo bench --bench reader`. Results: docs/performance.md.
//!
//! The harness keeps AccessKit on (its queries need it) and the window does not (eframe turns
//! it on only when a screen reader asks), so each frame here also pays for the AccessKit tree:
//! these numbers are an upper bound on the app's share of a frame. Tessellation (turning shapes
//! into triangles, done on the CPU before the renderer) is measured apart, as `tessellate`.
//!
//! The group "window frame" runs the same app and the same input as the window runs it: one
//! `egui::Context::run_ui` per frame, AccessKit off, no harness. Note that the harness runs one
//! frame per queued event: its scroll is two frames (move, wheel) and its select three.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::app::{DossierApp, StartOptions};
use dossier::corpus::{LoadOptions, load_folder};
use dossier::project::io;
use eframe::App as _;
use egui::{
    Event, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2, RawInput, Rect,
    TouchPhase,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

/// A folder `dir/corpus` holding one article of `bytes` bytes, and `dir/p.dossier` with
/// `passages` passages on it.
fn long_article_project(dir: &Path, bytes: usize, passages: usize) -> PathBuf {
    let corpus_dir = dir.join("corpus");
    std::fs::create_dir_all(&corpus_dir).expect("mkdir");
    std::fs::write(corpus_dir.join("long.txt"), common::long_text(bytes)).expect("write");
    let corpus = load_folder(
        &corpus_dir,
        &LoadOptions::default(),
        &mut |_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )
    .expect("loads")
    .0;
    let path = dir.join("p.dossier");
    let mut project = common::project_with_passages(&corpus, passages);
    io::set_corpus_folder(&mut project, &path, &corpus_dir);
    io::save(&project, &path).expect("save");
    path
}

fn open(path: PathBuf, data_dir: PathBuf) -> Harness<'static, DossierApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            DossierApp::new(
                cc,
                StartOptions {
                    path: Some(path),
                    no_native_dialogs: true,
                    data_dir: Some(data_dir),
                    max_file_bytes: None,
                    ..Default::default()
                },
            )
        });
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        harness.run_ok();
        if harness.state().is_idle() || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.run_ok();
    harness
}

fn wheel(dy: f32) -> Event {
    Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    }
}

fn button(pos: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

/// Scroll, select, hover and an idle frame in the reader of `harness`.
fn frames(c: &mut Criterion, name: &str, harness: &mut Harness<'static, DossierApp>) {
    let text = harness.get_by_label("Article text").rect();
    let view = text.intersect(harness.ctx.content_rect());
    let at = |fx: f32, fy: f32| {
        Pos2::new(
            view.left() + view.width() * fx,
            view.top() + view.height() * fy,
        )
    };
    let mut group = c.benchmark_group(format!("reader frame, {name}"));
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("idle", |b| b.iter(|| harness.step()));
    let mut down = true;
    group.bench_function("scroll", |b| {
        b.iter(|| {
            // Down a screen's worth, then back up, so the view never runs out of text.
            harness.hover_at(at(0.5, 0.5));
            harness.event(wheel(if down { -120.0 } else { 120.0 }));
            down = !down;
            harness.step();
        });
    });
    let mut i = 0u32;
    group.bench_function("hover", |b| {
        b.iter(|| {
            i = i.wrapping_add(1);
            harness.hover_at(at(
                0.1 + 0.08 * (i % 10) as f32,
                0.2 + 0.06 * (i % 10) as f32,
            ));
            harness.step();
        });
    });
    // A drag across three lines: press, move, release (three frames per iteration).
    group.bench_function("select (press, drag, release)", |b| {
        b.iter(|| {
            harness.event(button(at(0.2, 0.3), true));
            harness.step();
            harness.hover_at(at(0.6, 0.4));
            harness.step();
            harness.event(button(at(0.6, 0.4), false));
            harness.step();
        });
    });
    group.bench_function("tessellate", |b| {
        let shapes = harness.output().shapes.clone();
        let ppp = harness.ctx.pixels_per_point();
        b.iter(|| black_box(harness.ctx.tessellate(shapes.clone(), ppp)));
    });
    group.finish();
    window_frames(c, name, harness, at);
}

/// The app run as the window runs it, one frame for each input: AccessKit off (as in eframe
/// until a screen reader asks), no harness.
struct Window {
    frame: eframe::Frame,
    time: f64,
}

impl Window {
    fn frame(&mut self, harness: &mut Harness<'static, DossierApp>, events: Vec<Event>) {
        let ctx = harness.ctx.clone();
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(1280.0, 800.0))),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let app = harness.state_mut();
        let frame = &mut self.frame;
        let output = ctx.run_ui(input, |ui| {
            app.logic(ui, frame);
            app.ui(ui, frame);
        });
        black_box(output);
    }
}

/// Idle, scroll, hover and select frames of the window (see [`Window`]); `at` places the
/// pointer in the reader's text, as a fraction of its visible width and height.
fn window_frames(
    c: &mut Criterion,
    name: &str,
    harness: &mut Harness<'static, DossierApp>,
    at: impl Fn(f32, f32) -> Pos2,
) {
    harness.ctx.disable_accesskit();
    let mut window = Window {
        frame: eframe::Frame::_new_kittest(),
        time: 1_000.0,
    };
    let mut group = c.benchmark_group(format!("window frame, {name}"));
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    // Settle first: the first frames without AccessKit lay out again.
    for _ in 0..3 {
        window.frame(harness, Vec::new());
    }
    group.bench_function("idle", |b| b.iter(|| window.frame(harness, Vec::new())));
    let mut down = true;
    group.bench_function("scroll", |b| {
        b.iter(|| {
            let dy = if down { -120.0 } else { 120.0 };
            down = !down;
            window.frame(harness, vec![Event::PointerMoved(at(0.5, 0.5)), wheel(dy)]);
        });
    });
    let mut i = 0u32;
    group.bench_function("hover", |b| {
        b.iter(|| {
            i = i.wrapping_add(1);
            let pos = at(0.1 + 0.08 * (i % 10) as f32, 0.2 + 0.06 * (i % 10) as f32);
            window.frame(harness, vec![Event::PointerMoved(pos)]);
        });
    });
    group.bench_function("select (press, drag, release)", |b| {
        b.iter(|| {
            window.frame(harness, vec![button(at(0.2, 0.3), true)]);
            window.frame(harness, vec![Event::PointerMoved(at(0.6, 0.4))]);
            window.frame(harness, vec![button(at(0.6, 0.4), false)]);
        });
    });
    group.finish();
    harness.ctx.enable_accesskit();
}

fn benches(c: &mut Criterion) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let data = tempfile::tempdir().expect("tempdir");
    let mut harness = open(seeds, data.path().to_owned());
    frames(c, "seeds", &mut harness);
    drop(harness);
    for passages in [10_000, 100_000] {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = long_article_project(dir.path(), 5 * 1024 * 1024, passages);
        let mut harness = open(path, data.path().to_owned());
        frames(
            c,
            &format!("5 MB article, {passages} passages"),
            &mut harness,
        );
    }
}

criterion_group!(reader, benches);
criterion_main!(reader);
