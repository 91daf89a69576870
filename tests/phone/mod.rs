//! A phone for the ballot-box tests: plain HTTP/1.1 over TCP on loopback, each phone from a
//! loopback address of its own (127.0.0.0/8 all belongs to this machine), as phones on a school
//! network each have their own address. Never any other address than loopback.
#![allow(dead_code)] // each test file uses its own part

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

use knoop::ballot::BallotBox;

/// The loopback address of phone `n` (1-based): 127.0.1.n, 127.0.2.(n-255), …
pub fn phone_ip(n: u32) -> Ipv4Addr {
    Ipv4Addr::new(127, 0, 1 + (n / 250) as u8, (n % 250) as u8 + 1)
}

/// The box's `ip:port`, as in Host.
pub fn authority(b: &BallotBox) -> String {
    b.url.trim_start_matches("http://").split('/').next().unwrap().to_owned()
}

/// The path of a URL of the box.
pub fn path_of(url: &str) -> String {
    format!("/{}", url.trim_start_matches("http://").split_once('/').unwrap().1)
}

/// A TCP connection to `to` from the loopback address `from`.
pub fn connect_from(from: Ipv4Addr, to: &str) -> std::io::Result<TcpStream> {
    let to: SocketAddr = to.parse().unwrap();
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)?;
    socket.bind(&SocketAddr::from((from, 0)).into())?;
    socket.connect_timeout(&to.into(), Duration::from_secs(20))?;
    Ok(socket.into())
}

/// An HTTP reply: status, the head as text, the `knoop` cookie if one was set, the body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub cookie: Option<String>,
    pub body: String,
}

impl Reply {
    /// A header's value (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }

    /// The page token in the form, if the page has one.
    pub fn page_token(&self) -> Option<String> {
        let at = self.body.find("name=\"p\" value=\"")? + "name=\"p\" value=\"".len();
        Some(self.body[at..].split('"').next()?.to_owned())
    }

    /// Where the form posts to.
    pub fn action(&self) -> Option<String> {
        let at = self.body.find("action=\"")? + "action=\"".len();
        Some(self.body[at..].split('"').next()?.to_owned())
    }
}

/// Sends `raw` from `from` to `to` and reads the whole reply (`Connection: close`).
pub fn request_from(from: Ipv4Addr, to: &str, raw: &[u8]) -> Reply {
    let mut stream = connect_from(from, to).expect("the box listens");
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    stream.write_all(raw).unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let cookie = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        if !name.eq_ignore_ascii_case("set-cookie") {
            return None;
        }
        value
            .trim()
            .strip_prefix("knoop=")
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
    });
    Reply { status, head: head.to_owned(), cookie, body: body.to_owned() }
}

/// A request with any headers: `extra` lines end in `\r\n`.
pub fn raw(method: &str, path: &str, host: &str, extra: &str, body: &str) -> Vec<u8> {
    let length = if method == "POST" {
        format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            body.len()
        )
    } else {
        String::new()
    };
    format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\n{extra}{length}Connection: close\r\n\r\n{body}"
    )
    .into_bytes()
}

/// A phone: its own address, its cookie once the box gave one, the last form's token.
pub struct Phone {
    pub from: Ipv4Addr,
    pub to: String,
    pub path: String,
    pub cookie: Option<String>,
    pub token: Option<String>,
    pub action: Option<String>,
}

impl Phone {
    /// Phone `n`, about to open `url` (the QR link or the typed one) of the box at `to`.
    pub fn new(n: u32, to: &str, url: &str) -> Phone {
        Phone {
            from: phone_ip(n),
            to: to.to_owned(),
            path: path_of(url),
            cookie: None,
            token: None,
            action: None,
        }
    }

    fn cookie_line(&self) -> String {
        self.cookie.as_ref().map(|c| format!("Cookie: knoop={c}\r\n")).unwrap_or_default()
    }

    fn remember(&mut self, reply: &Reply) {
        if let Some(c) = &reply.cookie {
            self.cookie = Some(c.clone());
        }
        if let Some(t) = reply.page_token() {
            self.token = Some(t);
        }
        if let Some(a) = reply.action() {
            self.action = Some(a);
        }
    }

    /// Opens the page, keeping the cookie and the form's token.
    pub fn open(&mut self) -> Reply {
        let reply = request_from(
            self.from,
            &self.to,
            &raw("GET", &self.path, &self.to, &self.cookie_line(), ""),
        );
        self.remember(&reply);
        reply
    }

    /// Sends `form` the way the page's form does: to its action, with its token.
    pub fn send(&mut self, form: &str) -> Reply {
        let token = self.token.clone().unwrap_or_default();
        self.send_with_token(form, &token)
    }

    /// Sends `form` with the page token `token`.
    pub fn send_with_token(&mut self, form: &str, token: &str) -> Reply {
        let body = if token.is_empty() { form.to_owned() } else { format!("p={token}&{form}") };
        self.post_raw(&body, &format!("Origin: http://{}\r\n", self.to))
    }

    /// Posts `body` as is, with `extra` header lines besides the cookie.
    pub fn post_raw(&mut self, body: &str, extra: &str) -> Reply {
        let action = self.action.clone().unwrap_or_else(|| self.path.clone());
        let extra = format!("{}{extra}", self.cookie_line());
        let reply =
            request_from(self.from, &self.to, &raw("POST", &action, &self.to, &extra, body));
        self.remember(&reply);
        reply
    }
}
