//! jsonagg: aggregate a JSON-lines file of orders into per-key statistics.
//!
//! Usage: `jsonagg FILE [--by region|status|tier|method]`
//!
//! Every line is deserialized into an owned, nested `Order` (serde derive, enums,
//! optional fields, defaults), aggregated per key, and the summary is printed as
//! pretty JSON. The output only depends on the input: maps are ordered (BTreeMap)
//! and ties are broken by name.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::error::Error;
use std::fs::File;
use std::io::{BufRead, BufReader};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    Pending,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    Returned,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
enum Tier {
    Free,
    Silver,
    Gold,
    Platinum,
}

#[derive(Debug, Deserialize)]
struct Customer {
    id: u64,
    #[allow(dead_code)] // parsed like a real record, never aggregated
    name: String,
    tier: Tier,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Item {
    sku: String,
    qty: u32,
    unit_price: f64,
    #[serde(default)]
    discount: f64,
}

#[derive(Debug, Deserialize)]
struct Shipping {
    method: String,
    cost: f64,
}

#[derive(Debug, Deserialize)]
struct Order {
    #[allow(dead_code)]
    id: u64,
    ts: u64,
    region: String,
    status: Status,
    customer: Customer,
    items: Vec<Item>,
    shipping: Option<Shipping>,
    #[serde(default)]
    coupon: Option<String>,
    #[serde(default)]
    note: String,
}

/// Running statistics for one key (Welford's algorithm for the variance).
#[derive(Default)]
struct Acc {
    orders: u64,
    units: u64,
    lost: u64,
    coupons: u64,
    note_bytes: u64,
    vip_tagged: u64,
    mean: f64,
    m2: f64,
    total: f64,
    min: f64,
    max: f64,
    first_ts: u64,
    last_ts: u64,
    customers: HashSet<u64>,
    skus: HashMap<String, u64>,
}

impl Acc {
    fn add(&mut self, o: &Order) {
        let value: f64 = o
            .items
            .iter()
            .map(|i| f64::from(i.qty) * i.unit_price * (1.0 - i.discount))
            .sum::<f64>()
            + o.shipping.as_ref().map_or(0.0, |s| s.cost);
        if self.orders == 0 {
            (self.min, self.max, self.first_ts, self.last_ts) = (value, value, o.ts, o.ts);
        }
        self.orders += 1;
        let delta = value - self.mean;
        self.mean += delta / self.orders as f64;
        self.m2 += delta * (value - self.mean);
        self.total += value;
        self.min = self.min.min(value);
        self.max = self.max.max(value);
        self.first_ts = self.first_ts.min(o.ts);
        self.last_ts = self.last_ts.max(o.ts);
        self.lost += u64::from(matches!(o.status, Status::Cancelled | Status::Returned));
        self.coupons += u64::from(o.coupon.is_some());
        self.note_bytes += o.note.len() as u64;
        self.vip_tagged += u64::from(o.customer.tags.iter().any(|t| t == "vip"));
        self.customers.insert(o.customer.id);
        for i in &o.items {
            self.units += u64::from(i.qty);
            *self.skus.entry(i.sku.clone()).or_insert(0) += u64::from(i.qty);
        }
    }

    fn summary(&self) -> KeySummary {
        let mut top: Vec<(String, u64)> = self.skus.iter().map(|(k, v)| (k.clone(), *v)).collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(3);
        let var = if self.orders > 1 { self.m2 / (self.orders - 1) as f64 } else { 0.0 };
        KeySummary {
            orders: self.orders,
            units: self.units,
            customers: self.customers.len(),
            cancelled_or_returned: self.lost,
            with_coupon: self.coupons,
            vip_orders: self.vip_tagged,
            avg_note_len: round2(self.note_bytes as f64 / self.orders.max(1) as f64),
            revenue: round2(self.total),
            mean: round2(self.mean),
            stddev: round2(var.sqrt()),
            min: round2(self.min),
            max: round2(self.max),
            span_s: self.last_ts - self.first_ts,
            top_skus: top,
        }
    }
}

#[derive(Serialize)]
struct KeySummary {
    orders: u64,
    units: u64,
    customers: usize,
    cancelled_or_returned: u64,
    with_coupon: u64,
    vip_orders: u64,
    avg_note_len: f64,
    revenue: f64,
    mean: f64,
    stddev: f64,
    min: f64,
    max: f64,
    span_s: u64,
    top_skus: Vec<(String, u64)>,
}

#[derive(Serialize)]
struct Report {
    file: String,
    by: String,
    lines: u64,
    bad_lines: u64,
    groups: BTreeMap<String, KeySummary>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The serialized name of a unit enum variant ("shipped", "gold", ...).
fn variant_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "?".into(),
    }
}

fn key_of(o: &Order, by: &str) -> String {
    match by {
        "status" => variant_name(&o.status),
        "tier" => variant_name(&o.customer.tier),
        "method" => o.shipping.as_ref().map_or_else(|| "none".into(), |s| s.method.clone()),
        _ => o.region.clone(),
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    const USAGE: &str = "usage: jsonagg FILE [--by region|status|tier|method]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, by) = match args.as_slice() {
        [p] => (p.clone(), "region".to_string()),
        [p, flag, k] if flag == "--by" && ["region", "status", "tier", "method"].contains(&k.as_str()) => (p.clone(), k.clone()),
        _ => return Err(USAGE.into()),
    };
    let mut reader = BufReader::with_capacity(1 << 16, File::open(&path).map_err(|e| format!("{path}: {e}"))?);
    let mut accs: BTreeMap<String, Acc> = BTreeMap::new();
    let (mut lines, mut bad) = (0u64, 0u64);
    let mut line = String::new();
    while reader.read_line(&mut line)? > 0 {
        let text = line.trim_end();
        if !text.is_empty() {
            lines += 1;
            match serde_json::from_str::<Order>(text) {
                Ok(order) => accs.entry(key_of(&order, &by)).or_default().add(&order),
                Err(_) => bad += 1,
            }
        }
        line.clear();
    }
    let groups = accs.iter().map(|(k, a)| (k.clone(), a.summary())).collect();
    let report = Report { file: path, by, lines, bad_lines: bad, groups };
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("jsonagg: {e}");
        std::process::exit(1);
    }
}
