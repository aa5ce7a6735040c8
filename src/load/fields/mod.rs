//! The document's fields, one module each: what the classified lines say the title,
//! date, place, publisher, kind, people and quotes are, each with its evidence.

pub mod dateline;
pub mod people;
pub mod quotes;
pub mod transcript;
