//! The recovery key split among custodians: any `threshold` of `n` shares give it back, fewer
//! reveal nothing of it (Shamir's scheme over GF(256), the `blahaj` crate, which fixed
//! RUSTSEC-2024-0398 of `sharks`).
//!
//! A share is a line of text to print or to hand over: `VAULTSHARE1...`, Bech32m (the
//! checksum names a share typed wrong), holding a version, the split's random id (so that
//! shares of two splits are not mixed), the threshold, and the share itself.

use blahaj::{Share, Sharks};
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::error::{Error, Problem, Result};
use crate::ids::random_bytes;
use crate::keys::SecretKey;

const VERSION: u8 = 1;
const HRP: &str = "vaultshare";
/// Version, split id (4 bytes), threshold.
const HEADER: usize = 6;

/// The most shares of one split.
pub const MAX_SHARES: u8 = 16;

/// Splits `key` into `shares` shares, any `threshold` of which give it back.
pub fn split_key(key: &SecretKey, shares: u8, threshold: u8) -> Result<Vec<SecretString>> {
    if threshold < 2 || threshold > shares || shares > MAX_SHARES {
        return Err(Error::Invalid(Problem::ShareCount));
    }
    let seed = key.seed()?;
    let mut id = [0u8; 4];
    random_bytes(&mut id)?;
    let hrp = bech32::Hrp::parse_unchecked(HRP);
    let dealer = Sharks(threshold).dealer(seed.as_ref());
    dealer
        .take(shares as usize)
        .map(|share| {
            let mut data = Zeroizing::new(vec![VERSION]);
            data.extend_from_slice(&id);
            data.push(threshold);
            data.extend_from_slice(&Vec::from(&share));
            bech32::encode_upper::<bech32::Bech32m>(hrp, &data)
                .map(SecretString::from)
                .map_err(|_| Error::Catalog("cannot encode a share".into()))
        })
        .collect()
}

/// A share encrypted to its custodian's own age recipient: a standard age file that the
/// `age` tool opens with the custodian's identity, so that the share travels (a USB key, an
/// e-mail) without being readable on the way.
pub fn seal_share(share: &SecretString, custodian: &crate::PublicKey) -> Result<Vec<u8>> {
    let mut text = Zeroizing::new(share.expose_secret().as_bytes().to_vec());
    text.push(b'\n');
    crate::keys::seal(&text, &[custodian])
}

/// One share as typed: spaces, dashes, line breaks and case do not matter. `which` is its
/// place among those given (from 1), to name it when it is wrong.
fn parse(text: &str, which: usize) -> Result<(Zeroizing<Vec<u8>>, Share)> {
    let typed: Zeroizing<String> = Zeroizing::new(
        text.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect(),
    );
    let wrong = || {
        Error::Invalid(Problem::ShareMistyped {
            which: which as u32,
        })
    };
    let (hrp, data) = bech32::decode(&typed).map_err(|_| wrong())?;
    let data = Zeroizing::new(data);
    if hrp.as_str() != HRP || data.len() <= HEADER + 1 || data[0] != VERSION {
        return Err(wrong());
    }
    let share = Share::try_from(&data[HEADER..]).map_err(|_| wrong())?;
    Ok((data, share))
}

/// The key that `shares` give back (the threshold's count of shares of one split, or more).
pub fn combine_shares(shares: &[SecretString]) -> Result<SecretKey> {
    let mut parsed = Vec::new();
    for (i, text) in shares.iter().enumerate() {
        parsed.push(parse(text.expose_secret(), i + 1)?);
    }
    let Some((first, _)) = parsed.first() else {
        return Err(Error::Invalid(Problem::SharesTooFew { needed: 2 }));
    };
    let (id, threshold) = (first[1..5].to_vec(), first[5]);
    if parsed
        .iter()
        .any(|(d, _)| d[1..5] != id[..] || d[5] != threshold)
    {
        return Err(Error::Invalid(Problem::SharesMixed));
    }
    let mut xs: Vec<u8> = parsed.iter().map(|(d, _)| d[HEADER]).collect();
    xs.sort();
    xs.dedup();
    if xs.len() < threshold as usize {
        return Err(Error::Invalid(Problem::SharesTooFew {
            needed: u32::from(threshold),
        }));
    }
    let shares: Vec<&Share> = parsed.iter().map(|(_, s)| s).collect();
    let seed = Zeroizing::new(
        Sharks(threshold)
            .recover(shares)
            .map_err(|_| Error::Invalid(Problem::SharesMixed))?,
    );
    let seed: &[u8; 32] = seed
        .as_slice()
        .try_into()
        .map_err(|_| Error::Invalid(Problem::SharesMixed))?;
    SecretKey::from_seed(seed)
}

