//! One connection's life in the ballot box: accepted while a slot is free, served within its
//! time and size bounds, each request answered by the desk.

use super::*;

/// Accepts connections while there are slots; each gets a task of its own. Ends only on a
/// failure that lasts ([`ACCEPT_FAILING`]) or when a test asks it to, with the reason.
pub(super) async fn accept_loop(
    listener: TcpListener,
    shared: Arc<Shared>,
    limits: Limits,
) -> io::Error {
    let cap = limits.max_connections.min(connection_budget()).max(1);
    let slots = Arc::new(Semaphore::new(cap));
    let per_address = Arc::new(Mutex::new(HashMap::new()));
    let mut failing_since: Option<Instant> = None;
    loop {
        // At the cap, stop accepting: the kernel's backlog holds the rest.
        let permit = match slots.clone().acquire_owned().await {
            Ok(permit) => permit,
            Err(e) => return io::Error::other(e),
        };
        let next = {
            let mut accept = pin!(listener.accept());
            let mut fail = pin!(shared.fail.notified());
            std::future::poll_fn(|cx| {
                if fail.as_mut().poll(cx).is_ready() {
                    return Poll::Ready(None);
                }
                accept.as_mut().poll(cx).map(Some)
            })
            .await
        };
        let (stream, peer) = match next {
            None => return io::Error::other("test fault"),
            Some(Ok(accepted)) => {
                failing_since = None;
                shared.connections.fetch_add(1, Ordering::Relaxed);
                accepted
            }
            Some(Err(e)) => {
                // Out of file descriptors or memory, or a connection that died in the queue:
                // wait a moment and go on; give up only when it lasts.
                let since = *failing_since.get_or_insert_with(Instant::now);
                if since.elapsed() > ACCEPT_FAILING {
                    return e;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let group = desk::address_group(peer.ip());
        let Some(slot) = AddressSlot::take(&per_address, group, limits.connections_per_address)
        else {
            // One address holds enough connections: close this one at once.
            drop(stream);
            continue;
        };
        let busy = slots.available_permits() < cap / 2;
        let header_timeout = if busy { limits.busy_header_timeout } else { limits.header_timeout };
        let (shared, limits) = (shared.clone(), limits.clone());
        let pressure = Pressure { slots: slots.clone(), cap };
        tokio::spawn(async move {
            serve(stream, group, shared, header_timeout, &limits, pressure).await;
            drop((permit, slot));
        });
    }
}

/// How full the box is, for a connection to look at later.
pub(super) struct Pressure {
    slots: Arc<Semaphore>,
    cap: usize,
}

impl Pressure {
    /// More than half the connections are in use.
    fn busy(&self) -> bool {
        self.slots.available_permits() < self.cap / 2
    }
}

/// Serves one connection within its bounds.
///
/// Besides hyper's own timeouts, a connection that has not sent a single complete request
/// after [`Limits::busy_header_timeout`] is cut as soon as the box is busy, even if it came in
/// while the box was quiet: slow connections from many addresses then can't hold their slots
/// for the quiet-time header timeout while honest phones wait in the backlog.
pub(super) async fn serve(
    stream: TcpStream,
    peer: IpAddr,
    shared: Arc<Shared>,
    header_timeout: Duration,
    limits: &Limits,
    pressure: Pressure,
) {
    let body_timeout = limits.body_timeout;
    let started = Arc::new(AtomicBool::new(false));
    let first = started.clone();
    let service = service_fn(move |request| {
        first.store(true, Ordering::Relaxed);
        let shared = shared.clone();
        async move { Ok::<_, Infallible>(handle(&shared, peer, request, body_timeout).await) }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .max_header_size(MAX_HEADERS)
        .max_headers(MAX_HEADER_COUNT)
        .max_buf_size(MAX_HEADERS + MAX_BODY)
        .keep_alive(true);
    let mut connection = pin!(builder.serve_connection(TokioIo::new(stream), service));
    let mut silent = pin!(async {
        loop {
            tokio::time::sleep(limits.busy_header_timeout).await;
            if started.load(Ordering::Relaxed) {
                // It spoke: from here on hyper's timeouts rule.
                std::future::pending::<()>().await;
            }
            if pressure.busy() {
                return;
            }
        }
    });
    let either = std::future::poll_fn(|cx| {
        if silent.as_mut().poll(cx).is_ready() {
            return Poll::Ready(());
        }
        connection.as_mut().poll(cx).map(|_| ())
    });
    let _ = tokio::time::timeout(limits.connection_lifetime, either).await;
}

/// Answers one request: reads its body within the bounds, then asks the desk.
pub(super) async fn handle(
    shared: &Shared,
    peer: IpAddr,
    request: hyper::Request<Incoming>,
    body_timeout: Duration,
) -> Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let method = match parts.method {
        HttpMethod::GET => Method::Get,
        HttpMethod::POST => Method::Post,
        _ => Method::Other,
    };
    let text = |name: header::HeaderName| parts.headers.get(name).and_then(|v| v.to_str().ok());
    let t = shared.lang.texts();
    let refuse = |status: u16, why: &str| {
        shared.desk().count_request();
        respond(Reply { status, body: page::message(shared.lang, why), cookie: None, event: None })
    };
    let body = if method == Method::Post {
        let length = text(header::CONTENT_LENGTH).and_then(|n| n.parse::<u64>().ok());
        if length.is_some_and(|n| n > MAX_BODY as u64) {
            return refuse(413, t.page_too_large);
        }
        match tokio::time::timeout(body_timeout, Limited::new(body, MAX_BODY).collect()).await {
            Ok(Ok(collected)) => collected.to_bytes(),
            Ok(Err(_)) => return refuse(413, t.page_too_large),
            Err(_) => return refuse(408, t.page_timeout),
        }
    } else {
        Bytes::new()
    };
    let cookie = parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|part| part.trim().strip_prefix(desk::COOKIE)?.strip_prefix('='));
    let request = desk::Request {
        method,
        path: parts.uri.path(),
        host: text(header::HOST),
        origin: text(header::ORIGIN),
        fetch_site: parts.headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()),
        cookie,
        peer,
        body: &body,
    };
    let mut reply = shared.desk().answer(&request, Instant::now());
    if let Some(event) = reply.event.take() {
        (shared.events)(event);
    }
    respond(reply)
}

/// The HTTP response for a reply, with the security headers every answer carries.
pub(super) fn respond(reply: Reply) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(reply.body)));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    let fixed = [
        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
        (header::CACHE_CONTROL, "no-store"),
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if let Some(token) = reply.cookie
        && let Ok(value) = HeaderValue::from_str(&format!(
            "{}={token}; Path=/s/; HttpOnly; SameSite=Strict",
            desk::COOKIE
        ))
    {
        headers.insert(header::SET_COOKIE, value);
    }
    response
}
