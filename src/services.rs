//! Service names: the system's services database (`/etc/services`) plus a
//! built-in table of the ports development tools and popular servers use
//! by default, which `/etc/services` often lacks (5173, 8000, 9229 …).

use std::collections::HashMap;

use crate::net::Protocol;

/// Ports that popular servers and dev tools take by default: (port, name,
/// what usually holds it). The names also resolve as PORT arguments, and
/// `--suggest` skips these ports so that it never hands out a port the
/// next `docker compose up` will want.
pub(crate) const WELL_KNOWN_DEV_PORTS: &[(u16, &str, &str)] = &[
    (1433, "mssql", "Microsoft SQL Server"),
    (3000, "node-dev", "Node.js dev servers (React, Next.js, Express), Rails, Grafana"),
    (3306, "mysql", "MySQL / MariaDB"),
    (4200, "angular-dev", "Angular dev server"),
    (5000, "flask-dev", "Flask dev server; macOS AirPlay Receiver"),
    (5173, "vite-dev", "Vite dev server"),
    (5432, "postgresql", "PostgreSQL"),
    (5672, "amqp", "RabbitMQ"),
    (5678, "debugpy", "VS Code Python debugger (debugpy)"),
    (6379, "redis", "Redis"),
    (7000, "airplay", "macOS AirPlay Receiver"),
    (8000, "django-dev", "Django runserver, uvicorn, python -m http.server"),
    (8080, "http-alt", "HTTP alternate: Tomcat, Jenkins, proxies"),
    (8443, "https-alt", "HTTPS alternate"),
    (8888, "jupyter", "Jupyter Notebook"),
    (9000, "php-fpm", "PHP-FPM, SonarQube, MinIO"),
    (9090, "prometheus", "Prometheus"),
    (9200, "elasticsearch", "Elasticsearch"),
    (9229, "node-inspect", "Node.js inspector"),
    (11211, "memcache", "Memcached"),
    (27017, "mongodb", "MongoDB"),
];

/// One entry of the services database.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    name: String,
    port: u16,
    protocol: Protocol,
}

/// The services database: `/etc/services` (when present) and the built-in table.
#[derive(Clone, Debug, Default)]
pub(crate) struct Services {
    entries: Vec<Entry>,
    by_port: HashMap<u16, Vec<usize>>,
}

impl Services {
    /// Loads `/etc/services` if it exists and adds the built-in table.
    pub(crate) fn load() -> Services {
        let text = std::fs::read_to_string("/etc/services").unwrap_or_default();
        Services::from_text(&text)
    }

    pub(crate) fn from_text(text: &str) -> Services {
        let mut services = Services::default();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut words = line.split_whitespace();
            let (Some(name), Some(port_proto)) = (words.next(), words.next()) else { continue };
            let Some((port, proto)) = port_proto.split_once('/') else { continue };
            let (Ok(port), Some(protocol)) = (port.parse::<u16>(), Protocol::parse(proto)) else {
                continue;
            };
            services.push(name, port, protocol);
            for alias in words {
                services.push(alias, port, protocol);
            }
        }
        for &(port, name, _) in WELL_KNOWN_DEV_PORTS {
            services.push(name, port, Protocol::Tcp);
        }
        services
    }

    fn push(&mut self, name: &str, port: u16, protocol: Protocol) {
        let entry = Entry { name: name.to_string(), port, protocol };
        if self.entries.contains(&entry) {
            return;
        }
        self.by_port.entry(port).or_default().push(self.entries.len());
        self.entries.push(entry);
    }

    /// Names registered to `port` for any of `protocols`, without repeats,
    /// in database order (the system's names first).
    pub(crate) fn names(&self, port: u16, protocols: &[Protocol]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for &i in self.by_port.get(&port).map(Vec::as_slice).unwrap_or(&[]) {
            let e = &self.entries[i];
            if protocols.contains(&e.protocol) && !names.contains(&e.name) {
                names.push(e.name.clone());
            }
        }
        names
    }

    /// Resolves a service name (case-insensitive) to its port and the
    /// protocols it is registered for.
    pub(crate) fn lookup(&self, name: &str, protocol: Option<Protocol>) -> Option<u16> {
        self.entries
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name) && protocol.is_none_or(|p| p == e.protocol))
            .map(|e| e.port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# comment
http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP
domain\t\t53/tcp
domain\t\t53/udp
postgresql\t5432/tcp\tpostgres
commplex-main\t5000/tcp
bogus\t\tnotaport/tcp
";

    #[test]
    fn parses_names_aliases_and_protocols() {
        let s = Services::from_text(SAMPLE);
        assert_eq!(s.lookup("http", None), Some(80));
        assert_eq!(s.lookup("WWW", None), Some(80));
        assert_eq!(s.lookup("postgres", None), Some(5432));
        assert_eq!(s.lookup("domain", Some(Protocol::Udp)), Some(53));
        assert_eq!(s.lookup("http", Some(Protocol::Udp)), None);
        assert_eq!(s.lookup("nonesuch", None), None);
        assert_eq!(s.names(5432, &[Protocol::Tcp]), vec!["postgresql", "postgres"]);
        assert_eq!(
            s.names(5000, &[Protocol::Tcp, Protocol::Udp]),
            vec!["commplex-main", "flask-dev"]
        );
    }

    #[test]
    fn builtin_table_stands_alone_without_etc_services() {
        let s = Services::from_text("");
        assert_eq!(s.lookup("redis", None), Some(6379));
        assert_eq!(s.names(5173, &[Protocol::Tcp]), vec!["vite-dev"]);
    }
}
