//! Validation of REFI-QDA files against the published QDA-XML 1.0 schemas (`assets/refi/`,
//! built into the binary). The schemas use a small part of XML Schema — named complex types
//! made of `sequence` and `choice` of elements with `minOccurs`/`maxOccurs`, attributes with
//! `use="required"`, and simple types restricting `xsd:token` by a pattern or an enumeration —
//! and this module interprets exactly that part, so it reads the schema files themselves
//! rather than a hand-made copy of their rules. Every problem names the element and its line.
//!
//! Why not xmllint: it is not on a user's machine, and the app must say what is wrong in the
//! file it is importing. `tests/refi_import.rs` checks that this validator and xmllint judge
//! the test files alike (an ignored test that `.ci/run` runs with xmllint installed).

use std::collections::BTreeMap;

use roxmltree::{Document, Node};

const XSD: &str = "http://www.w3.org/2001/XMLSchema";
/// The problems reported for one file; past this many the list says how many more there were.
const MAX_PROBLEMS: usize = 50;

/// Line numbers for byte offsets of a text (1-based).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    pub fn line(&self, byte: usize) -> usize {
        self.starts.partition_point(|s| *s <= byte)
    }
}

#[derive(Clone, Debug)]
enum Particle {
    Element {
        name: String,
        ty: String,
        min: u32,
        max: Option<u32>,
    },
    Group {
        choice: bool,
        items: Vec<Particle>,
        min: u32,
        max: Option<u32>,
    },
}

#[derive(Clone, Debug)]
struct Attribute {
    name: String,
    ty: String,
    required: bool,
}

#[derive(Clone, Debug, Default)]
struct ComplexType {
    content: Option<Particle>,
    attributes: Vec<Attribute>,
}

#[derive(Debug)]
enum SimpleType {
    Pattern(regex::Regex),
    Enumeration(Vec<String>),
}

/// A schema read from an `.xsd` file.
#[derive(Debug, Default)]
pub struct Schema {
    namespace: String,
    roots: BTreeMap<String, String>,
    complex: BTreeMap<String, ComplexType>,
    simple: BTreeMap<String, SimpleType>,
}

/// The QDA-XML project schema (`.qde` inside a `.qdpx`).
pub fn project_schema() -> Schema {
    Schema::parse(include_str!("../../assets/refi/Project.xsd")).unwrap_or_default()
}

/// The QDA-XML codebook schema (`.qdc`).
pub fn codebook_schema() -> Schema {
    Schema::parse(include_str!("../../assets/refi/Codebook.xsd")).unwrap_or_default()
}

fn occurs(node: Node, name: &str) -> Option<u32> {
    match node.attribute(name) {
        Some("unbounded") => None,
        Some(n) => n.parse().ok(),
        None => Some(1),
    }
}

fn xsd_children<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(|c| c.is_element() && c.tag_name().namespace() == Some(XSD))
}

impl Schema {
    /// Read the subset of XML Schema described in the module documentation.
    pub fn parse(xsd: &str) -> Result<Self, String> {
        let doc = Document::parse(xsd).map_err(|e| e.to_string())?;
        let root = doc.root_element();
        let mut schema = Self {
            namespace: root.attribute("targetNamespace").unwrap_or("").to_owned(),
            ..Self::default()
        };
        for node in xsd_children(root) {
            let name = node.attribute("name").unwrap_or("").to_owned();
            match node.tag_name().name() {
                "element" => {
                    let ty = node.attribute("type").unwrap_or("xsd:string").to_owned();
                    schema.roots.insert(name, ty);
                }
                "complexType" => {
                    schema.complex.insert(name, complex_type(node));
                }
                "simpleType" => {
                    if let Some(t) = simple_type(node)? {
                        schema.simple.insert(name, t);
                    }
                }
                _ => {}
            }
        }
        Ok(schema)
    }
}

fn particle(node: Node) -> Option<Particle> {
    let (min, max) = (
        occurs(node, "minOccurs").unwrap_or(1),
        occurs(node, "maxOccurs"),
    );
    match node.tag_name().name() {
        "element" => Some(Particle::Element {
            name: node.attribute("name")?.to_owned(),
            ty: node.attribute("type").unwrap_or("xsd:string").to_owned(),
            min,
            max,
        }),
        kind @ ("sequence" | "choice") => Some(Particle::Group {
            choice: kind == "choice",
            items: xsd_children(node).filter_map(particle).collect(),
            min,
            max,
        }),
        _ => None,
    }
}

