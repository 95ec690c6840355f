//! The little Markdown newsls writes (hover cards, explanations), as plain text: for clients that
//! show hovers as plain text and for the terminal.

/// `markdown` without its markup: `**bold**` and `_italic_` marks, `<link>` brackets, hard line
/// breaks ("  \n"), and `---` rules between sections (a blank line stays). Only what newsls
/// itself writes, not Markdown in general: an underscore inside a word ("snake_case") stays.
pub fn plain_text(markdown: &str) -> String {
    let lines: Vec<String> = markdown
        .split('\n')
        .filter(|line| line.trim() != "---")
        .map(|line| plain_line(line.trim_end_matches(' ')))
        .collect();
    let mut text = lines.join("\n");
    // A rule between two blank lines leaves three breaks in a row.
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text
}

fn plain_line(line: &str) -> String {
    let mut line = line.replace("**", "");
    if let Some(inner) = line.strip_prefix('_').and_then(|l| l.strip_suffix('_')) {
        line = inner.to_string();
    }
    if let Some(inner) = line.strip_prefix('<').and_then(|l| l.strip_suffix('>'))
        && !inner.contains(' ')
    {
        line = inner.to_string();
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_the_words_stay() {
        let markdown = "**Community of Latin American and Caribbean States** (CELAC)  \n_Comunidad de Estados · Comunidade_  \nsnake_case stays  \n<https://celac.example>\n\n---\n\n**No attribution**  \nClaim: prediction";
        assert_eq!(
            plain_text(markdown),
            "Community of Latin American and Caribbean States (CELAC)\nComunidad de Estados · Comunidade\nsnake_case stays\nhttps://celac.example\n\nNo attribution\nClaim: prediction"
        );
    }
}
