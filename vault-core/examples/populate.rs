//! Fills a vault with cases for `bench/cases.sh`: `populate DIR USER TEAM COUNT`, the
//! user's password in `VAULT_PASSWORD`. Names are drawn from a few dozen given names and
//! family names of the people the association meets, so that, as in life, many cases
//! share a family name; one case is "Aïssatou Diallo-Nguyễn".

use std::time::Instant;

use secrecy::SecretString;
use vault_core::{CaseProfile, Vault};

const GIVEN: &[&str] = &[
    "Aïssatou",
    "Mamadou",
    "Fatoumata",
    "Ibrahima",
    "Mariama",
    "Oumar",
    "Amina",
    "Moussa",
    "Khadija",
    "Ahmad",
    "Zainab",
    "Mohammad",
    "Fereshteh",
    "Ali",
    "Nadia",
    "Hamid",
    "Oleksandr",
    "Olena",
    "Yulia",
    "Dmytro",
    "Tigist",
    "Dawit",
    "Selam",
    "Yonas",
    "Nino",
    "Giorgi",
    "Ana",
    "Levan",
    "Ștefan",
    "Ioana",
    "Łukasz",
    "Agnieszka",
    "Søren",
    "Yıldız",
    "Mehmet",
    "Elif",
    "Thị Hương",
    "Minh",
    "Rahim",
    "Fatima",
    "Sadia",
    "Abdi",
    "Hodan",
    "Sahra",
    "Arben",
    "Blerta",
];

const FAMILY: &[&str] = &[
    "Diallo",
    "Bah",
    "Barry",
    "Sow",
    "Camara",
    "Traoré",
    "Konaté",
    "Keïta",
    "N'Diaye",
    "Ba",
    "Haidari",
    "Ahmadi",
    "Rahimi",
    "Karimi",
    "Hosseini",
    "Popal",
    "Kovalenko",
    "Shevchenko",
    "Bondarenko",
    "Tesfaye",
    "Haile",
    "Gebremedhin",
    "Beridze",
    "Kapanadze",
    "Pușcaș",
    "Wałęsa",
    "Ødegård",
    "Kırmızı",
    "Yılmaz",
    "Nguyễn",
    "Trần",
    "Hossain",
    "Rahman",
    "Mohamed",
    "Warsame",
    "Hoxha",
    "Krasniqi",
    "Okafor",
    "Mensah",
    "Diop",
    "Fofana",
    "Touré",
    "Cissé",
    "Sylla",
    "Kaba",
];

fn main() -> Result<(), vault_core::Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, user, team, count] = args.as_slice() else {
        eprintln!("usage: populate DIR USER TEAM COUNT (password in VAULT_PASSWORD)");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("COUNT is a number");
    let password = SecretString::from(std::env::var("VAULT_PASSWORD").expect("VAULT_PASSWORD"));
    let vault = Vault::open(std::path::Path::new(dir))?;
    let session = vault.login(user, &password)?;
    let started = Instant::now();
    // A fixed pseudo-random sequence (xorshift): the same vault on every run.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..count {
        let name = if i == count / 2 {
            "Aïssatou Diallo-Nguyễn".to_owned()
        } else {
            let given = GIVEN[next() as usize % GIVEN.len()];
            let family = FAMILY[next() as usize % FAMILY.len()];
            if next() % 5 == 0 {
                let second = FAMILY[next() as usize % FAMILY.len()];
                format!("{given} {family}-{second}")
            } else {
                format!("{given} {family}")
            }
        };
        let profile = CaseProfile {
            name,
            birth_date: Some(format!("19{:02}-0{}-1{}", 60 + i % 40, 1 + i % 9, i % 10)),
            ..CaseProfile::default()
        };
        vault.create_case(&session, team, &profile)?;
        if (i + 1) % 10_000 == 0 {
            eprintln!(
                "{} cases, {:.0} a second",
                i + 1,
                (i + 1) as f64 / started.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "created {count} cases in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
