//! The CLI's language: `--lang`, else the POSIX locale variables, else English. Expected texts
//! come from the catalogues themselves (`laissez_messages::Localizer`), so these tests hold
//! whatever the translations say.

use assert_cmd::Command;
use credential_core::message;
use laissez_messages::{Localizer, LANGUAGES};
use std::path::{Path, PathBuf};

/// `laissez` with no locale from the environment running the tests.
fn laissez(home: &Path) -> Command {
    let mut c = Command::cargo_bin("laissez").unwrap();
    c.env("LAISSEZ_HOME", home)
        .env_remove("LAISSEZ_PASSPHRASE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1");
    c
}

/// An issuer home and a credential it issued (signature valid, issuer not checked).
fn credential() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let home = d.path().join("home");
    laissez(&home).arg("init").assert().success();
    let subject = d.path().join("s.json");
    std::fs::write(
        &subject,
        r#"{"recordId": "r-1", "givenName": "Amina", "familyName": "Yusuf"}"#,
    )
    .unwrap();
    let cred = d.path().join("cred.json");
    laissez(&home)
        .args(["issue", "--subject"])
        .arg(&subject)
        .arg("--out")
        .arg(&cred)
        .assert()
        .success();
    (d, home, cred)
}

/// The first line of the text report for this credential: the verdict in `lang`.
fn verdict_line(lang: &str) -> String {
    let name = Localizer::new(lang).text(&message!("verdict_issuer_not_checked"));
    format!("{} (issuer_not_checked)", name.to_uppercase())
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The first line `laissez [lang_args] verify cred` prints with `env` set, after checking the
/// exit code (3: signature valid, issuer not checked).
fn verdict_printed(home: &Path, cred: &Path, env: &[(&str, &str)], lang_args: &[&str]) -> String {
    let mut c = laissez(home);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.args(lang_args).arg("verify").arg(cred).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    stdout(&out).lines().next().unwrap_or_default().to_owned()
}

/// Environment variables, `laissez` options, and the language the report must be in.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], &'a str);

#[test]
fn lang_option_and_locale_choose_the_language() {
    let (_d, home, cred) = credential();
    // Sanity: the French and Spanish verdicts differ from the English one.
    assert_ne!(verdict_line("fr"), verdict_line("en"));
    assert_ne!(verdict_line("es"), verdict_line("en"));

    // (environment, options, expected language): --lang outranks LC_ALL, which outranks LANG;
    // C, POSIX and locales without a catalogue are English.
    let cases: &[Case] = &[
        (&[], &["--lang", "fr"], "fr"),
        (&[("LANG", "es_ES.UTF-8")], &[], "es"),
        (
            &[("LANG", "es_ES.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")],
            &[],
            "fr",
        ),
        (&[("LANG", "fr_FR.UTF-8")], &["--lang", "en"], "en"),
        (&[("LANG", "C")], &[], "en"),
        (&[("LANG", "POSIX")], &[], "en"),
        (&[("LANG", "de_DE.UTF-8")], &[], "en"),
    ];
    for (env, args, lang) in cases {
        assert_eq!(
            verdict_printed(&home, &cred, env, args),
            verdict_line(lang),
            "{env:?} {args:?}"
        );
    }
}

#[test]
fn arabic_report_is_in_arabic_script() {
    let (_d, home, cred) = credential();
    let out = laissez(&home)
        .args(["--lang", "ar", "verify"])
        .arg(&cred)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{text}"
    );
    assert_eq!(text.lines().next(), Some(verdict_line("ar").as_str()));
}

#[test]
fn an_unknown_language_is_a_usage_error_naming_the_available_ones() {
    let d = tempfile::tempdir().unwrap();
    let out = laissez(d.path())
        .args(["--lang", "xx", "verify", "x.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("laissez: "), "{err}");
    assert!(err.contains(&LANGUAGES.join(", ")), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn input_errors_are_in_the_chosen_language() {
    let d = tempfile::tempdir().unwrap();
    let fr = Localizer::new("fr");

    // A file that is not there: the CLI's own message, with its hint.
    let missing = d.path().join("missing.json");
    let os_error = std::fs::File::open(&missing).unwrap_err().to_string();
    let out = laissez(d.path())
        .args(["--lang", "fr", "verify"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let expected = format!(
        "laissez: {} ({})\n",
        fr.text(&message!(
            "io_read",
            path = missing.display().to_string(),
            error = os_error
        )),
        fr.text(&message!("hint_check_path"))
    );
    assert_eq!(stderr(&out), expected);

    // A core error (a malformed key): the core's message in French, then its code.
    let bundle = d.path().join("bundle.json");
    std::fs::write(&bundle, "{}").unwrap();
    let error = credential_core::keys::PublicKey::from_multikey("not-a-key").unwrap_err();
    let french = fr.text(&error.message());
    assert_ne!(french, Localizer::new("en").text(&error.message()));
    let out = laissez(d.path())
        .args(["--lang", "fr", "bundle", "add-issuer"])
        .arg(&bundle)
        .args(["--did", "did:example:issuer", "--key", "not-a-key"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("laissez: {french} [{}]\n", error.code())
    );
}

#[test]
fn every_cli_message_parses_and_renders() {
    // An entry Fluent cannot parse is dropped: rendering it would give back its id.
    let catalogue = include_str!("../../locales/en/cli.ftl");
    let en = Localizer::new("en");
    let mut count = 0;
    for line in catalogue.lines() {
        let Some((id, _)) = line.split_once(" = ") else {
            continue;
        };
        if line.starts_with(|c: char| c.is_ascii_lowercase()) {
            assert!(en.has(id), "{id} does not parse");
            count += 1;
        }
    }
    assert!(count > 100, "{count}");
}
