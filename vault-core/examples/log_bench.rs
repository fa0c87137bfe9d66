//! Appends events to a fresh vault's access log and verifies the whole log.
//! Run by `bench/log.sh` (release build): `log_bench [EVENTS] [DIR]`.

use std::time::Instant;

use secrecy::SecretString;
use vault_core::{KdfParams, Settings, Vault};

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn main() -> Result<(), vault_core::Error> {
    let mut args = std::env::args().skip(1);
    let events: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let path = dir.join(format!("log-bench-{}", std::process::id()));
    let settings = Settings {
        kdf: KdfParams::insecure_for_tests(),
        ..Settings::default()
    };
    let password = SecretString::from("bench-password".to_string());
    let vault = Vault::create(&path, &settings, "admin", &password)?.vault;
    let admin = vault.login("admin", &password)?;

    // One durable batch (fsync) per event, as operations do.
    let single = 2_000;
    let start = Instant::now();
    vault.append_test_events(single, 1)?;
    let per_event = start.elapsed();
    println!(
        "durable appends, one fsync each: {single} events in {:.2} s ({:.0} events/s)",
        per_event.as_secs_f64(),
        single as f64 / per_event.as_secs_f64()
    );

    let start = Instant::now();
    vault.append_test_events(events - single.min(events), 10_000)?;
    let appended = start.elapsed();
    println!(
        "bulk appends, 10000 per batch: {} events in {:.2} s",
        events - single.min(events),
        appended.as_secs_f64()
    );
    let checkpoint = vault.checkpoint(&admin)?;
    println!(
        "log size: {} events; checkpoint root {}",
        checkpoint.size, checkpoint.root
    );

    let start = Instant::now();
    let report = vault.verify_log(Some(&checkpoint))?;
    let verified = start.elapsed();
    assert!(report.is_ok(), "{report:?}");
    println!(
        "verify the whole log against the checkpoint: {:.2} s (target < 10 s)",
        verified.as_secs_f64()
    );
    let start = Instant::now();
    let proof = vault.inclusion_proof(checkpoint.size / 3, checkpoint.size)?;
    let consistency = vault.consistency_proof(checkpoint.size / 2, checkpoint.size)?;
    println!(
        "inclusion proof ({} hashes) and consistency proof ({} hashes): {:.1} ms",
        proof.len(),
        consistency.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    let log_bytes = dir_size(&path.join("log"));
    println!(
        "access log on disk: {:.1} MiB ({:.0} bytes per event); catalogue {:.1} MiB",
        log_bytes as f64 / 1048576.0,
        log_bytes as f64 / checkpoint.size as f64,
        dir_size(&path.join("catalog")) as f64 / 1048576.0
    );
    drop(vault);
    let _ = std::fs::remove_dir_all(&path);
    Ok(())
}
