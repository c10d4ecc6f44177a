fn main() {
    // The static "loading" text in index.html is for the seconds before the
    // wasm arrives on a slow link; the app replaces it.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(bawaba::App);
}
