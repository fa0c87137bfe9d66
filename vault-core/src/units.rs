//! Durations and sizes as people write them: `7d`, `12h`, `2GiB`, `200MiB`.

use crate::error::{Error, Result};

fn split(text: &str) -> (&str, &str) {
    let text = text.trim();
    let at = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(at);
    (number, unit.trim())
}

/// `30m`, `12h`, `7d`, `2w` (or bare seconds) as seconds.
pub fn parse_duration(text: &str) -> Result<u64> {
    let bad = || Error::Invalid(crate::Problem::Duration);
    let (number, unit) = split(text);
    let n: u64 = number.parse().map_err(|_| bad())?;
    let factor = match unit {
        "" | "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        "d" | "j" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(bad()),
    };
    n.checked_mul(factor).ok_or_else(bad)
}

/// `2GiB`, `500MiB`, `64KiB`, `10MB` (or bare bytes) as bytes.
pub fn parse_size(text: &str) -> Result<u64> {
    let bad = || Error::Invalid(crate::Problem::Size);
    let (number, unit) = split(text);
    let n: u64 = number.parse().map_err(|_| bad())?;
    let factor: u64 = match unit {
        "" | "B" => 1,
        "KiB" | "K" => 1 << 10,
        "MiB" | "M" => 1 << 20,
        "GiB" | "G" => 1 << 30,
        "KB" | "kB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        _ => return Err(bad()),
    };
    n.checked_mul(factor).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_sizes() {
        assert_eq!(parse_duration("7d").unwrap(), 7 * 86_400);
        assert_eq!(parse_duration(" 12h ").unwrap(), 12 * 3600);
        assert_eq!(parse_duration("90").unwrap(), 90);
        assert_eq!(parse_duration("30m").unwrap(), 1800);
        for bad in ["", "d", "7x", "-1d", "1.5d", "99999999999999999999d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_size("200MiB").unwrap(), 200 << 20);
        assert_eq!(parse_size("2GiB").unwrap(), 2 << 30);
        assert_eq!(parse_size("10MB").unwrap(), 10_000_000);
        assert_eq!(parse_size("123").unwrap(), 123);
        for bad in ["", "MiB", "1TiB", "1.5GiB", "-3"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