fn complex_type(node: Node) -> ComplexType {
    let mut t = ComplexType::default();
    for child in xsd_children(node) {
        match child.tag_name().name() {
            "attribute" => t.attributes.push(Attribute {
                name: child.attribute("name").unwrap_or("").to_owned(),
                ty: child.attribute("type").unwrap_or("xsd:string").to_owned(),
                required: child.attribute("use") == Some("required"),
            }),
            _ => t.content = t.content.or_else(|| particle(child)),
        }
    }
    t
}

fn simple_type(node: Node) -> Result<Option<SimpleType>, String> {
    let Some(restriction) = xsd_children(node).find(|c| c.has_tag_name((XSD, "restriction")))
    else {
        return Ok(None);
    };
    let facets: Vec<Node> = xsd_children(restriction).collect();
    if let Some(p) = facets.iter().find(|f| f.has_tag_name((XSD, "pattern"))) {
        let pattern = format!("^(?:{})$", p.attribute("value").unwrap_or(""));
        let re = regex::Regex::new(&pattern).map_err(|e| e.to_string())?;
        return Ok(Some(SimpleType::Pattern(re)));
    }
    let values: Vec<String> = facets
        .iter()
        .filter(|f| f.has_tag_name((XSD, "enumeration")))
        .filter_map(|f| f.attribute("value").map(str::to_owned))
        .collect();
    Ok((!values.is_empty()).then_some(SimpleType::Enumeration(values)))
}

/// Checks a value against a built-in XML Schema type; `Err` says what was expected.
fn builtin(ty: &str, value: &str) -> Result<(), &'static str> {
    let v = value.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match ty {
        "xsd:boolean" => matches!(v, "true" | "false" | "1" | "0"),
        "xsd:integer" => digits(v.strip_prefix(['-', '+']).unwrap_or(v)),
        "xsd:decimal" => {
            let v = v.strip_prefix(['-', '+']).unwrap_or(v);
            let (a, b) = v.split_once('.').unwrap_or((v, ""));
            (digits(a) || a.is_empty())
                && (digits(b) || b.is_empty())
                && !(a.is_empty() && b.is_empty())
        }
        "xsd:date" => {
            v.len() >= 10
                && crate::project::Timestamp(format!("{}T00:00:00Z", &v[..10.min(v.len())]))
                    .is_valid()
        }
        "xsd:dateTime" => crate::project::Timestamp(with_zone(v)).is_valid(),
        _ => true,
    };
    if ok {
        return Ok(());
    }
    Err(match ty {
        "xsd:boolean" => "true or false",
        "xsd:integer" => "a whole number",
        "xsd:decimal" => "a decimal number",
        "xsd:date" => "a date like 2019-03-18",
        _ => "a date and time like 2019-03-18T10:00:00Z",
    })
}

/// XML Schema allows a date-time without a zone; RFC 3339 does not.
fn with_zone(v: &str) -> String {
    let has_zone = v.ends_with(['Z', 'z']) || v.get(19..).is_some_and(|t| t.contains(['+', '-']));
    if has_zone {
        v.to_owned()
    } else {
        format!("{v}Z")
    }
}

struct Validator<'s> {
    schema: &'s Schema,
    lines: LineIndex,
    problems: Vec<String>,
    more: usize,
}

