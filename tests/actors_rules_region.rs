//! The actor rules on texts of the region's own press: its agencies by name and acronym, people
//! named again by surname after a title, bodies in headers written in capitals, and cues whose
//! object or subject stops at a clause of its own.

use crate::actors_rules::run;

/// (start, end, text, actor id) of each mention of one text; offsets in code points.
fn spans(text: &str) -> Vec<(usize, usize, String, String)> {
    let (resolved, _) = run(&[text]);
    resolved
        .mentions
        .values()
        .flatten()
        .map(|m| (m.start, m.end, m.text.clone(), m.actor.0.clone()))
        .collect()
}

/// Code point span of the `n`th (1-based) occurrence of `needle` in `text`.
fn at(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let (byte, _) = text
        .match_indices(needle)
        .nth(n - 1)
        .unwrap_or_else(|| panic!("no occurrence {n} of {needle}"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Is there a mention of `actor` exactly at the `n`th occurrence of `needle`?
fn has_at(
    list: &[(usize, usize, String, String)],
    text: &str,
    needle: &str,
    n: usize,
    actor: &str,
) -> bool {
    let (s, e) = at(text, needle, n);
    list.iter().any(|m| m.0 == s && m.1 == e && m.3 == actor)
}

/// Unordered actor pairs of the relations of one text.
fn related(text: &str) -> Vec<(String, String)> {
    let (_, rels) = run(&[text]);
    rels.iter()
        .map(|r| {
            let (a, b) = (r.a.0.clone(), r.b.0.clone());
            if a < b { (a, b) } else { (b, a) }
        })
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a < b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

#[test]
fn the_regions_agencies_resolve_with_their_country() {
    let es = "La Semar y la Sedena informaron el lunes que la Dirandro de la policía peruana \
              recibirá apoyo de la Oficina Nacional Antidrogas (ONA) de Venezuela. Según la \
              Semar, los agentes de la ONA viajarán a Lima.";
    let m = spans(es);
    for (needle, n, actor) in [
        ("Semar", 1, "org:semar"),
        ("Sedena", 1, "org:sedena"),
        ("Dirandro", 1, "org:dirandro"),
        ("Oficina Nacional Antidrogas", 1, "org:ona"),
        ("ONA", 1, "org:ona"),
        ("Semar", 2, "org:semar"),
        ("ONA", 2, "org:ona"),
    ] {
        assert!(
            has_at(&m, es, needle, n, actor),
            "{needle} {n} → {actor} in {m:?}"
        );
    }
    let en = "The Narcotics Affairs Section (NAS) of the U.S. embassy in Quito funds training \
              for Ecuadorian police. NAS officials met Paraguay's SENAD on Monday.";
    let m = spans(en);
    assert!(
        has_at(&m, en, "Narcotics Affairs Section", 1, "org:nas"),
        "{m:?}"
    );
    assert!(has_at(&m, en, "NAS", 1, "org:nas"), "{m:?}");
    assert!(has_at(&m, en, "NAS", 2, "org:nas"), "{m:?}");
    assert!(has_at(&m, en, "SENAD", 1, "org:senad"), "{m:?}");
    let (resolved, _) = run(&[en]);
    let country = |id: &str| {
        resolved
            .actor(&dossier::actors::ActorId(id.into()))
            .and_then(|a| a.country.clone())
    };
    assert_eq!(country("org:nas").as_deref(), Some("US"));
    assert_eq!(country("org:senad").as_deref(), Some("PY"));
    // A mixed-case acronym is a name only as the gazetteer writes it: "semar" in lower case is
    // not the Mexican navy.
    let lower = "Los pescadores suelen semar las redes al amanecer en la costa de Sinaloa.";
    assert!(!spans(lower).iter().any(|m| m.3 == "org:semar"));
}

#[test]
fn a_titled_surname_is_the_person_named_in_full() {
    let text = "Colombian Defense Minister Luis Alberto Ramos met the ambassador on Monday. \
                Minister Ramos said the plan would start in May. Ramos left for Lima.";
    let m = spans(text);
    assert!(
        has_at(
            &m,
            text,
            "Luis Alberto Ramos",
            1,
            "person:luis-alberto-ramos"
        ),
        "{m:?}"
    );
    assert!(
        has_at(&m, text, "Ramos", 2, "person:luis-alberto-ramos"),
        "{m:?}"
    );
    assert!(
        has_at(&m, text, "Ramos", 3, "person:luis-alberto-ramos"),
        "{m:?}"
    );
    assert!(!m.iter().any(|x| x.3 == "person:ramos"), "{m:?}");
    // A surname that is also a common word at the start of a sentence is the word there.
    let text = "Analyst Mark Young spoke to reporters. Young officers protested, and young \
                recruits cheered. Later Young said the plan had failed.";
    let m = spans(text);
    assert!(has_at(&m, text, "Young", 3, "person:mark-young"), "{m:?}");
    let (s, _) = at(text, "Young officers", 1);
    assert!(!m.iter().any(|x| x.0 == s), "{m:?}");
    // A surname that is also a capital stays the country.
    let text = "Minister Ana Lima met officials in Brasilia. Lima has signed a deal with Russia.";
    let m = spans(text);
    assert!(has_at(&m, text, "Lima", 2, "PE"), "{m:?}");
}

#[test]
fn a_body_in_a_header_of_capitals_is_read() {
    let text = "MINISTERIO DE DEFENSA\nNOTA DE PRENSA\n\nLima, 3 de mayo de 2015. El Perú y \
                Chile firmaron un acuerdo de cooperación en el que el Ministerio de Defensa \
                del Perú participará con la Armada de Chile.";
    let m = spans(text);
    assert!(
        has_at(
            &m,
            text,
            "MINISTERIO DE DEFENSA",
            1,
            "org:ministry-of-defense-pe"
        ),
        "{m:?}"
    );
    let (s, e) = at(text, "NOTA DE PRENSA", 1);
    assert!(!m.iter().any(|x| x.0 < e && s < x.1), "{m:?}");
    // Capitals in a line that holds no body's name give no mention.
    let text = "ÚLTIMAS NOTICIAS DE LA SEMANA\n\nEl Perú y Chile firmaron un acuerdo.";
    let m = spans(text);
    let (_, e) = at(text, "SEMANA", 1);
    assert!(!m.iter().any(|x| x.0 < e), "{m:?}");
}

#[test]
fn a_cue_does_not_reach_into_a_clause_of_its_own() {
    let r = related(
        "Russia sold rifles to Peru, while Chile and Brazil held joint patrols on the border.",
    );
    assert!(r.contains(&pair("RU", "PE")), "{r:?}");
    assert!(r.contains(&pair("CL", "BR")), "{r:?}");
    assert!(
        !r.contains(&pair("RU", "CL")) && !r.contains(&pair("RU", "BR")),
        "{r:?}"
    );
    let r = related(
        "Peru and Bolivia have cooperated on drug control since 2010, when the European \
         Union began funding crop substitution.",
    );
    assert!(r.contains(&pair("PE", "BO")), "{r:?}");
    assert!(
        !r.iter().any(|p| p.0 == "org:eu" || p.1 == "org:eu"),
        "{r:?}"
    );
    // A pronoun is the subject of its own verb, not the list before it.
    let r = related(
        "Russia has sold tanks to Venezuela and Cuba, and in 2014 it signed an accord with \
         Nicaragua.",
    );
    assert!(
        r.contains(&pair("RU", "VE")) && r.contains(&pair("RU", "CU")),
        "{r:?}"
    );
    assert!(
        !r.contains(&pair("VE", "NI")) && !r.contains(&pair("CU", "NI")),
        "{r:?}"
    );
    // … and it stands for the subject before.
    assert!(r.contains(&pair("RU", "NI")), "{r:?}");
    // Signatories tie each other even when a later clause gives the plan an object.
    let r = related(
        "Colombia and Ecuador signed a plan under which the two countries will train officers \
         from Honduras.",
    );
    assert!(r.contains(&pair("CO", "EC")), "{r:?}");
    // Spanish forms of agreeing and signing.
    let r = related("Perú y Brasil acuerdan intensificar el control de la frontera.");
    assert!(r.contains(&pair("PE", "BR")), "{r:?}");
    let r = related("Bolivia y Rusia suscribieron el martes un convenio antidrogas.");
    assert!(r.contains(&pair("BO", "RU")), "{r:?}");
}

#[test]
fn the_reporter_of_speech_is_tied_to_no_one_it_names() {
    for text in [
        "El ministro Luis Ramírez destacó que Perú y Chile firmarán un acuerdo de cooperación \
         antidrogas.",
        "Minister John Carter recalled that Peru and Chile signed an accord in 2015.",
    ] {
        let r = related(text);
        assert!(r.contains(&pair("CL", "PE")), "{r:?}");
        assert!(
            !r.iter()
                .any(|p| p.0.starts_with("person:") || p.1.starts_with("person:")),
            "{r:?}"
        );
    }
    // A verb of saying without "that" is no report: the minister met his counterpart.
    let r = related("Minister John Carter met Chile's foreign minister, Ana Soto, in Lima.");
    assert!(
        r.contains(&pair("person:ana-soto", "person:john-carter")),
        "{r:?}"
    );
}

#[test]
fn a_body_named_in_an_apposition_only_qualifies_its_neighbour() {
    let r = related("Viktor Ivanov, the FSKN director, met Interior Minister Ana Soto in Lima.");
    assert!(
        r.contains(&pair("person:ana-soto", "person:viktor-ivanov")),
        "{r:?}"
    );
    assert!(!r.contains(&pair("org:fskn", "person:ana-soto")), "{r:?}");
    // A list is no apposition: every member stays the object.
    let r = related("Russia sold rifles to Peru, Bolivia and Chile, officials said.");
    for c in ["PE", "BO", "CL"] {
        assert!(r.contains(&pair("RU", c)), "{c} in {r:?}");
    }
}

#[test]
fn a_name_right_after_a_body_s_name_is_read() {
    let text = "The plan was signed by Assistant Secretary of State for International Narcotics \
                and Law Enforcement Affairs William R. Brownfield on Monday. Brownfield said \
                training starts in May.";
    let m = spans(text);
    assert!(
        has_at(
            &m,
            text,
            "William R. Brownfield",
            1,
            "person:william-r-brownfield"
        ),
        "{m:?}"
    );
    assert!(
        has_at(&m, text, "Brownfield", 2, "person:william-r-brownfield"),
        "{m:?}"
    );
    // Inside one longer name a given name still starts no person.
    let text = "The jets will be assembled in Sao Bernardo do Campo, officials said.";
    assert!(!spans(text).iter().any(|x| x.3.starts_with("person:")));
}

#[test]
fn spanish_joint_action_ties_its_subject() {
    let r = related("Brasil y Bolivia realizan patrullajes conjuntos en la frontera desde 2011.");
    assert!(r.contains(&pair("BO", "BR")), "{r:?}");
    let r = related("Perú y Colombia harán ejercicios conjuntos en el río Putumayo.");
    assert!(r.contains(&pair("CO", "PE")), "{r:?}");
}

#[test]
fn a_helper_named_after_with_is_tied_to_the_subject() {
    let r = related("Colombia has trained 11,000 police officers with U.S. support since 2013.");
    assert!(r.contains(&pair("CO", "US")), "{r:?}");
    // "with" before a mention that is the cue's object, not its subject, is the ordinary case.
    let r = related("Peru signed an agreement with Russia on Thursday.");
    assert_eq!(r, vec![pair("PE", "RU")]);
}
