//! Entry point of the own-data page (data.html): paste or choose a table, map its columns, rank it.

fn main() {
    chiso::start_data_page();
}
