//! jsonagg: aggregate a JSON-lines file of orders into per-key statistics.
//!
//! Usage: `jsonagg FILE [--by region|status|tier|method]`
//!
//! Every line is deserialized into an owned, nested `Order` (serde derive, enums, optional
//! fields, defaults; unknown fields such as `id` and `ts` are skipped), aggregated per key, and the
//! summary is printed as pretty JSON. Output depends on the input only (ordered maps, ties by name).
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::error::Error;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    Pending,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    Returned,
}

#[derive(Debug, Clone, Copy, Deserialize)]
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

/// Statistics for one key: running values (Welford's algorithm for the variance),
/// then `finish` rounds them and fills in the derived fields that are printed.
#[derive(Default, Serialize)]
struct Acc {
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
    top_skus: Vec<(String, u64)>,
    #[serde(skip)]
    m2: f64,
    #[serde(skip)]
    note_bytes: u64,
    #[serde(skip)]
    customer_ids: HashSet<u64>,
    #[serde(skip)]
    skus: HashMap<String, u64>,
}

impl Acc {
    fn add(&mut self, o: &Order) {
        let items: f64 = o.items.iter().map(|i| f64::from(i.qty) * i.unit_price * (1.0 - i.discount)).sum();
        let value = items + o.shipping.as_ref().map_or(0.0, |s| s.cost);
        if self.orders == 0 {
            (self.min, self.max) = (value, value);
        }
        self.orders += 1;
        let delta = value - self.mean;
        self.mean += delta / self.orders as f64;
        self.m2 += delta * (value - self.mean);
        self.revenue += value;
        self.min = self.min.min(value);
        self.max = self.max.max(value);
        self.cancelled_or_returned += u64::from(matches!(o.status, Status::Cancelled | Status::Returned));
        self.with_coupon += u64::from(o.coupon.is_some());
        self.vip_orders += u64::from(o.customer.tags.iter().any(|t| t == "vip"));
        self.note_bytes += o.note.len() as u64;
        self.customer_ids.insert(o.customer.id);
        for i in &o.items {
            self.units += u64::from(i.qty);
            *self.skus.entry(i.sku.clone()).or_insert(0) += u64::from(i.qty);
        }
    }

    fn finish(&mut self) {
        let var = if self.orders > 1 { self.m2 / (self.orders - 1) as f64 } else { 0.0 };
        self.stddev = round2(var.sqrt());
        self.avg_note_len = round2(self.note_bytes as f64 / self.orders.max(1) as f64);
        for x in [&mut self.revenue, &mut self.mean, &mut self.min, &mut self.max] {
            *x = round2(*x);
        }
        self.customers = self.customer_ids.len();
        let mut top: Vec<(String, u64)> = self.skus.drain().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(3);
        self.top_skus = top;
    }
}

#[derive(Serialize)]
struct Report {
    file: String,
    by: String,
    lines: u64,
    bad_lines: u64,
    groups: BTreeMap<String, Acc>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn key_of(o: &Order, by: &str) -> String {
    match by {
        "status" => format!("{:?}", o.status).to_lowercase(),
        "tier" => format!("{:?}", o.customer.tier).to_lowercase(),
        "method" => o.shipping.as_ref().map_or_else(|| "none".into(), |s| s.method.clone()),
        _ => o.region.clone(),
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    const USAGE: &str = "usage: jsonagg FILE [--by region|status|tier|method]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, by) = match args.as_slice() {
        [p] => (p.clone(), "region".to_string()),
        [p, flag, k] if flag == "--by" && ["region", "status", "tier", "method"].contains(&k.as_str()) => {
            (p.clone(), k.clone())
        }
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
    accs.values_mut().for_each(Acc::finish);
    let report = Report { file: path, by, lines, bad_lines: bad, groups: accs };
    // Written, not println!-ed: a closed pipe (`| head`) is an error message, not a panic.
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &report)?;
    writeln!(out)?;
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("jsonagg: {e}");
        std::process::exit(1);
    }
}
