//! The ballot box's HTTP server: bounded in connections, time and size, on a thread of its own.
//!
//! Why hyper 1 (with hyper-util's tokio glue and http-body-util) on a current-thread tokio
//! runtime, and not tiny_http or axum:
//! - tiny_http (last release 2022) reads headers and bodies without timeouts and runs a thread
//!   per waiting connection: a few hundred idle connections take the box, and the laptop's file
//!   descriptors with it.
//! - hyper is the HTTP implementation most of Rust's servers share and is kept up (hyper 1.12,
//!   hyper-util 0.1.21 and tokio 1.54 were the current releases when this was written), and it
//!   has exactly the bounds needed: a header read timeout that also covers idle
//!   keep-alive, a maximum header size and count, and a bounded read buffer. Bodies are read
//!   through http-body-util's `Limited` under a timeout, and tokio's `Semaphore` caps the open
//!   connections before `accept`, so the excess waits in the kernel's backlog.
//! - axum would add routing, extractors and tower (with futures-util) on top, for one page and
//!   one form: more to compile on a two-core laptop and nothing the box uses. hyper, hyper-util,
//!   http-body-util and tokio without macros add ten small crates and no proc-macro; building
//!   them from scratch took about 25 s of CPU here. hyper-util is only used for its
//!   tokio adapters (`TokioIo`, `TokioTimer`), with its default features off.
//! - One current-thread runtime on one thread of its own: the box never touches the UI thread,
//!   needs no thread per connection (tiny_http grows its pool without bound), and an idle
//!   connection costs a socket and a small buffer, never a thread.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::panic::AssertUnwindSafe;
use std::pin::pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::Poll;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method as HttpMethod, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{Notify, Semaphore, mpsc};

use super::desk::{self, Desk, Method, Reply};
use super::{BallotEvent, BoxConfig, BoxState, Limits, MAX_BODY, MAX_HEADERS, page};
use crate::i18n::{Lang, fill};

/// Connections the kernel may queue while the box is at its cap.
const BACKLOG: u32 = 1024;
/// Header lines one request may have.
const MAX_HEADER_COUNT: usize = 64;
/// How long the accept loop may fail without a single success before the box gives up.
const ACCEPT_FAILING: Duration = Duration::from_secs(60);

/// The page may only use its own inline style and post its form back to the box.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

/// What the box's thread and the [`super::BallotBox`] share.
pub(crate) struct Shared {
    desk: Mutex<Desk>,
    events: Box<dyn Fn(BallotEvent) + Send + Sync>,
    lang: Lang,
    fail: Notify,
    connections: AtomicU64,
}

impl Shared {
    /// The desk, also after a panic elsewhere left the lock poisoned: its tables stay usable.
    pub fn desk(&self) -> MutexGuard<'_, Desk> {
        self.desk.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> u64 {
        self.connections.load(Ordering::Relaxed)
    }

    pub fn fail_for_test(&self) {
        self.fail.notify_one();
    }
}

/// How the server ended.
enum End {
    /// The owner closed the box.
    Closed,
    /// The server failed: the reason.
    Failed(String),
    /// The server panicked: the panic's message.
    Crashed(String),
}

/// Closes the box.
pub(crate) struct StopHandle(mpsc::UnboundedSender<End>);

impl StopHandle {
    pub fn stop(self) {
        let _ = self.0.send(End::Closed);
    }
}

/// A box that listens.
pub(crate) struct Opened {
    pub addr: SocketAddr,
    pub long_code: String,
    pub short_code: String,
    pub shared: Arc<Shared>,
    pub stop: StopHandle,
}

/// Starts the box's thread and waits until it listens (or could not).
pub(crate) fn start(
    config: BoxConfig,
    events: Box<dyn Fn(BallotEvent) + Send + Sync>,
) -> io::Result<(Opened, JoinHandle<()>)> {
    if config.bind.is_unspecified() || config.bind.is_multicast() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{}: the box needs one address that phones can open", config.bind),
        ));
    }
    // 128 bits in the QR link: not guessable. Six hex digits to type from the screen, guarded
    // by the limit on wrong codes.
    let long_code = desk::random_hex(16)?;
    let short_code = desk::random_hex(3)?;
    let (ready, listening) = std::sync::mpsc::channel();
    let (stop, ends) = mpsc::unbounded_channel();
    let stopper = stop.clone();
    let codes = (long_code.clone(), short_code.clone());
    let thread = std::thread::Builder::new().name("stembus".into()).spawn(move || {
        run(config, events, codes, ready, stopper, ends);
    })?;
    let (addr, shared) = match listening.recv() {
        Ok(Ok(opened)) => opened,
        Ok(Err(e)) => {
            let _ = thread.join();
            return Err(e);
        }
        Err(_) => {
            let _ = thread.join();
            return Err(io::Error::other("the ballot box's thread ended"));
        }
    };
    Ok((Opened { addr, long_code, short_code, shared, stop: StopHandle(stop) }, thread))
}

