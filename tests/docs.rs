//! docs/rules.md is generated from the rules' own documentation and must stay in step with it.

#[test]
fn rules_reference_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let expected = newsls::rules::reference_markdown();
    if std::env::var_os("NEWSLS_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == expected, "docs/rules.md is out of date: run `NEWSLS_UPDATE_DOCS=1 cargo test --test docs`");
}
