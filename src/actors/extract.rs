//! Finding the mentions of actors and the relation cues in one article: the gazetteer's names
//! (longest match first), people and organisations by rule (see [`super::names`]), acronyms
//! defined in the text ("Federal Service for Drug Control (FSKN)"), people named again by
//! surname, and who each person speaks for.

use std::collections::BTreeMap;

use super::coref::{acronyms, coverage, short_forms, surnames};
use super::lexicon::{Direction, Lexicon, Role, lexicon};
use super::names::affiliate;
use super::words::{ALL_CAPS, LETTERS, SPACE_BEFORE, Tokens, tokenize};
use super::{ActorId, ActorInfo, ActorKind, Mention, MentionRole, sentences};
use crate::corpus::{Article, ArticleId, Corpus, TextIndex};

/// A relation cue found in a sentence ("signed", "joint operation").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Code point offsets.
    pub start: usize,
    pub end: usize,
    /// The cue's type from `assets/gazetteer/cues.tsv` ("training", "sale").
    pub kind: String,
    pub direction: Direction,
}

/// What one article yields: its sentences, mentions, cues and what it says about each actor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleActors {
    /// Code point ranges of the sentences, in order.
    pub sentences: Vec<(usize, usize)>,
    /// In text order, not overlapping.
    pub mentions: Vec<Mention>,
    pub cues: Vec<Cue>,
    pub infos: BTreeMap<ActorId, ActorInfo>,
    /// The year of the article's dateline, where it has one.
    pub year: Option<i32>,
}

/// A mention while the article is read: token range and what it says.
#[derive(Clone, Debug)]
pub(crate) struct Span {
    pub i: usize,
    pub j: usize,
    pub actor: ActorId,
    pub role: MentionRole,
    pub kind: ActorKind,
    pub name: String,
    pub country: Option<String>,
    pub org: Option<ActorId>,
    pub weak: bool,
    /// An organisation named only with generic words ("Armed Forces"): its canonical name
    /// ("armed-forces"); its id takes its country.
    pub generic: Option<String>,
}

/// The text, its tokens and facts about it, for the rules.
pub(crate) struct Ctx<'t> {
    pub text: &'t str,
    pub toks: Tokens,
    pub lex: &'static Lexicon,
    pub spanish: bool,
    pub caps_runs: Vec<bool>,
    /// Tokens on a line in title case (a headline).
    pub title_lines: Vec<bool>,
    /// Each token's entry in the lexicon's word table, and its cue (by prefix too).
    pub words: Vec<Option<u32>>,
    pub cue_of: Vec<Option<u16>>,
    /// Capitalised words outside headlines, built when a headline needs them.
    pub body_words: std::cell::OnceCell<std::collections::HashSet<String>>,
}

/// Extract the actors of an article.
pub fn extract_article(article: &Article) -> ArticleActors {
    extract_with_index(&article.text, &article.index)
}

/// Extract the actors of a text (already decoded).
pub fn extract(text: &str) -> ArticleActors {
    extract_with_index(text, &TextIndex::new(text))
}