/// The recovery key as an admin types it into one field: the key itself
/// (`AGE-SECRET-KEY-1...`), or custodians' shares one after another (each begins with
/// `VAULTSHARE1`; spaces and line breaks between them or inside them do not matter).
pub fn recovery_key_from_text(text: &str) -> Result<SecretKey> {
    let typed: Zeroizing<String> = Zeroizing::new(
        text.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect(),
    );
    let marker = format!("{HRP}1");
    if !typed.starts_with(&marker) {
        return SecretKey::parse(text);
    }
    let shares: Vec<SecretString> = typed
        .match_indices(&marker)
        .map(|(i, _)| i)
        .chain(std::iter::once(typed.len()))
        .collect::<Vec<_>>()
        .windows(2)
        .map(|w| SecretString::from(typed[w[0]..w[1]].to_owned()))
        .collect();
    combine_shares(&shares)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(shares: &[SecretString], picked: &[usize]) -> Vec<SecretString> {
        picked
            .iter()
            .map(|&i| SecretString::from(shares[i].expose_secret().to_owned()))
            .collect()
    }

    #[test]
    fn any_two_of_three_give_the_key_back_and_one_is_refused() {
        let key = SecretKey::generate();
        let shares = split_key(&key, 3, 2).unwrap();
        assert_eq!(shares.len(), 3);
        for pair in [[0, 1], [1, 2], [0, 2], [2, 0]] {
            let back = combine_shares(&texts(&shares, &pair)).unwrap();
            assert_eq!(back.public(), key.public());
        }
        // As copied from paper: lower case, in groups, over two lines.
        let typed = shares[0].expose_secret().to_lowercase();
        let (a, b) = typed.split_at(30);
        let paper = SecretString::from(format!("{a}\n  {} - {}", &b[..10], &b[10..]));
        let back = combine_shares(&[paper, texts(&shares, &[1]).remove(0)]).unwrap();
        assert_eq!(back.public(), key.public());
        assert!(matches!(
            combine_shares(&texts(&shares, &[1])),
            Err(Error::Invalid(Problem::SharesTooFew { needed: 2 }))
        ));
        // The same share twice is still one.
        assert!(matches!(
            combine_shares(&texts(&shares, &[1, 1])),
            Err(Error::Invalid(Problem::SharesTooFew { needed: 2 }))
        ));
        assert!(matches!(
            combine_shares(&[]),
            Err(Error::Invalid(Problem::SharesTooFew { .. }))
        ));
    }

    #[test]
    fn a_mistyped_share_is_named_and_shares_of_two_splits_are_not_mixed() {
        let key = SecretKey::generate();
        let shares = split_key(&key, 3, 2).unwrap();
        let mut typo = shares[1].expose_secret().to_owned();
        let at = typo.len() - 10;
        let c = typo.as_bytes()[at];
        let other = if c == b'Q' { 'P' } else { 'Q' };
        typo.replace_range(at..at + 1, &other.to_string());
        let given = vec![texts(&shares, &[0]).remove(0), SecretString::from(typo)];
        assert!(matches!(
            combine_shares(&given),
            Err(Error::Invalid(Problem::ShareMistyped { which: 2 }))
        ));
        let again = split_key(&key, 3, 2).unwrap();
        let mixed = vec![
            texts(&shares, &[0]).remove(0),
            texts(&again, &[1]).remove(0),
        ];
        assert!(matches!(
            combine_shares(&mixed),
            Err(Error::Invalid(Problem::SharesMixed))
        ));
        assert!(matches!(
            combine_shares(&[SecretString::from("AGE-SECRET-KEY-1XYZ".to_owned())]),
            Err(Error::Invalid(Problem::ShareMistyped { which: 1 }))
        ));
    }

    #[test]
    fn one_field_takes_the_key_or_shares_one_after_another() {
        let key = SecretKey::generate();
        let shares = split_key(&key, 3, 2).unwrap();
        let two = format!(
            "{}\n{}",
            shares[2].expose_secret(),
            shares[0].expose_secret().to_lowercase()
        );
        assert_eq!(recovery_key_from_text(&two).unwrap().public(), key.public());
        let own = key.to_secret_string();
        assert_eq!(
            recovery_key_from_text(own.expose_secret())
                .unwrap()
                .public(),
            key.public()
        );
        assert!(matches!(
            recovery_key_from_text(shares[1].expose_secret()),
            Err(Error::Invalid(Problem::SharesTooFew { needed: 2 }))
        ));
    }

    #[test]
    fn thresholds_below_two_or_above_the_count_are_refused() {
        let key = SecretKey::generate();
        for (n, t) in [(3, 1), (2, 3), (17, 2), (0, 0)] {
            assert!(matches!(
                split_key(&key, n, t),
                Err(Error::Invalid(Problem::ShareCount))
            ));
        }
        let five = split_key(&key, 5, 3).unwrap();
        assert!(combine_shares(&texts(&five, &[0, 4])).is_err());
        let back = combine_shares(&texts(&five, &[0, 2, 4])).unwrap();
        assert_eq!(back.public(), key.public());
    }
}
