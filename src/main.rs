//! Entry point of the explorer page (index.html): mounts the chiso app into `#chiso-root` (or the
//! body when the host page has none).

fn main() {
    chiso::start_app();
}
