//! Merging another analyst's project into this one.
