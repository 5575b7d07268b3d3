//! (filled below)

use super::*;

#[test]
fn debug_kind() {
    let lex = Lexicon::get();
    eprintln!(
        "future {:?} past {:?}",
        lex.lang("es").future_endings,
        lex.lang("es").past_endings
    );
    let t = "El Gobierno destinará 120 millones de soles al programa.";
    let ctx = ArticleContext::of(t, None);
    eprintln!("lang {}", ctx.lang_at(0).0.code);
    eprintln!("{:?}", extract(t));
}
