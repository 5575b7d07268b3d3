//! (filled below)

use super::*;

#[test]
fn debug_pounds() {
    for t in [
        "The Coast Guard offloaded more than 8,500 pounds of cocaine worth an estimated $140 million at Port Everglades on Thursday, officials said.",
        "They seized 8,500 pounds of cocaine.",
    ] {
        eprintln!("{:?}", figs(t));
    }
}
