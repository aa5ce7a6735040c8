//! schema.org data for search engines, as JSON inside a `<script>` element.

use super::context::{event_path, SiteContext};
use crate::crosslink::Event;
use serde_json::{json, Value};

/// JSON for a `<script>` element: no '<', '>' or '&' that could end it early.
pub fn script_safe_json(value: &Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// An event page's schema.org `Event`: its name, address, days (where they have a year)
/// and place.
pub fn event_json_ld(site: &SiteContext, event: &Event) -> String {
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.name,
        "url": site.permalink(&event_path(event)),
    });
    let day = |d: Option<crate::load::PartialDate>| d.filter(|d| d.year.is_some()).map(|d| d.iso());
    if let Some(start) = day(event.start) {
        ld["startDate"] = json!(start);
    }
    if let Some(end) = day(event.end) {
        ld["endDate"] = json!(end);
    }
    if let Some(place) = &event.place {
        ld["location"] = json!({ "@type": "Place", "name": place });
    }
    script_safe_json(&ld)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_sources_cannot_end_the_script_element() {
        let value = json!({ "name": "Summit </script><script>alert(1)</script> & more" });
        let safe = script_safe_json(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, value);
    }
}
