//! Prometheus metrics, in the text exposition format: requests by route, method and status;
//! request latency (a histogram); credentials issued; error responses.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// The server's counters.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    buckets: [AtomicU64; BUCKETS.len()],
    latency_count: AtomicU64,
    latency_micros: AtomicU64,
    issued: AtomicU64,
    errors: AtomicU64,
}

impl Metrics {
    /// Counts one request that took `seconds` and got `status`.
    pub fn request(&self, route: &str, method: &str, status: u16, seconds: f64) {
        {
            let mut m = self.requests.lock().unwrap_or_else(|p| p.into_inner());
            *m.entry((route.to_owned(), method.to_owned(), status))
                .or_default() += 1;
        }
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                self.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency_count.fetch_add(1, Ordering::Relaxed);
        self.latency_micros
            .fetch_add((seconds * 1e6) as u64, Ordering::Relaxed);
        if status >= 400 {
            self.errors.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Counts one issued credential.
    pub fn issued(&self) {
        self.issued.fetch_add(1, Ordering::Relaxed);
    }

    /// The text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out += "# HELP laissez_http_requests_total HTTP requests by route, method and status.\n";
        out += "# TYPE laissez_http_requests_total counter\n";
        for ((route, method, status), n) in self
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            let _ = writeln!(
                out,
                "laissez_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {n}"
            );
        }
        out += "# HELP laissez_http_request_duration_seconds Time to answer a request.\n";
        out += "# TYPE laissez_http_request_duration_seconds histogram\n";
        for (i, bound) in BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "laissez_http_request_duration_seconds_bucket{{le=\"{bound}\"}} {}",
                self.buckets[i].load(Ordering::Relaxed)
            );
        }
        let count = self.latency_count.load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "laissez_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let _ = writeln!(
            out,
            "laissez_http_request_duration_seconds_sum {}",
            self.latency_micros.load(Ordering::Relaxed) as f64 / 1e6
        );
        let _ = writeln!(out, "laissez_http_request_duration_seconds_count {count}");
        out += "# HELP laissez_credentials_issued_total Credentials issued and recorded.\n";
        out += "# TYPE laissez_credentials_issued_total counter\n";
        let _ = writeln!(
            out,
            "laissez_credentials_issued_total {}",
            self.issued.load(Ordering::Relaxed)
        );
        out += "# HELP laissez_http_errors_total Responses with a 4xx or 5xx status.\n";
        out += "# TYPE laissez_http_errors_total counter\n";
        let _ = writeln!(
            out,
            "laissez_http_errors_total {}",
            self.errors.load(Ordering::Relaxed)
        );
        out
    }
}