impl Validator<'_> {
    fn report(&mut self, node: Node, what: String) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        let line = self.lines.line(node.range().start);
        self.problems
            .push(format!("line {line}: <{}> {what}", node.tag_name().name()));
    }

    fn value(&mut self, node: Node, ty: &str, value: &str, what: &str) {
        let problem = match self.schema.simple.get(ty) {
            Some(SimpleType::Pattern(re)) if !re.is_match(value.trim()) => {
                Some(format!("is not a valid {}", ty.trim_end_matches("Type")))
            }
            Some(SimpleType::Enumeration(list)) if !list.iter().any(|v| v == value.trim()) => {
                Some(format!("is not one of {}", list.join(", ")))
            }
            Some(_) => None,
            None => builtin(ty, value)
                .err()
                .map(|want| format!("should be {want}")),
        };
        if let Some(p) = problem {
            self.report(node, format!("{what} “{value}” {p}"));
        }
    }

    fn element(&mut self, node: Node, ty: &str) {
        let Some(t) = self.schema.complex.get(ty) else {
            if let Some(child) = node.children().find(Node::is_element) {
                self.report(
                    child,
                    format!("is not allowed inside <{}>", node.tag_name().name()),
                );
            }
            let text: String = node.children().filter_map(|c| c.text()).collect();
            self.value(node, ty, &text, "the text");
            return;
        };
        for a in &t.attributes {
            match node.attribute(a.name.as_str()) {
                Some(v) => self.value(node, &a.ty, v, &format!("attribute {}", a.name)),
                None if a.required => {
                    self.report(node, format!("lacks the required attribute {}", a.name))
                }
                None => {}
            }
        }
        for a in node.attributes() {
            if a.namespace().is_none() && !t.attributes.iter().any(|d| d.name == a.name()) {
                self.report(
                    node,
                    format!("has an attribute the schema does not define: {}", a.name()),
                );
            }
        }
        let children: Vec<Node> = node.children().filter(Node::is_element).collect();
        for c in node.children().filter(Node::is_text) {
            if c.text().is_some_and(|s| !s.trim().is_empty()) {
                self.report(
                    node,
                    "has text where the schema allows only elements".into(),
                );
                break;
            }
        }
        let mut at = 0;
        let mut assigned = Vec::new();
        if let Some(p) = &t.content
            && let Err(missing) = matches(p, &children, &mut at, &mut assigned)
        {
            let whom = children.get(at).copied().unwrap_or(node);
            self.report(
                whom,
                format!(
                    "found where <{missing}> is required in <{}>",
                    node.tag_name().name()
                ),
            );
            return;
        }
        if let Some(extra) = children.get(at) {
            self.report(
                *extra,
                format!(
                    "is not allowed here in <{}> (wrong name or order)",
                    node.tag_name().name()
                ),
            );
            return;
        }
        for (child, ty) in children.iter().zip(assigned) {
            self.check_namespace(*child);
            self.element(*child, &ty);
        }
    }

    fn check_namespace(&mut self, node: Node) {
        if node.tag_name().namespace() != Some(self.schema.namespace.as_str()) {
            self.report(
                node,
                format!("is not in the namespace {}", self.schema.namespace),
            );
        }
    }
}

/// The first element names a particle can start with.
fn starts_with(p: &Particle, name: &str) -> bool {
    match p {
        Particle::Element { name: n, .. } => n == name,
        Particle::Group {
            choice: true,
            items,
            ..
        } => items.iter().any(|i| starts_with(i, name)),
        Particle::Group {
            choice: false,
            items,
            ..
        } => {
            for i in items {
                if starts_with(i, name) {
                    return true;
                }
                if !nullable(i) {
                    return false;
                }
            }
            false
        }
    }
}

/// Can the particle match no elements at all?
fn nullable(p: &Particle) -> bool {
    match p {
        Particle::Element { min, .. } => *min == 0,
        Particle::Group { min: 0, .. } => true,
        Particle::Group { choice, items, .. } => {
            if *choice {
                items.iter().any(nullable)
            } else {
                items.iter().all(nullable)
            }
        }
    }
}

/// Match `p` greedily against `children[*at..]` (the QDA-XML content models are deterministic,
/// so greedy matching is exact). Each matched child's type is pushed to `assigned`. On failure,
/// the name of the element that was required.
fn matches(
    p: &Particle,
    children: &[Node],
    at: &mut usize,
    assigned: &mut Vec<String>,
) -> Result<(), String> {
    match p {
        Particle::Element { name, ty, min, max } => {
            let mut n = 0;
            while max.is_none_or(|m| n < m)
                && children
                    .get(*at)
                    .is_some_and(|c| c.tag_name().name() == name)
            {
                assigned.push(ty.clone());
                *at += 1;
                n += 1;
            }
            if n < *min { Err(name.clone()) } else { Ok(()) }
        }
        Particle::Group {
            choice,
            items,
            min,
            max,
        } => {
            let mut n = 0;
            while max.is_none_or(|m| n < m) {
                let Some(next) = children.get(*at) else { break };
                let name = next.tag_name().name();
                let before = *at;
                if *choice {
                    let Some(item) = items.iter().find(|i| starts_with(i, name)) else {
                        break;
                    };
                    matches(item, children, at, assigned)?;
                } else {
                    if !starts_with(p, name) {
                        break;
                    }
                    for item in items {
                        matches(item, children, at, assigned)?;
                    }
                }
                n += 1;
                if *at == before {
                    break;
                }
            }
            let body_empty = if *choice {
                items.iter().any(nullable)
            } else {
                items.iter().all(nullable)
            };
            if n < *min && !body_empty {
                let first = items.first().map_or_else(String::new, |i| match i {
                    Particle::Element { name, .. } => name.clone(),
                    Particle::Group { .. } => "one of its elements".into(),
                });
                return Err(first);
            }
            Ok(())
        }
    }
}

