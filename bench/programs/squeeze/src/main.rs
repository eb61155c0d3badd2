//! squeeze: round-trip a text file through flate2 in memory and regex-scan it.
//!
//! Usage: `squeeze FILE [--level 0-9]`
//!
//! The file is gzip-compressed (at --level, default 6) and zlib-compressed (level 1),
//! both streams are inflated back and checked against the input, and the text is
//! scanned with a few regexes (counts plus a histogram of captured HTTP status codes).
//! Prints sizes, CRC-32 / Adler-32 / FNV-1a checksums and the counts; the output
//! depends only on the input and the level.
use flate2::read::{GzDecoder, ZlibDecoder};
use flate2::write::{GzEncoder, ZlibEncoder};
use flate2::{Compression, Crc, GzBuilder};
use regex::Regex;
use std::collections::BTreeMap;
use std::error::Error;
use std::io::{Read, Write};

/// Named patterns counted over the whole text.
const PATTERNS: &[(&str, &str)] = &[
    ("email", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    ("ipv4", r"\b(?:\d{1,3}\.){3}\d{1,3}\b"),
    ("iso_date", r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\b"),
    ("sha_hex", r"\b[0-9a-f]{40}\b"),
    ("tion_word", r"(?i)\b\w+tion\b"),
    ("slow_call", r"took=(?:[5-9]\d{2}|\d{4,})ms"),
    ("word", r"\w+"),
];

/// 64-bit FNV-1a, a simple stable checksum of the compressed stream.
fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = Crc::new();
    crc.update(data);
    crc.sum()
}

fn gzip(data: &[u8], level: u32) -> std::io::Result<Vec<u8>> {
    // Fixed header (mtime 0, no file name) so that the stream is reproducible.
    let mut enc: GzEncoder<Vec<u8>> =
        GzBuilder::new().mtime(0).write(Vec::with_capacity(data.len() / 3), Compression::new(level));
    enc.write_all(data)?;
    enc.finish()
}

fn zlib(data: &[u8], level: u32) -> std::io::Result<Vec<u8>> {
    let mut enc = ZlibEncoder::new(Vec::with_capacity(data.len() / 2), Compression::new(level));
    enc.write_all(data)?;
    enc.finish()
}

fn inflate<R: Read>(mut dec: R, size_hint: usize) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(size_hint);
    dec.read_to_end(&mut out)?;
    Ok(out)
}

fn run() -> Result<(), Box<dyn Error>> {
    const USAGE: &str = "usage: squeeze FILE [--level 0-9]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, level) = match args.as_slice() {
        [p] => (p.clone(), 6),
        [p, flag, l] if flag == "--level" => (p.clone(), l.parse::<u32>().ok().filter(|l| *l <= 9).ok_or(USAGE)?),
        _ => return Err(USAGE.into()),
    };
    let input = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let crc_in = crc32(&input);

    let gz = gzip(&input, level)?;
    let zl = zlib(&input, 1)?;
    let gz_back = inflate(GzDecoder::new(&gz[..]), input.len())?;
    let zl_back = inflate(ZlibDecoder::new(&zl[..]), input.len())?;
    if gz_back != input || zl_back != input {
        return Err("round trip mismatch".into());
    }
    // The zlib trailer is the big-endian Adler-32 of the uncompressed data.
    let adler = u32::from_be_bytes(zl[zl.len() - 4..].try_into()?);

    let pct = |n: usize| 100.0 * n as f64 / input.len().max(1) as f64;
    println!("file        {path}");
    println!("input       {} bytes  crc32={crc_in:08x}", input.len());
    println!("gzip -{level}     {} bytes  ({:.2}%)  fnv1a={:016x}", gz.len(), pct(gz.len()), fnv1a(&gz));
    println!("zlib -1     {} bytes  ({:.2}%)  adler32={adler:08x}", zl.len(), pct(zl.len()));
    println!("round trip  ok  crc32={:08x}", crc32(&gz_back));

    // Scan the inflated copy, not the input, so the regex work depends on the round trip.
    let text = String::from_utf8_lossy(&gz_back);
    for (name, pat) in PATTERNS {
        let re = Regex::new(pat)?;
        println!("{name:<11} {}", re.find_iter(&text).count());
    }
    let status = Regex::new(r"\bstatus=(\d{3})\b")?;
    let mut hist: BTreeMap<&str, u64> = BTreeMap::new();
    for caps in status.captures_iter(&text) {
        *hist.entry(caps.get(1).map_or("", |m| m.as_str())).or_insert(0) += 1;
    }
    let hist: Vec<String> = hist.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    println!("status      {}", hist.join(" "));
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("squeeze: {e}");
        std::process::exit(1);
    }
}