fn extract_with_index(text: &str, index: &TextIndex) -> ArticleActors {
    let toks = tokenize(text);
    let lex = lexicon();
    let mut words = Vec::with_capacity(toks.len());
    let mut cue_of = Vec::with_capacity(toks.len());
    for k in 0..toks.len() {
        let t = toks.toks[k];
        if !t.is_word() || !t.is(LETTERS) {
            words.push(None);
            cue_of.push(None);
            continue;
        }
        let w = lex.word_index(toks.key(k));
        words.push(w);
        cue_of.push(match w {
            Some(_) => lex.word_info(w).cue,
            None => lex.cue_word(toks.key(k)),
        });
    }
    let ctx = Ctx {
        words,
        cue_of,
        text,
        spanish: is_spanish(&toks),
        caps_runs: caps_runs(&toks),
        title_lines: title_lines(&toks),
        body_words: std::cell::OnceCell::new(),
        toks,
        lex,
    };
    let sents = sentences(text);
    // Token range of each sentence, and the sentence of each token.
    let mut bounds = Vec::with_capacity(sents.len());
    let mut sentence_of = vec![u32::MAX; ctx.toks.len()];
    let mut k = 0;
    for (n, s) in sents.iter().enumerate() {
        while k < ctx.toks.len() && (ctx.toks.toks[k].start as usize) < s.start {
            k += 1;
        }
        let a = k;
        while k < ctx.toks.len() && (ctx.toks.toks[k].end as usize) <= s.end {
            sentence_of[k] = n as u32;
            k += 1;
        }
        bounds.push((a, k));
    }
    let mut spans = Vec::new();
    for &(a, b) in &bounds {
        scan(&ctx, a, b, &mut spans);
    }
    super::orgs::join_country_names(&ctx, &mut spans);
    super::orgs::companies(&ctx, &mut spans);
    super::people::more_people(&ctx, &mut spans);
    acronyms(&ctx, &mut spans, &sentence_of);
    short_forms(&ctx, &mut spans);
    surnames(&ctx, &mut spans);
    affiliate(&ctx, &mut spans, &sentence_of);
    let places = super::places::places(&ctx, &spans, &sentence_of);
    let mut drop = places.place.clone();
    super::places::generic_countries(&ctx, &mut spans, &places, &sentence_of, &mut drop);
    let spans: Vec<Span> = spans
        .into_iter()
        .zip(drop)
        .filter(|(s, d)| !d && !super::lists::is_not_actor(&s.actor))
        .map(|(s, _)| s)
        .collect();
    let cues = cues(&ctx, &spans, &bounds);
    finish(&ctx, index, &sents, spans, cues)
}

/// Read one sentence's tokens `a..b`, taking at each place the longest name found there.
fn scan(ctx: &Ctx, a: usize, b: usize, spans: &mut Vec<Span>) {
    let mut i = a;
    while i < b {
        let t = ctx.toks.toks[i];
        if !t.is_word() || !t.is(LETTERS) {
            i += 1;
            continue;
        }
        // "By Irina Volkova", "Reporting by …": the writers, before any other rule reads them.
        if let Some(end) = ctx.byline_at(i) {
            i = ctx.byline_names(end, &|_, _| true, spans).max(i + 1);
            continue;
        }
        if let Some(p) = ctx.titled_person(i, b) {
            i = p.j;
            spans.push(p);
            continue;
        }
        let gaz = ctx.gazetteer_span(i, b);
        // A rule's longer name beats the gazetteer's only when it goes on with a capitalised
        // word ("Nicaragua Dispatch"), not with "and the …".
        let gaz_end = gaz.as_ref().map(|g| g.j);
        let mut best = gaz;
        let rules = [
            ctx.named_person(i, b, spans.last().is_some_and(|s| s.j == i)),
            ctx.org_sequence(i, a, b),
            ctx.caps_body(i, b),
        ];
        for cand in rules.into_iter().flatten() {
            let beats_gazetteer =
                gaz_end.is_none_or(|g| ctx.toks.toks.get(g).is_some_and(|t| t.is_cap()));
            if best.as_ref().is_none_or(|s| cand.j > s.j) && beats_gazetteer {
                best = Some(cand);
            }
        }
        match best {
            Some(s) => {
                i = s.j;
                spans.push(s);
            }
            None => i += 1,
        }
    }
}

