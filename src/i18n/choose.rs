//! Which language to speak: `--lang`, then `PORTCHECK_LANG`, then the
//! locale as GNU gettext reads it, then (Windows, macOS) the UI language.
//! A pure function over the inputs ([`choose`]), so the rules are tested
//! on a table; [`from_process`] feeds it this process's.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use super::Lang;

/// The environment variables the choice reads; None when unset.
#[derive(Clone, Debug, Default)]
pub(crate) struct Env {
    pub(crate) portcheck_lang: Option<String>,
    pub(crate) lc_all: Option<String>,
    pub(crate) lc_messages: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) language: Option<String>,
}

impl Env {
    /// This process's variables (one not in Unicode counts as unset).
    pub(crate) fn from_process() -> Env {
        let var = |name| std::env::var(name).ok();
        Env {
            portcheck_lang: var("PORTCHECK_LANG"),
            lc_all: var("LC_ALL"),
            lc_messages: var("LC_MESSAGES"),
            lang: var("LANG"),
            language: var("LANGUAGE"),
        }
    }
}

/// The language for this process, given `--lang`'s value.
pub(crate) fn from_process(flag: Option<&str>) -> Lang {
    choose(flag, &Env::from_process(), super::ui::language().as_deref())
}

/// The language: `flag` (`--lang`) beats `PORTCHECK_LANG`, which beats
/// the locale. The locale is the first non-empty of `LC_ALL`,
/// `LC_MESSAGES`, `LANG`; none, `C` or `POSIX` (any codeset) gives
/// English and `LANGUAGE` is ignored, as is a codeset other than UTF-8
/// (the output is UTF-8). Otherwise a non-empty `LANGUAGE` (`ko:en`) is
/// tried in order and alone, as gettext does (`en` in it gives English),
/// else the locale's language. Without any locale variable, `ui` (the
/// Windows or macOS UI language) decides. Tags are negotiated
/// (`ko_KR.UTF-8`, `ko-KR`, `ko` are Korean); what matches no language is
/// English.
pub(crate) fn choose(flag: Option<&str>, env: &Env, ui: Option<&str>) -> Lang {
    if let Some(tag) = flag.filter(|s| !s.is_empty()).or(set(&env.portcheck_lang)) {
        return first_known([tag]);
    }
    let locale = set(&env.lc_all).or(set(&env.lc_messages)).or(set(&env.lang));
    let Some(locale) = locale else {
        return first_known(ui);
    };
    let (name, codeset) = split(locale);
    let utf8 =
        codeset.is_none_or(|c| c.eq_ignore_ascii_case("utf-8") || c.eq_ignore_ascii_case("utf8"));
    if matches!(name, "C" | "POSIX") || !utf8 {
        return Lang::En;
    }
    match set(&env.language) {
        Some(list) => first_known(list.split(':')),
        None => first_known([locale]),
    }
}

/// A variable's value, when it is set and not empty.
fn set(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

/// `ll_CC.codeset@modifier` → (`ll_CC`, the codeset).
fn split(locale: &str) -> (&str, Option<&str>) {
    let locale = locale.split('@').next().unwrap_or(locale);
    match locale.split_once('.') {
        Some((name, codeset)) => (name, Some(codeset)),
        None => (locale, None),
    }
}

/// The first of `tags` that negotiates to a language portcheck has;
/// English when none does.
fn first_known<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
    tags.into_iter().find_map(known).unwrap_or(Lang::En)
}

/// The language `tag` (`ko_KR.UTF-8`, `ko-KR`, `ko`) negotiates to.
fn known(tag: &str) -> Option<Lang> {
    let (name, _) = split(tag.trim());
    let requested: LanguageIdentifier = name.replace('_', "-").parse().ok()?;
    let available: Vec<LanguageIdentifier> =
        Lang::ALL.iter().filter_map(|l| l.tag().parse().ok()).collect();
    let chosen =
        negotiate_languages(&[requested], &available, None, NegotiationStrategy::Filtering);
    let first = chosen.first()?;
    Lang::ALL.into_iter().find(|l| first.language.as_str() == l.tag())
}
