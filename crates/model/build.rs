//! The governorate boundaries (data/governorates.geojson, see data/SOURCES.md)
//! as a Rust table, so neither the portal's wasm nor the CLI parses GeoJSON
//! at run time: each ring as [lon, lat] pairs in 1/10,000 degree (the data
//! is rounded to 4 decimals, so nothing is lost) east and north of 34.2° E,
//! 31.2° N, which fits the Strip in two bytes a number.

use std::fmt::Write;

fn main() {
    let path = "data/governorates.geojson";
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).expect("data/governorates.geojson");
    let geo: serde_json::Value = serde_json::from_str(&text).expect("governorates.geojson is JSON");
    let mut out = String::from(
        "/// (area slug, outer ring as (lon, lat) in 1e-4 degree from `ORIGIN`), north to south.\npub const BOUNDARIES: &[(&str, &[(u16, u16)])] = &[\n",
    );
    for f in geo["features"].as_array().expect("features") {
        let slug = f["properties"]["slug"].as_str().expect("slug");
        assert_eq!(f["geometry"]["type"], "Polygon", "{slug}: one polygon each");
        let outer = &f["geometry"]["coordinates"][0];
        let _ = write!(out, "    ({slug:?}, &[");
        for pt in outer.as_array().expect("ring") {
            let e4 = |v: &serde_json::Value, origin: i32| {
                let units = (v.as_f64().expect("number") * 10_000.0).round() as i32 - origin;
                u16::try_from(units).expect("within 6.5 degrees east and north of the origin")
            };
            let _ = write!(out, "({}, {}), ", e4(&pt[0], 342_000), e4(&pt[1], 312_000));
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("governorates.rs");
    std::fs::write(dest, out).expect("write governorates.rs");
}