type Ready = std::sync::mpsc::Sender<io::Result<(SocketAddr, Arc<Shared>)>>;

/// The box's thread: a current-thread runtime that serves until the box is closed or fails,
/// then says why.
fn run(
    config: BoxConfig,
    events: Box<dyn Fn(BallotEvent) + Send + Sync>,
    (long_code, short_code): (String, String),
    ready: Ready,
    stopper: mpsc::UnboundedSender<End>,
    mut ends: mpsc::UnboundedReceiver<End>,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let listener =
        match runtime.block_on(async { listen(SocketAddr::new(config.bind, config.port)) }) {
            Ok(listener) => listener,
            Err(e) => {
                let _ = ready.send(Err(e));
                return;
            }
        };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let desk = Desk::new(
        config.serving,
        config.lang,
        config.limits.clone(),
        addr,
        long_code,
        short_code,
        Instant::now(),
    );
    let shared = Arc::new(Shared {
        desk: Mutex::new(desk),
        events,
        lang: config.lang,
        fail: Notify::new(),
        connections: AtomicU64::new(0),
    });
    if ready.send(Ok((addr, shared.clone()))).is_err() {
        return;
    }
    let limits = config.limits;
    let serving = shared.clone();
    runtime.spawn(async move {
        let end = match tokio::spawn(accept_loop(listener, serving, limits)).await {
            Ok(e) => End::Failed(e.to_string()),
            Err(e) => match e.try_into_panic() {
                Ok(payload) => End::Crashed(panic_text(payload.as_ref())),
                Err(e) => End::Failed(e.to_string()),
            },
        };
        let _ = stopper.send(end);
    });
    let end = std::panic::catch_unwind(AssertUnwindSafe(|| runtime.block_on(ends.recv())));
    // Dropping the runtime drops the listener and every connection before the box's `drop`
    // returns.
    drop(runtime);
    let t = shared.lang.texts();
    let reason = match end {
        Ok(None | Some(End::Closed)) => return,
        Ok(Some(End::Failed(why))) => fill(t.box_stopped, &[&why]),
        Ok(Some(End::Crashed(why))) => fill(t.box_crashed, &[&why]),
        Err(payload) => fill(t.box_crashed, &[&panic_text(payload.as_ref())]),
    };
    shared.desk().state = BoxState::Stopped(reason.clone());
    (shared.events)(BallotEvent::Stopped(reason));
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

/// A listening socket on `addr` with a backlog long enough to hold a burst while the box is
/// at its connection cap.
fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() { TcpSocket::new_v4()? } else { TcpSocket::new_v6()? };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Counts the open connections of one address; the count drops with the guard.
struct AddressSlot {
    counts: Arc<Mutex<HashMap<IpAddr, usize>>>,
    ip: IpAddr,
}

impl AddressSlot {
    /// A slot for `ip`, unless it already has `cap` connections open.
    fn take(counts: &Arc<Mutex<HashMap<IpAddr, usize>>>, ip: IpAddr, cap: usize) -> Option<Self> {
        let mut map = counts.lock().unwrap_or_else(PoisonError::into_inner);
        let n = map.entry(ip).or_insert(0);
        if *n >= cap {
            return None;
        }
        *n += 1;
        Some(AddressSlot { counts: counts.clone(), ip })
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut map = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = map.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
    }
}

/// The most connections this process can afford: a quarter of its open-files limit (macOS
/// starts at 256, Linux usually at 1,024), so saving, the terminal and the rest of knoop always
/// have descriptors left, whatever [`Limits::max_connections`] says.
#[cfg(unix)]
fn connection_budget() -> usize {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes into the struct we own.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    if !ok || limit.rlim_cur == libc::RLIM_INFINITY {
        return usize::MAX;
    }
    usize::try_from(limit.rlim_cur / 4).unwrap_or(usize::MAX).max(16)
}

/// Windows counts handles, not a small per-process limit of descriptors.
#[cfg(not(unix))]
fn connection_budget() -> usize {
    usize::MAX
}

mod conn;
use conn::accept_loop;
