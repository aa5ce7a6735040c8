fn main() {
    let rules = pressroom::load::rules::Rules::new(&Default::default(), &[]);
    for arg in std::env::args().skip(1) {
        let path = std::path::Path::new(&arg);
        match pressroom::load::load_file(&arg, path, &rules) {
            Ok(doc) => println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default()),
            Err(d) => println!("{d}"),
        }
    }
}
