//! nginx's master process: the program and the options that find its
//! configuration, read from the title it writes over its argv.

/// From an nginx master's title (`nginx: master process /usr/sbin/nginx
/// -c FILE -p DIR`, one word or several): its program and the options
/// that find its configuration (`-c`, `-p`, `-g` with its directives,
/// which may hold spaces, as one word).
pub(super) fn nginx_master(title: &[String]) -> Option<Vec<String>> {
    let joined = title.join(" ");
    let rest = joined.strip_prefix("nginx: master process ")?;
    let mut words = rest.split_whitespace();
    let mut out = vec![words.next()?.to_string()];
    let mut words = words.peekable();
    while let Some(w) = words.next() {
        if !matches!(w, "-c" | "-p" | "-g") {
            continue;
        }
        let mut value: Vec<&str> = Vec::new();
        while let Some(v) = words.next_if(|v| !v.starts_with('-') || value.is_empty()) {
            value.push(v);
            if w != "-g" {
                break;
            }
        }
        if !value.is_empty() {
            out.extend([w.to_string(), value.join(" ")]);
        }
    }
    Some(out)
}
