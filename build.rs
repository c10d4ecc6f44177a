//! The portal's wasm keeps its relocations: tools/split.mjs (wasm-split-cli)
//! needs them to move the views opened on purpose into parts of their own
//! (src/components/part.rs). Only the portal's binary: the QR and bulletin
//! modules go to wasm-opt as they are, which cannot read them.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
