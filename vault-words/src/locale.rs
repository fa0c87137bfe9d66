//! The languages: fifteen for the pages that people without an account see (upload links
//! and their receipt, personal spaces, share links, the dead-link page), four of them right
//! to left; French and English for the rest. Their words are Fluent messages in
//! `locales/<tag>/*.ftl`, embedded at build time; plurals and placeables are Fluent's. A
//! message missing from a catalogue falls back to French (the association's language),
//! never to its id.
//!
//! The choice: `?lang=` first, then the `vault_link_lang` cookie (set when a person picks a
//! language), then `Accept-Language` (negotiated by `fluent-langneg`), else French.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use unic_langid::LanguageIdentifier;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        // Names are isolated with <bdi> by the pages themselves (see `Locale::isolate`);
        // Fluent's own isolation marks would only be invisible noise in the text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The cookie that keeps a person's choice for the link pages.
pub const COOKIE: &str = "vault_link_lang";

/// A language of the link pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Français (the default).
    Fr,
    /// English.
    En,
    /// Arabic.
    Ar,
    /// Dari (Afghan Persian).
    FaAf,
    /// Pashto.
    Ps,
    /// Urdu.
    Ur,
    /// Bengali.
    Bn,
    /// Turkish.
    Tr,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
    /// Georgian.
    Ka,
    /// Albanian.
    Sq,
    /// Tigrinya.
    Ti,
    /// Somali.
    So,
    /// Spanish.
    Es,
    /// A pseudo-language for tests (`?lang=en-XA`, debug builds only): the English words,
    /// every letter accented and every message in ⟦ ⟧, so that a word that escaped the
    /// catalogues stands out on any page. Not in [`Locale::ALL`] nor in the picker.
    Pseudo,
}

/// A value for a message's variable.
pub type Arg<'a> = (&'static str, FluentValue<'a>);

static IDS: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
    Locale::ALL
        .iter()
        .map(|l| l.tag().parse().expect("the tags above are valid"))
        .collect()
});

impl Locale {
    /// Every language, in the order of the picker.
    pub const ALL: [Locale; 15] = [
        Locale::Fr,
        Locale::En,
        Locale::Ar,
        Locale::FaAf,
        Locale::Ps,
        Locale::Ur,
        Locale::Bn,
        Locale::Tr,
        Locale::Ru,
        Locale::Uk,
        Locale::Ka,
        Locale::Sq,
        Locale::Ti,
        Locale::So,
        Locale::Es,
    ];

