//! (filled below)

use super::*;
