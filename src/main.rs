use wasm_bindgen::JsCast;

fn main() {
    let doc = leptos::prelude::document();
    // #boot holds either "loading" text, which goes now, or the overview as
    // published (a snapshot), which stays in view until the app has drawn
    // its own data (bawaba::take_over). A widget never shows a snapshot.
    let boot = doc.get_element_by_id("boot");
    let keep = boot.as_ref().is_some_and(|b| b.class_name() == "snapshot") && bawaba::route::Route::current().embed.is_none();
    if let (Some(b), false) = (boot, keep) {
        b.remove();
    }
    // index.html always has #app: mounting to the body instead would put
    // the app after the snapshot and the noscript text.
    let app: web_sys::HtmlElement = doc.get_element_by_id("app").expect("index.html has #app").unchecked_into();
    app.set_hidden(keep);
    leptos::mount::mount_to(app, bawaba::App).forget();
}