    /// The BCP 47 tag, as in `<html lang>` and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
            Locale::Ar => "ar",
            Locale::FaAf => "fa-AF",
            Locale::Ps => "ps",
            Locale::Ur => "ur",
            Locale::Bn => "bn",
            Locale::Tr => "tr",
            Locale::Ru => "ru",
            Locale::Uk => "uk",
            Locale::Ka => "ka",
            Locale::Sq => "sq",
            Locale::Ti => "ti",
            Locale::So => "so",
            Locale::Es => "es",
            Locale::Pseudo => "en-XA",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        // The pseudo-language takes the English words, and transforms them.
        let me = if self == Locale::Pseudo {
            Locale::En
        } else {
            self
        };
        let i = Locale::ALL.iter().position(|l| *l == me).unwrap_or(0);
        &IDS[i]
    }

    /// Written right to left.
    pub fn rtl(self) -> bool {
        matches!(self, Locale::Ar | Locale::FaAf | Locale::Ps | Locale::Ur)
    }

    /// `rtl` or `ltr`, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language whose tag is `tag` exactly (any case).
    pub fn parse(tag: &str) -> Option<Locale> {
        if cfg!(debug_assertions) && tag.trim().eq_ignore_ascii_case("en-XA") {
            return Some(Locale::Pseudo);
        }
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The best of ours for a list of wanted tags, in order of preference: `fa` and `prs`
    /// find Dari, `en-GB` English. None when nothing matches.
    fn negotiate(wanted: Vec<LanguageIdentifier>) -> Option<Locale> {
        let dari: LanguageIdentifier = "fa-AF".parse().ok()?;
        let wanted: Vec<LanguageIdentifier> = wanted
            .into_iter()
            .map(|t| {
                if t.language.as_str() == "prs" {
                    dari.clone()
                } else {
                    t
                }
            })
            .collect();
        let found = fluent_langneg::negotiate_languages(
            &wanted,
            IDS.as_slice(),
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        let first = found.first()?;
        Locale::ALL.into_iter().find(|l| l.id() == *first)
    }

    /// `?lang=`, then the cookie, then `Accept-Language`, else French.
    pub fn choose(query: Option<&str>, cookie: Option<&str>, accept: Option<&str>) -> Locale {
        if let Some(l) = query.and_then(Locale::parse) {
            return l;
        }
        if let Some(l) = cookie.and_then(Locale::parse) {
            return l;
        }
        Locale::negotiate(fluent_langneg::accepted_languages::parse(
            accept.unwrap_or(""),
        ))
        .unwrap_or(Locale::Fr)
    }

    /// The message `id` (French when this catalogue lacks it; the id itself, logged, when
    /// no catalogue has it: a test makes sure that never happens).
    pub fn say(self, id: &str) -> String {
        self.say_with(id, &[])
    }

    /// The message `id` with its variables.
    pub fn say_with(self, id: &str, args: &[Arg<'_>]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| match (self, v) {
                // The pseudo-language leaves the values (names, dates) as they are.
                (Locale::Pseudo, FluentValue::String(text)) => (
                    Cow::Borrowed(*k),
                    FluentValue::from(format!("{KEEP}{text}{KEPT}")),
                ),
                _ => (Cow::Borrowed(*k), v.clone()),
            })
            .collect();
        match LOCALES.try_lookup_with_args(self.id(), id, &map) {
            Some(text) if self == Locale::Pseudo => pseudo(&text),
            Some(text) => text,
            None => {
                tracing::error!(
                    id,
                    lang = self.tag(),
                    "a message is missing from every catalogue"
                );
                id.to_owned()
            }
        }
    }

    /// Whether this catalogue itself (not its fallback) has `id` (a message whose
    /// variables were not given still exists).
    pub fn has(self, id: &str) -> bool {
        match LOCALES.lookup_single_language::<&str>(self.id(), id, None) {
            Ok(_) => true,
            // fluent-templates does not export its error type: a message that exists but
            // lacked its variables is the one error that says "Fluent errors".
            Err(e) => e.to_string().starts_with("Fluent errors"),
        }
    }

    /// The words for an action of the log: message `{prefix}-document-read` for
    /// `document.read`, or `{prefix}-other` with its code for one that no catalogue names
    /// (an action a newer version added).
    pub fn say_action(self, prefix: &str, wire: &str, args: &[Arg<'_>]) -> String {
        let id = format!("{prefix}-{}", wire.replace(['.', '_'], "-"));
        if Locale::Fr.has(&id) {
            self.say_with(&id, args)
        } else {
            self.say_with(
                &format!("{prefix}-other"),
                &[("code", wire.to_owned().into())],
            )
        }
    }

    /// A kind of document: "pièce d'identité", "appeal".
    pub fn kind(self, kind: vault_core::DocumentKind) -> String {
        self.say(match kind {
            vault_core::DocumentKind::Identity => "kind-identity",
            vault_core::DocumentKind::Appeal => "kind-appeal",
            vault_core::DocumentKind::Evidence => "kind-evidence",
            vault_core::DocumentKind::Other => "kind-other",
        })
    }

    /// A size as people read it: `1,5 Mo`, `1.5 MB`, `300 bytes` (Western digits in every
    /// language, as the catalogues are written).
    pub fn size(self, bytes: u64) -> String {
        const UNITS: [(&str, f64); 3] = [
            ("size-gb", 1024.0 * 1024.0 * 1024.0),
            ("size-mb", 1024.0 * 1024.0),
            ("size-kb", 1024.0),
        ];
        for (id, unit) in UNITS {
            if bytes as f64 >= unit {
                let mark = match self {
                    // A number is data for the pseudo-language: left as English writes it.
                    Locale::Pseudo => ".".to_owned(),
                    _ => self.say("decimal-mark"),
                };
                let n = format!("{:.1}", bytes as f64 / unit).replace('.', &mark);
                return self.say_with(id, &[("n", n.into())]);
            }
        }
        self.say_with("size-bytes", &[("n", bytes.to_string().into())])
    }

    /// A moment in Paris time (the association's desks), in this language's words.
    pub fn when(self, secs: u64) -> String {
        let Some(at) = paris(secs) else {
            return secs.to_string();
        };
        self.say_with(
            "date-time",
            &[
                ("day", i64::from(at.day()).into()),
                ("month", self.say(&format!("month-{}", at.month())).into()),
                ("year", at.year().to_string().into()),
                ("time", self.time_of(&at).into()),
            ],
        )
    }

    /// The day of a moment in Paris time ("1er décembre 2026").
    pub fn day(self, secs: u64) -> String {
        let Some(at) = paris(secs) else {
            return secs.to_string();
        };
        self.say_with(
            "date-only",
            &[
                ("day", i64::from(at.day()).into()),
                ("month", self.say(&format!("month-{}", at.month())).into()),
                ("year", at.year().to_string().into()),
            ],
        )
    }

    /// The time of day of a moment in Paris time ("19 h 37").
    pub fn time(self, secs: u64) -> String {
        paris(secs).map_or_else(|| secs.to_string(), |at| self.time_of(&at))
    }

    fn time_of(self, at: &jiff::ZonedDateTime) -> String {
        self.say_with(
            "time-of-day",
            &[
                ("hour", at.hour().to_string().into()),
                ("minute", format!("{:02}", at.minute()).into()),
            ],
        )
    }
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn a_typed_day_ends_at_midnight_in_paris() {
        // 30 June 2027 ends at 1 July 00:00 in Paris, 22:00 UTC (summer time).
        let end = super::end_of_paris_day("2027-06-30").unwrap();
        assert_eq!(end, 1_814_392_800);
        assert_eq!(super::paris_date(end - 1), "2027-06-30");
        assert_eq!(super::paris_date(end), "2027-07-01");
        assert!(super::end_of_paris_day("30/06/2027").is_none());
        assert!(super::end_of_paris_day("2027-02-30").is_none());
    }
}

/// How many days from `from` to `to` on the Paris calendar: 0 the same day, 1 the next
/// (a link made at 15 h for 7 days expires "in 7 days", whatever the hour).
pub fn days_between(from: u64, to: u64) -> i64 {
    let day = |secs: u64| {
        let offset = paris(secs).map_or(0, |at| i64::from(at.offset().seconds()));
        (secs as i64 + offset).div_euclid(86_400)
    };
    day(to) - day(from)
}

/// A moment at the association's desks (Paris time).
/// A moment's date on the Paris calendar, `2026-12-01`: the form a date is typed in.
pub fn paris_date(secs: u64) -> String {
    paris(secs).map_or_else(|| secs.to_string(), |at| at.date().to_string())
}

/// The end of a day typed as `YYYY-MM-DD` on the Paris calendar: the first second of the
/// next day (a case kept "until 30 June" is kept through that day). `None` for a date
/// that does not read.
pub fn end_of_paris_day(date: &str) -> Option<u64> {
    let day: jiff::civil::Date = date.trim().parse().ok()?;
    let next = day.tomorrow().ok()?;
    let at = next
        .to_datetime(jiff::civil::Time::midnight())
        .in_tz("Europe/Paris")
        .ok()?;
    u64::try_from(at.timestamp().as_second()).ok()
}

fn paris(secs: u64) -> Option<jiff::ZonedDateTime> {
    jiff::Timestamp::from_second(secs as i64)
        .ok()?
        .in_tz("Europe/Paris")
        .ok()
}

/// Around a value that the pseudo-language keeps as it is.
const KEEP: char = '\u{E000}';
const KEPT: char = '\u{E001}';

/// The pseudo-language's form of an English text: letters accented, the whole in ⟦ ⟧,
/// values between KEEP and KEPT untouched. Written by hand: it is a test device, and no
/// crate does this.
fn pseudo(text: &str) -> String {
    const ACCENTED: &str = "áƀçďéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýž";
    let mut out = String::with_capacity(text.len() * 2 + 6);
    out.push('⟦');
    let mut kept = false;
    for c in text.chars() {
        match c {
            KEEP => kept = true,
            KEPT => kept = false,
            'a'..='z' if !kept => out.extend(ACCENTED.chars().nth(c as usize - 'a' as usize)),
            'A'..='Z' if !kept => out.extend(
                ACCENTED
                    .chars()
                    .nth(c as usize - 'A' as usize)
                    .into_iter()
                    .flat_map(char::to_uppercase),
            ),
            c => out.push(c),
        }
    }
    out.push('⟧');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> Locale {
        Locale::choose(None, None, Some(value))
    }

    #[test]
    fn the_choice_is_query_then_cookie_then_browser_then_french() {
        assert_eq!(accept("ar-SA,ar;q=0.9"), Locale::Ar);
        assert_eq!(accept("fa-AF"), Locale::FaAf);
        assert_eq!(accept("fa"), Locale::FaAf, "Persian finds Dari");
        assert_eq!(accept("prs"), Locale::FaAf);
        assert_eq!(accept("de-DE,ru;q=0.8"), Locale::Ru, "the first we have");
        assert_eq!(accept("en-GB"), Locale::En);
        assert_eq!(accept("de"), Locale::Fr);
        assert_eq!(accept(""), Locale::Fr);
        let choose = |q| Locale::choose(q, Some("ti"), Some("ar"));
        assert_eq!(choose(None), Locale::Ti, "the cookie beats the browser");
        assert_eq!(choose(Some("uk")), Locale::Uk, "the query beats both");
        assert_eq!(choose(Some("xx")), Locale::Ti);
    }

    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    /// Each catalogue file and the languages that have it.
    const FILES: &[(&str, &[&str])] = &[
        (
            "links.ftl",
            &[
                "fr", "en", "ar", "fa-AF", "ps", "ur", "bn", "tr", "ru", "uk", "ka", "sq", "ti",
                "so", "es",
            ],
        ),
        ("errors.ftl", &["fr", "en"]),
        ("desk.ftl", &["fr", "en"]),
        ("web.ftl", &["fr", "en"]),
        ("api.ftl", &["fr", "en"]),
        ("cli.ftl", &["fr", "en"]),
    ];

    /// Every variable a pattern refers to, in its selectors and variants too.
    fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline_variables(i, out),
        }
    }

    fn inline_variables(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, out)
            }
            _ => {}
        }
    }

    /// A catalogue's messages and their variables; it must parse without error.
    fn messages(tag: &str, file: &str) -> BTreeMap<String, BTreeSet<String>> {
        let path = format!("{}/locales/{tag}/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
        let mut out = BTreeMap::new();
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables(p, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_owned(), vars).is_none(),
                    "{tag}: {} twice",
                    m.id.name
                );
            }
        }
        out
    }

    /// Every catalogue parses and has every message of the English one, with no variable
    /// that the English one lacks (a translation may leave a detail out); the link pages'
    /// in all fifteen languages, the others in French and English.
    #[test]
    fn every_catalogue_has_every_message_with_known_variables() {
        for (file, tags) in FILES {
            let en = messages("en", file);
            assert!(en.len() > 10, "{file}");
            for tag in *tags {
                let theirs = messages(tag, file);
                let missing: Vec<&String> =
                    en.keys().filter(|id| !theirs.contains_key(*id)).collect();
                let extra: Vec<&String> =
                    theirs.keys().filter(|id| !en.contains_key(*id)).collect();
                assert!(
                    missing.is_empty() && extra.is_empty(),
                    "{tag}/{file}: missing {missing:?}, extra {extra:?}"
                );
                for (id, vars) in &en {
                    assert!(
                        theirs[id].is_subset(vars),
                        "{tag}/{file}: {id} has other variables: {:?}",
                        theirs[id]
                    );
                }
            }
        }
        // And the programs ask only for messages that exist: every string literal of the
        // server, the CLI and this crate that is spelled like one of our ids.
        let all: BTreeSet<String> = FILES
            .iter()
            .flat_map(|(f, _)| messages("en", f).into_keys())
            .collect();
        let prefixes: BTreeSet<&str> = all.iter().filter_map(|id| id.split('-').next()).collect();
        let mut checked = 0;
        for dir in [
            "../vault-server/src",
            "../vault-server/src/api",
            "../vault-server/src/links",
            "../vault-server/src/web",
            "../vault-cli/src",
            "src",
        ] {
            let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
            for file in std::fs::read_dir(dir).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let code = std::fs::read_to_string(&path).unwrap();
                // A literal given to `say`, `say_with` or `word`, the id of `said` (the
                // API's messages all start with `api-`), or a match arm's value.
                let markers = ["say(\"", "say_with(\"", "word(l, \"", "=> \"", "\"api-"];
                for marker in markers {
                    for piece in code.split(marker).skip(1) {
                        let rest = piece.split('"').next().unwrap_or("");
                        let literal = if marker == "\"api-" {
                            format!("api-{rest}")
                        } else {
                            rest.to_owned()
                        };
                        let looks_like_id = literal.contains('-')
                            && !literal.ends_with('-')
                            && literal
                                .bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                            && prefixes.contains(literal.split('-').next().unwrap_or(""));
                        if looks_like_id {
                            checked += 1;
                            assert!(
                                all.contains(&literal),
                                "{}: the code asks for {literal}, which no catalogue has",
                                path.display()
                            );
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "{checked} ids found in the code");
    }

    #[test]
    fn the_pseudo_language_accents_words_and_keeps_values() {
        let l = Locale::parse("en-XA").unwrap();
        assert_eq!(l, Locale::Pseudo);
        assert!(!Locale::ALL.contains(&l));
        assert_eq!(l.say("send"), "⟦Šéñď⟧");
        let text = l.say_with(
            "share-expires",
            &[("when", "3 March".into()), ("days", 2.into())],
        );
        assert_eq!(text, "⟦Ţĥíš ĺíñķ éẋþíŕéš óñ 3 March (íñ 2 ďáýš).⟧");
    }

    #[test]
    fn four_languages_are_right_to_left() {
        let rtl: Vec<&str> = Locale::ALL
            .iter()
            .filter(|l| l.rtl())
            .map(|l| l.tag())
            .collect();
        assert_eq!(rtl, ["ar", "fa-AF", "ps", "ur"]);
    }

    #[test]
    fn plurals_sizes_and_paris_time_come_from_the_catalogues() {
        let fr = Locale::Fr;
        assert_eq!(
            fr.say_with("share-downloads-left", &[("count", 1.into())]),
            "Un téléchargement restant (tous documents confondus)."
        );
        assert_eq!(
            Locale::En.say_with("share-downloads-left", &[("count", 3.into())]),
            "3 downloads left (all documents together)."
        );
        assert_eq!(fr.size(1536), "1,5 Ko");
        assert_eq!(Locale::En.size(300), "300 bytes");
        // 2026-07-01 12:00 UTC is 14:00 in Paris (summer time); 2026-01-15 12:00 is 13:00.
        // The first of the month is "1er" in French (issue 16).
        assert_eq!(fr.when(1_782_907_200), "1er juillet 2026 à 14 h 00");
        assert_eq!(fr.day(1_782_907_200), "1er juillet 2026");
        assert_eq!(fr.day(1_782_907_200 + 86_400), "2 juillet 2026");
        assert_eq!(fr.time(1_782_907_200), "14 h 00");
        assert_eq!(Locale::En.day(1_782_907_200), "1 July 2026");
        // Calendar days in Paris: 2026-07-01 23:30 to 2026-07-02 00:30 (Paris) is one day.
        let late = 1_782_941_400; // 2026-07-01 21:30 UTC, 23:30 in Paris
        assert_eq!(days_between(late, late + 3600), 1);
        assert_eq!(days_between(late - 3600 * 8, late), 0);
        assert_eq!(days_between(1_782_907_200, 1_782_907_200 + 7 * 86_400), 7);
        assert_eq!(Locale::En.when(1_768_478_400), "15 January 2026, 13:00");
        // Summer time 2026, from jiff's tz database: 29 March 01:00 UTC to 25 October
        // 01:00 UTC.
        let start = 1_774_746_000; // 2026-03-29 01:00:00 UTC
        assert_eq!(Locale::En.when(start - 60), "29 March 2026, 1:59");
        assert_eq!(Locale::En.when(start), "29 March 2026, 3:00");
        let end = 1_792_890_000; // 2026-10-25 01:00:00 UTC
        assert_eq!(Locale::En.when(end - 60), "25 October 2026, 2:59");
        assert_eq!(Locale::En.when(end), "25 October 2026, 2:00");
        for l in Locale::ALL {
            assert!(l.has("language-name"), "{}", l.tag());
            assert!(
                l.has("share-expires"),
                "{}: a message with variables",
                l.tag()
            );
            assert!(!l.has("no-such-message"));
        }
        assert!(
            !Locale::Ar.has("error-disk-full"),
            "errors are in French and English"
        );
    }
}
