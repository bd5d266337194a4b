fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let profile = folio::Profile::jekyll();
    let request = folio::Request { source_map: true, ..folio::Request::new(&profile) };
    let a = folio::render_with(&text, &request);
    for b in &a.body_blocks { println!("{}-{} {:?}", b.start_line, b.end_line, &b.html[..b.html.len().min(60)]); }
}
