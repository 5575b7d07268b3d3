//! The tabs of the lower pane, and the panels around the reader that can be hidden.

/// A panel around the reader that the View menu shows and hides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SidePanel {
    /// The library, left.
    Library,
    /// The codebook and passage inspector, right.
    Codebook,
    /// The tabs below the reader.
    Lower,
    /// The coding stripes beside the reader's text (hidden until asked for).
    Stripes,
}

impl SidePanel {
    pub const ALL: [SidePanel; 4] = [
        SidePanel::Library,
        SidePanel::Codebook,
        SidePanel::Lower,
        SidePanel::Stripes,
    ];
}

/// One tab of the lower pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tab {
    Passages,
    Figures,
    Plot,
    Search,
    Matrix,
    Cooccurrence,
    Frequency,
    Retrieval,
    Queries,
    Agreement,
    Orphans,
    Actors,
    Relations,
    Network,
}

impl Tab {
    /// Every tab, in the order the tab bar shows them.
    pub const ALL: &'static [Tab] = &[
        Tab::Passages,
        Tab::Search,
        Tab::Figures,
        Tab::Plot,
        Tab::Matrix,
        Tab::Cooccurrence,
        Tab::Frequency,
        Tab::Retrieval,
        Tab::Queries,
        Tab::Agreement,
        Tab::Orphans,
        Tab::Actors,
        Tab::Relations,
        Tab::Network,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Passages => "Passages",
            Tab::Figures => "Figures",
            Tab::Plot => "Plot",
            Tab::Search => "Search",
            Tab::Matrix => "Themes × articles",
            Tab::Cooccurrence => "Co-occurrence",
            Tab::Frequency => "Frequency",
            Tab::Retrieval => "Retrieval",
            Tab::Queries => "Queries",
            Tab::Agreement => "Agreement",
            Tab::Orphans => "Orphans",
            Tab::Actors => "Actors",
            Tab::Relations => "Relations",
            Tab::Network => "Network",
        }
    }

    /// The height the lower panel grows to while this tab shows (as far as the window allows
    /// with the reader at its minimum): the graph, the agreement tables, the relations with
    /// their figures by pair and the matrices under their upright headers cannot be read in a
    /// strip.
    pub fn min_height(self) -> f32 {
        match self {
            Tab::Network | Tab::Agreement => 480.0,
            Tab::Relations => 400.0,
            // Their headers are article titles written upwards: rows need room below them.
            Tab::Matrix | Tab::Cooccurrence => 360.0,
            Tab::Passages
            | Tab::Figures
            | Tab::Plot
            | Tab::Search
            | Tab::Frequency
            | Tab::Retrieval
            | Tab::Queries
            | Tab::Orphans
            | Tab::Actors => 80.0,
        }
    }
}
