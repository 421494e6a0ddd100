//! The reader's language: every sentence a person reads is a message of the
//! catalog (`locales/*.ftl`, Fluent), formatted through [`t!`] in the
//! current [`Lang`]. English is the source and the fallback.
//!
//! build.rs validates the catalogs and embeds one source string per
//! (message, language); a message is parsed into its language's bundle the
//! first time it is formatted, and no file is read at run time. Bundles do
//! not isolate placeables (Fluent's default wraps each in U+2068/U+2069,
//! which would land inside ports and command lines). docs/i18n.md says how
//! to add a language.

mod catalog;
pub(crate) mod choose;
mod kept;
mod ui;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[cfg(test)]
pub(crate) use choose::{Env, choose};
pub(crate) use kept::{Arg, Msg};

/// A language portcheck speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    Ko,
}

impl Lang {
    /// Every language, in the order of build.rs's `LANGS` (the catalog
    /// table's columns).
    pub(crate) const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language's tag, as `--lang` and `PORTCHECK_LANG` take it.
    pub(crate) fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The language of the process; English until [`set`].
static CURRENT: AtomicU8 = AtomicU8::new(Lang::En as u8);

thread_local! {
    /// A test's language on its own thread ([`scoped`]), so tests in
    /// parallel do not see each other's choice.
    static SCOPED: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Chooses the language of everything printed from now on (tests use
/// [`scoped`] instead: this one is the whole process's).
pub(crate) fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are formatted in.
pub(crate) fn current() -> Lang {
    SCOPED.with(Cell::get).unwrap_or_else(|| match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Ko,
        _ => Lang::En,
    })
}

/// Runs `f` with messages in `lang` on this thread only: tests, and
/// JSON's error `message`, said in English whatever the language.
pub(crate) fn scoped<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = SCOPED.with(|s| s.replace(Some(lang)));
    let out = f();
    SCOPED.with(|s| s.set(before));
    out
}

/// Formats a message of the catalog in the current language:
/// `t!("wait-free", label = ok, port = 5000)`. The id is a literal (the
/// catalog tests find every use by scanning the source); each `name =
/// value` sets the variable `$name` (a number or a string).
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),*],
        )
    };
}
pub(crate) use t;

/// A message of the catalog kept as data ([`Msg`]) for a report field:
/// `msg!("hint-flask", port = 5000)`. Text output says it in the reader's
/// language, JSON in English. Same id rules as [`t!`].
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}
pub(crate) use msg;

/// [`t!`]'s work: the message `id` in the current language, falling back
/// to English, and to the id itself if even English cannot format it (the
/// catalog tests keep that from happening).
pub(crate) fn text(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    text_in(current(), id, args)
}

/// The message `id` in `lang` (else English, else the id).
pub(crate) fn text_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fargs.set(*name, value.clone());
    }
    format(lang, id, &fargs)
        .or_else(|| format(Lang::En, id, &fargs))
        .unwrap_or_else(|| id.to_string())
}

/// Each language's bundle, created on first use and given each message
/// the first time that message is formatted.
static BUNDLES: [Mutex<Option<FluentBundle<FluentResource>>>; 2] =
    [const { Mutex::new(None) }; Lang::ALL.len()];

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = unic_langid::LanguageIdentifier::from_bytes(lang.tag().as_bytes()).unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle
}

/// `id` formatted in `lang`, or None when the language has no such
/// message, it does not parse, or a variable is missing.
fn format(lang: Lang, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let source = catalog::source(lang, id)?;
    let mut slot = BUNDLES[lang.index()].lock().unwrap_or_else(PoisonError::into_inner);
    let bundle = slot.get_or_insert_with(|| bundle(lang));
    if !bundle.has_message(id) {
        let resource = FluentResource::try_new(source.to_string()).ok()?;
        bundle.add_resource(resource).ok()?;
    }
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// Whether an answer to a `[y/N]` question is yes: `y` or `yes` in any
/// case in every language, and in Korean also what those keys type in
/// Hangul mode (`ㅛ`, `ㅛㄷㄴ`).
pub(crate) fn is_yes(answer: &str, lang: Lang) -> bool {
    let answer = answer.trim();
    let latin = answer.eq_ignore_ascii_case("y") || answer.eq_ignore_ascii_case("yes");
    latin || (lang == Lang::Ko && matches!(answer, "ㅛ" | "ㅛㄷㄴ"))
}

/// The columns `text` takes on a terminal showing `lang`: in Korean, the
/// East Asian ambiguous-width characters (`…`, `·`, `→`, `—`) take two, as
/// on Korean consoles. No escape sequences in `text`.
pub(crate) fn columns(text: &str, lang: Lang) -> usize {
    use unicode_width::UnicodeWidthStr;
    match lang {
        Lang::En => text.width(),
        Lang::Ko => text.width_cjk(),
    }
}

#[cfg(test)]
mod tests;
