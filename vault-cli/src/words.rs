//! The command's words: vault-words' catalogues (`cli.ftl` for its own), each message in
//! French then in English, as the command has always printed them.

use vault_words::Arg;

/// A message of the catalogues, in French then English.
pub fn say(id: &str) -> String {
    say_with(id, &[])
}

/// A message with its variables, in French then English.
pub fn say_with(id: &str, args: &[Arg<'_>]) -> String {
    vault_words::both(|l| l.say_with(id, args))
}