impl Ctx<'_> {
    /// What the word lists say about token `k`.
    pub(crate) fn word(&self, k: usize) -> &super::lexicon::WordInfo {
        self.lex.word_info(self.words.get(k).copied().flatten())
    }

    /// Does the word list flag token `k` so (`lexicon::GIVEN`, `STOP`, …)?
    pub(crate) fn flag(&self, k: usize, flag: u16) -> bool {
        self.word(k).flags & flag != 0
    }

    /// The longest gazetteer alias at token `i`: its length and alias index.
    pub(crate) fn gazetteer_len(&self, i: usize, end: usize) -> Option<(usize, u32)> {
        let first = self.toks.toks.get(i)?;
        if !first.is_word() {
            return None;
        }
        'alias: for &a in &self.word(i).aliases {
            let alias = &self.lex.aliases[a as usize];
            let n = alias.words.len();
            if i + n > end || (alias.spanish && !self.spanish) {
                continue;
            }
            for (k, w) in alias.words.iter().enumerate() {
                let t = self.toks.toks[i + k];
                if self.toks.key(i + k) != w.key {
                    continue 'alias;
                }
                if let Some(exact) = &w.exact {
                    if self.toks.text(self.text, i + k) != exact || self.caps_run(i + k) {
                        continue 'alias;
                    }
                } else if w.cap && !alias.any_case && !t.is(super::words::UPPER) {
                    continue 'alias;
                }
                if k > 0 && !t.is(SPACE_BEFORE) && w.key.chars().all(char::is_alphanumeric) {
                    // "Russia-Brazil" is two names; only punctuation joins without a space.
                    let prev_punct = !self.toks.toks[i + k - 1].is_word();
                    if !prev_punct {
                        continue 'alias;
                    }
                }
            }
            // "New Mexico", "Nueva Guinea": not the country.
            if n == 1 && alias.role != Role::Demonym && i > 0 {
                let prev = self.toks.key(i - 1);
                if matches!(prev, "new" | "nueva" | "nuevo") && self.toks.toks[i - 1].is_cap() {
                    continue;
                }
            }
            return Some((n, a));
        }
        None
    }

    fn gazetteer_span(&self, i: usize, end: usize) -> Option<Span> {
        let (n, a) = self.gazetteer_len(i, end)?;
        let alias = &self.lex.aliases[a as usize];
        let e = self.lex.entry(alias.entry)?;
        let role = match alias.role {
            Role::Name => MentionRole::Name,
            Role::Demonym => MentionRole::Demonym,
            Role::Capital => MentionRole::Capital,
            Role::Metonym => MentionRole::Metonym,
            Role::Acronym => MentionRole::Acronym,
        };
        Some(Span {
            i,
            j: i + n,
            actor: e.id.clone(),
            role,
            kind: e.kind,
            name: e.name.clone(),
            country: e.country.clone(),
            org: None,
            weak: false,
            generic: None,
        })
    }
}

/// The cues of each sentence, outside mentions.
fn cues(ctx: &Ctx, spans: &[Span], bounds: &[(usize, usize)]) -> Vec<(usize, usize, u16)> {
    let covered = coverage(spans, ctx.toks.len());
    let mut out = Vec::new();
    for &(a, b) in bounds {
        let mut k = a;
        'tok: while k < b {
            if covered[k] || !ctx.toks.toks[k].is(LETTERS) {
                k += 1;
                continue;
            }
            for (words, cue) in &ctx.word(k).cue_phrases {
                let n = words.len();
                if k + n <= b
                    && words.iter().enumerate().all(|(w, p)| {
                        let tk = ctx.toks.key(k + w);
                        match p.strip_suffix('*') {
                            Some(prefix) => tk.starts_with(prefix),
                            None => tk == p,
                        }
                    })
                {
                    out.push((k, k + n, *cue));
                    k += n;
                    continue 'tok;
                }
            }
            if let Some(cue) = ctx.cue_of[k] {
                out.push((k, k + 1, cue));
            }
            k += 1;
        }
    }
    out
}

/// Turn token ranges into code point offsets and collect what the article says of each actor.
fn finish(
    ctx: &Ctx,
    index: &TextIndex,
    sents: &[std::ops::Range<usize>],
    spans: Vec<Span>,
    cues: Vec<(usize, usize, u16)>,
) -> ArticleActors {
    let text = ctx.text;
    let chars = |tok_from: usize, tok_to: usize| -> Option<(usize, usize)> {
        let a = ctx.toks.toks.get(tok_from)?;
        let b = ctx.toks.toks.get(tok_to.checked_sub(1)?)?;
        Some((
            index.char_of(text, a.start as usize)?,
            index.char_of(text, b.end as usize)?,
        ))
    };
    let mut out = ArticleActors {
        year: super::dateline::article_year(text),
        ..ArticleActors::default()
    };
    out.sentences = sents
        .iter()
        .filter_map(|r| Some((index.char_of(text, r.start)?, index.char_of(text, r.end)?)))
        .collect();
    for s in spans {
        let Some((start, end)) = chars(s.i, s.j) else {
            continue;
        };
        let info = out
            .infos
            .entry(s.actor.clone())
            .or_insert_with(|| ActorInfo {
                name: s.name.clone(),
                kind: s.kind,
                country: None,
                org: None,
                weak: true,
            });
        info.weak &= s.weak;
        if info.country.is_none() {
            info.country = s.country.clone();
        }
        if info.org.is_none() {
            info.org = s.org.clone();
        }
        if s.role == MentionRole::Name && s.kind == ActorKind::Person && s.j - s.i > 1 {
            // The longest full name seen is the display name.
            if s.name.chars().count() > info.name.chars().count() {
                info.name = s.name.clone();
            }
        }
        out.mentions.push(Mention {
            start,
            end,
            text: ctx.phrase(s.i, s.j),
            actor: s.actor,
            role: s.role,
        });
    }
    for (a, b, cue) in cues {
        let (Some((start, end)), Some(t)) = (chars(a, b), ctx.lex.cue_types.get(cue as usize))
        else {
            continue;
        };
        out.cues.push(Cue {
            start,
            end,
            kind: t.name.clone(),
            direction: t.direction,
        });
    }
    out
}

