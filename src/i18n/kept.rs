//! A sentence of the catalog kept as data: its message id and arguments,
//! carried in the report until a renderer says it. Text renderers print it
//! in the reader's language (`Display`); JSON prints it in English
//! (`Serialize`), so what machines read never changes with the language.

use std::fmt;

use fluent_bundle::FluentValue;
use serde::{Serialize, Serializer};

use super::{Lang, current, text_in};

/// A message of the catalog with its arguments: `msg!("id", port = 5000)`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// One argument of a [`Msg`]: a number (Fluent's plural selectors read
/// it), a text said as is in every language (a port, a command, a name),
/// or another message, said in the same language as the one holding it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Arg {
    Int(i64),
    Float(f64),
    Text(String),
    Msg(Box<Msg>),
}

// A message's numbers are ports, counts and seconds: never NaN, so
// equality is total (reports holding messages compare with `Eq`).
impl Eq for Msg {}
impl Eq for Arg {}

impl Msg {
    /// Use [`msg!`](crate::i18n::msg) (the catalog tests find ids there).
    pub(crate) fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { id, args }
    }

    /// The message id (tests name a kept message by it).
    #[cfg(test)]
    pub(crate) fn id(&self) -> &'static str {
        self.id
    }

    /// The message said in `lang` (messages among the arguments too).
    pub(crate) fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&str, FluentValue<'_>)> =
            self.args.iter().map(|(name, arg)| (*name, arg.value(lang))).collect();
        text_in(lang, self.id, &args)
    }

    /// The message in English: what JSON carries.
    pub(crate) fn english(&self) -> String {
        self.in_lang(Lang::En)
    }
}

impl Arg {
    fn value(&self, lang: Lang) -> FluentValue<'_> {
        match self {
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Float(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Msg(m) => FluentValue::from(m.in_lang(lang)),
        }
    }
}

/// In the current language (text output).
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(current()))
    }
}

/// In English, whatever the language (JSON).
impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.english())
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_args!(u8, u16, u32, u64, usize, i32, i64);

impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Float(n)
    }
}

macro_rules! text_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(s: $t) -> Arg {
                Arg::Text(String::from(s))
            }
        }
    )*};
}
text_args!(&str, String, &String);

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<&Msg> for Arg {
    fn from(m: &Msg) -> Arg {
        Arg::Msg(Box::new(m.clone()))
    }
}

/// Tests build reports with literal prose: a message whose id is the text
/// itself (an id the catalog lacks says itself in every language).
#[cfg(test)]
impl From<&str> for Msg {
    fn from(text: &str) -> Msg {
        Msg::new(Box::leak(text.to_string().into_boxed_str()), Vec::new())
    }
}

#[cfg(test)]
impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg::from(text.as_str())
    }
}
