//! Shards: the JSON Lines files of separate runs (one per machine or per part of a folder)
//! read back as one batch.
//!
//! A first pass indexes every report line (its file, shard and place) and checks the lines:
//! every one of schema version [`SCHEMA_VERSION`], no file in two places, and a shard that
//! ends with its summary line holding as many reports as the summary counts (a shard cut
//! short, or filtered with `--min-risk`, would give wrong totals). The reports are then read
//! again one at a time in path order and handed to a [`Sink`], so the union is never held in
//! memory: the index costs about a hundred bytes a file.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::PathBuf;

use serde::{Deserialize, Deserializer};

use crate::error::ShardError;
use crate::model::{Report, Summary};
use crate::report::json::SCHEMA_VERSION;
use crate::report::Sink;
use crate::sanitize;
use crate::values::{Amount, Duration, Unit};

/// What the first pass needs of a line.
#[derive(Deserialize)]
struct Head {
    schema_version: Option<serde_json::Value>,
    record: Option<String>,
    file: Option<String>,
    summary: Option<SummaryHead>,
}

#[derive(Deserialize)]
struct SummaryHead {
    files: usize,
}

/// Where a report is.
struct Entry {
    file: String,
    shard: usize,
    line: usize,
    offset: u64,
    len: usize,
}

/// Reads the shards, checks them and hands every report to `sink`, sorted by path; returns the
/// summary of the union.
pub fn merge(shards: &[PathBuf], sink: &mut dyn Sink) -> Result<Summary, ShardError> {
    let names: Vec<String> = shards.iter().map(|p| sanitize::path(p)).collect();
    let io_error = |i: usize| {
        let shard = names[i].clone();
        move |source| ShardError::Io { shard, source }
    };
    let mut index = Vec::new();
    for (i, path) in shards.iter().enumerate() {
        let file = File::open(path).map_err(io_error(i))?;
        index_shard(BufReader::new(file), i, &names[i], &mut index)?;
    }
    index.sort_by(|a, b| a.file.cmp(&b.file));
    if let Some(pair) = index.windows(2).find(|w| w[0].file == w[1].file) {
        return Err(ShardError::Duplicate {
            file: pair[0].file.clone(),
            first: names[pair[0].shard].clone(),
            second: names[pair[1].shard].clone(),
        });
    }
    let mut files: Vec<File> =
        shards.iter().enumerate().map(|(i, p)| File::open(p).map_err(io_error(i))).collect::<Result<_, _>>()?;
    let mut summary = Summary::default();
    let mut line = Vec::new();
    for entry in &index {
        let file = &mut files[entry.shard];
        line.resize(entry.len, 0);
        file.seek(SeekFrom::Start(entry.offset))
            .and_then(|_| file.read_exact(&mut line))
            .map_err(io_error(entry.shard))?;
        // Through a Value: a report's `format` is a &'static str, read from owned data only.
        let value = serde_json::from_slice::<serde_json::Value>(&line);
        let report = value.and_then(Report::deserialize).map_err(|e| ShardError::Line {
            shard: names[entry.shard].clone(),
            line: entry.line,
            message: e.to_string(),
        })?;
        summary.add(&report);
        sink.report(&report)?;
    }
    sink.finish(&summary)?;
    Ok(summary)
}

/// Adds the report lines of one shard to `index` and checks its lines.
fn index_shard(mut reader: impl BufRead, shard: usize, name: &str, index: &mut Vec<Entry>) -> Result<(), ShardError> {
    let (mut offset, mut number, mut reports) = (0u64, 0usize, 0usize);
    let mut counted = None;
    let mut line = String::new();
    loop {
        line.clear();
        let len = reader.read_line(&mut line).map_err(|source| ShardError::Io { shard: name.into(), source })?;
        if len == 0 {
            break;
        }
        number += 1;
        let at = offset;
        offset += len as u64;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| ShardError::Line { shard: name.into(), line: number, message };
        let head: Head = serde_json::from_str(&line).map_err(|e| bad(format!("not a JSON object: {e}")))?;
        match head.schema_version {
            Some(v) if v == SCHEMA_VERSION => {}
            found => {
                let found = found.map_or("none".to_string(), |v| v.to_string());
                return Err(ShardError::Version { shard: name.into(), line: number, found, expected: SCHEMA_VERSION });
            }
        }
        match (head.record.as_deref(), head.file, head.summary) {
            (Some("report"), Some(file), _) => {
                reports += 1;
                index.push(Entry { file, shard, line: number, offset: at, len });
            }
            (Some("summary"), _, Some(summary)) => counted = Some(summary.files),
            _ => return Err(bad("neither a report nor a summary line".into())),
        }
    }
    match counted {
        Some(counted) if counted != reports => {
            Err(ShardError::Incomplete { shard: name.into(), counted, found: reports })
        }
        _ => Ok(()),
    }
}

// Reading values back: the types live in `values`, their JSON form is written there.

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Duration::parse(&format!("1 {name}"))
            .map(|d| d.unit)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown unit {name:?}")))
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Fields {
            value: f64,
            unit: Unit,
        }
        let f = Fields::deserialize(d)?;
        Ok(Duration { value: f.value, unit: f.unit })
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Fields {
            value: f64,
            currency: String,
        }
        let f = Fields::deserialize(d)?;
        // The currency is one of the codes the value reader knows.
        Amount::parse(&format!("{} {}", f.value, f.currency))
            .ok_or_else(|| serde::de::Error::custom(format!("unknown currency {:?}", f.currency)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_reports_back_as_written() {
        let json = r#"{"file":"a.txt","status":"ok","error":null,"format":"txt","language":"nb","pages":null,
            "findings":[{"category":"compensation","negated":false,"risk":"high","text":"t","location":{"page":null,"paragraph":3},
            "values":{"duration":{"value":1.5,"unit":"year"},"amount":{"value":50000,"currency":"NOK"},"date":"2027-03-01"},
            "rule":"r","explanation":"e"}],"risk":"high","recommendation":"lawyer","recommendation_text":"x",
            "notice":null,"signatures":[],"answer":null,"minimum_terms":null,"minimum_terms_missing":null,
            "extraction":"text","ocr_pages":[]}"#;
        let report: Report = serde_json::from_str(json).unwrap();
        let again: serde_json::Value = serde_json::to_value(&report).unwrap();
        assert_eq!(again, serde_json::from_str::<serde_json::Value>(json).unwrap());
        let broken = json.replace("\"NOK\"", "\"XYZ\"");
        assert!(serde_json::from_str::<serde_json::Value>(&broken).and_then(Report::deserialize).is_err());
    }
}