/// The deepest nesting of elements the importer accepts (real files nest codes a few levels).
pub const MAX_DEPTH: usize = 256;

/// How deeply elements nest, counted up to just past `MAX_DEPTH` (without recursion, so a
/// hostile file cannot exhaust the stack).
pub fn depth(doc: &Document) -> usize {
    let mut stack = vec![(doc.root_element(), 1)];
    let mut max = 0;
    while let Some((node, d)) = stack.pop() {
        max = max.max(d);
        if max > MAX_DEPTH {
            break;
        }
        stack.extend(node.children().filter(Node::is_element).map(|c| (c, d + 1)));
    }
    max
}

/// Validate a parsed document; each problem names the element and its line. The list is empty
/// when the document follows the schema.
pub fn validate(schema: &Schema, doc: &Document, text: &str) -> Vec<String> {
    let mut v = Validator {
        schema,
        lines: LineIndex::new(text),
        problems: Vec::new(),
        more: 0,
    };
    let root = doc.root_element();
    match schema.roots.get(root.tag_name().name()) {
        Some(ty) => {
            v.check_namespace(root);
            v.element(root, ty);
        }
        None => {
            let names: Vec<&str> = schema.roots.keys().map(String::as_str).collect();
            v.report(
                root,
                format!(
                    "is not a root element this schema defines ({})",
                    names.join(", ")
                ),
            );
        }
    }
    if v.more > 0 {
        v.problems.push(format!("… and {} more problem(s)", v.more));
    }
    v.problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(schema: &Schema, xml: &str) -> Vec<String> {
        let doc = Document::parse(xml).expect("well-formed");
        validate(schema, &doc, xml)
    }

    #[test]
    fn the_schemas_are_read() {
        let p = project_schema();
        assert_eq!(p.namespace, "urn:QDA-XML:project:1.0");
        assert!(p.roots.contains_key("Project"));
        assert!(p.complex.contains_key("PlainTextSelectionType"));
        assert!(matches!(
            p.simple.get("GUIDType"),
            Some(SimpleType::Pattern(_))
        ));
        assert!(codebook_schema().roots.contains_key("CodeBook"));
    }

    #[test]
    fn problems_name_the_element_and_line() {
        let p = project_schema();
        let ok = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><Users><User guid=\"{8a1f3e2b-1111-4a4a-8b8b-000000000001}\"/></Users></Project>";
        assert!(check(&p, ok).is_empty(), "{:?}", check(&p, ok));
        let bad = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n<Sources/>\n</Project>";
        let problems = check(&p, bad);
        assert_eq!(
            problems,
            vec!["line 2: <Sources> found where <TextSource> is required in <Sources>".to_owned()]
        );
        let order = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n<Sources><TextSource guid=\"8a1f3e2b-1111-4a4a-8b8b-000000000001\"/></Sources>\n<Users><User guid=\"nope\"/></Users></Project>";
        assert_eq!(
            check(&p, order),
            vec![
                "line 3: <Users> is not allowed here in <Project> (wrong name or order)".to_owned()
            ]
        );
        let guid = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n<Users>\n<User guid=\"nope\"/></Users></Project>";
        assert_eq!(
            check(&p, guid),
            vec!["line 3: <User> attribute guid “nope” is not a valid GUID".to_owned()]
        );
        let missing = "<Project xmlns=\"urn:QDA-XML:project:1.0\"/>";
        assert_eq!(
            check(&p, missing),
            vec!["line 1: <Project> lacks the required attribute name".to_owned()]
        );
    }
}