/// Is the text Spanish? (Lower-case Spanish demonyms are read only then.)
fn is_spanish(toks: &Tokens) -> bool {
    let (mut es, mut en) = (0usize, 0usize);
    for k in 0..toks.len().min(20_000) {
        match toks.key(k) {
            "de" | "la" | "los" | "que" | "el" | "del" | "las" | "y" => es += 1,
            "the" | "of" | "and" | "to" => en += 1,
            _ => {}
        }
    }
    es > 2 * en + 3
}

/// Tokens on short lines (at most 40 tokens) whose words of four letters or more are all
/// capitalised, at least three of them: headlines.
fn title_lines(toks: &Tokens) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut start = 0;
    for k in 1..=toks.len() {
        if k < toks.len() && !toks.toks[k].is(super::words::LINE_START) {
            continue;
        }
        let line = start..k;
        if line.len() <= 40 {
            let mut long = 0;
            let mut title = true;
            for n in line.clone() {
                let t = toks.toks[n];
                if t.is_word() && toks.key(n).chars().count() >= 4 {
                    title &= t.is_cap();
                    long += 1;
                }
            }
            if title && long >= 3 {
                for o in &mut out[line] {
                    *o = true;
                }
            }
        }
        start = k;
    }
    out
}

/// Tokens inside stretches of three or more words in capitals (single capital letters, as in
/// "U.S.", go on a stretch without counting; brackets end it).
fn caps_runs(toks: &Tokens) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut run_start = None;
    let mut words = 0;
    for k in 0..=toks.len() {
        let t = toks.toks.get(k);
        let caps = t.is_some_and(|t| t.is(ALL_CAPS));
        let letter = t.is_some_and(|t| t.is_cap() && toks.key(k).chars().count() == 1);
        let punct = t.is_some_and(|t| !t.is_word()) && !matches!(toks.key(k), "(" | ")");
        if caps {
            run_start.get_or_insert(k);
            words += 1;
        } else if (punct || letter) && run_start.is_some() {
            continue;
        } else {
            if let Some(s) = run_start.take()
                && words >= 3
            {
                for o in out.iter_mut().take(k).skip(s) {
                    *o = true;
                }
            }
            words = 0;
        }
    }
    out
}

/// Extract the actors of every article, on `threads` threads; `progress` is called with the
/// number of articles done so far.
pub fn extract_corpus(
    corpus: &Corpus,
    threads: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> BTreeMap<ArticleId, ArticleActors> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let articles = corpus.articles();
    let mut results = Vec::new();
    std::thread::scope(|scope| {
        let work = || {
            let mut mine = Vec::new();
            while let Some(a) = articles.get(next.fetch_add(1, Ordering::Relaxed)) {
                mine.push((a.id.clone(), extract_article(a)));
                progress(done.fetch_add(1, Ordering::Relaxed) + 1);
            }
            mine
        };
        let handles: Vec<_> = (0..threads.max(1))
            .filter_map(|n| {
                std::thread::Builder::new()
                    .name(format!("dossier-actors-{n}"))
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        if handles.is_empty() {
            results.push(work());
        }
        for h in handles {
            if let Ok(r) = h.join() {
                results.push(r);
            }
        }
    });
    results.into_iter().flatten().collect()
}
