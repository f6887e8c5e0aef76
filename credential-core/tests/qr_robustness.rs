//! QR decoding robustness: the QR codes of every profile × suite, degraded as cheap cameras and
//! paper degrade them, must still decode. Prints the success rate per degradation (run with
//! `--nocapture`); the default set must reach 99 %. Then printed cards: the same credentials as
//! issued and in the compact form, printed at 150 and 300 dpi and photographed (see
//! `printed_cards_still_decode`). The corpus is generated here, never stored;
//! set `LAISSEZ_QR_CORPUS_DIR` to write the degraded images somewhere to look at them.

#[path = "common/samples.rs"]
mod samples;

use credential_core::envelope;
use credential_core::jsonld::ContextStore;
use credential_core::qr::{decode_luma, Ecc, QrMatrix};
use credential_core::verify::Verifier;
use image::{imageops, GrayImage, Luma};
use rand_chacha::rand_core::{RngCore, SeedableRng};

type Degrade = fn(&GrayImage, u64) -> GrayImage;

fn render(text: &str, module_px: usize) -> GrayImage {
    let m = QrMatrix::new(text, Ecc::M).unwrap();
    let (side, px) = m.to_luma(module_px, 4);
    GrayImage::from_raw(side as u32, side as u32, px).unwrap()
}

/// Samples `src` at the inverse of a projective map (bilinear), white outside.
fn warp(
    src: &GrayImage,
    out_w: u32,
    out_h: u32,
    inv: impl Fn(f64, f64) -> (f64, f64),
) -> GrayImage {
    let mut out = GrayImage::from_pixel(out_w, out_h, Luma([255]));
    let (w, h) = (src.width() as f64, src.height() as f64);
    for y in 0..out_h {
        for x in 0..out_w {
            let (sx, sy) = inv(x as f64 + 0.5, y as f64 + 0.5);
            let (fx, fy) = (sx - 0.5, sy - 0.5);
            if fx < 0.0 || fy < 0.0 || fx >= w - 1.0 || fy >= h - 1.0 {
                continue;
            }
            let (x0, y0) = (fx.floor() as u32, fy.floor() as u32);
            let (dx, dy) = (fx - x0 as f64, fy - y0 as f64);
            let p = |xx: u32, yy: u32| src.get_pixel(xx, yy)[0] as f64;
            let v = p(x0, y0) * (1.0 - dx) * (1.0 - dy)
                + p(x0 + 1, y0) * dx * (1.0 - dy)
                + p(x0, y0 + 1) * (1.0 - dx) * dy
                + p(x0 + 1, y0 + 1) * dx * dy;
            out.put_pixel(x, y, Luma([v.round() as u8]));
        }
    }
    out
}

fn rotate(img: &GrayImage, degrees: f64) -> GrayImage {
    let (s, c) = degrees.to_radians().sin_cos();
    let (w, h) = (img.width() as f64, img.height() as f64);
    let side = ((w * c.abs() + h * s.abs()).ceil()) as u32;
    let (cx, cy, ox) = (w / 2.0, h / 2.0, side as f64 / 2.0);
    warp(img, side, side, |x, y| {
        let (dx, dy) = (x - ox, y - ox);
        (c * dx + s * dy + cx, -s * dx + c * dy + cy)
    })
}

fn downscale(factor: f64) -> impl Fn(&GrayImage) -> GrayImage {
    move |img| {
        let w = (img.width() as f64 / factor).round() as u32;
        imageops::resize(img, w, w, imageops::FilterType::Triangle)
    }
}

fn degradations() -> Vec<(&'static str, bool, Degrade)> {
    vec![
        ("none", true, |i, _| i.clone()),
        ("3 px/module", true, |i, _| {
            downscale(2.0)(&render_again(i, 6))
        }),
        ("2 px/module", false, |i, _| downscale(2.0)(i)),
        ("rotated 90°", true, |i, _| imageops::rotate90(i)),
        ("rotated 10°", true, |i, seed| {
            rotate(i, 7.0 + (seed % 7) as f64)
        }),
        ("rotated 45°", true, |i, _| rotate(i, 45.0)),
        ("perspective skew", true, |i, seed| {
            let k = 0.0004 + (seed % 3) as f64 * 0.0001;
            let (w, h) = (i.width(), i.height());
            // Keystone: the top edge is narrower than the bottom.
            warp(i, w, h, move |x, y| {
                let scale = 1.0 + k * (h as f64 - y);
                let cx = w as f64 / 2.0;
                ((x - cx) * scale + cx, y)
            })
        }),
        ("blur σ=1", true, |i, _| imageops::blur(i, 1.0)),
        ("blur σ=2", false, |i, _| imageops::blur(i, 2.0)),
        ("JPEG quality 30", true, |i, _| {
            let mut buf = std::io::Cursor::new(Vec::new());
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 30)
                .encode_image(i)
                .unwrap();
            image::load_from_memory(buf.get_ref()).unwrap().to_luma8()
        }),
        ("noise ±40", true, |i, seed| {
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
            let mut o = i.clone();
            for p in o.pixels_mut() {
                let n = (rng.next_u32() % 81) as i32 - 40;
                p[0] = (p[0] as i32 + n).clamp(0, 255) as u8;
            }
            o
        }),
        ("low contrast (100..160)", true, |i, _| {
            let mut o = i.clone();
            for p in o.pixels_mut() {
                p[0] = (100 + (p[0] as u32 * 60 / 255)) as u8;
            }
            o
        }),
        ("uneven lighting", true, |i, _| {
            let mut o = i.clone();
            let w = o.width() as f64;
            for (x, _, p) in o.enumerate_pixels_mut() {
                let light = 0.35 + 0.65 * (x as f64 / w);
                p[0] = (p[0] as f64 * light) as u8;
            }
            o
        }),
    ]
}

/// Renders the same matrix at a different module size (the corpus images are 4 px/module).
fn render_again(img: &GrayImage, module_px: u32) -> GrayImage {
    imageops::resize(
        img,
        img.width() * module_px / 4,
        img.height() * module_px / 4,
        imageops::FilterType::Nearest,
    )
}

#[test]
fn degraded_qr_codes_still_decode() {
    let verifier = Verifier::new(ContextStore::bundled());
    let texts: Vec<String> = samples::credentials(&verifier)
        .iter()
        .map(|(_, c)| {
            envelope::encode_smallest(c, verifier.processor().store())
                .unwrap()
                .0
        })
        .collect();
    let mut failures = Vec::new();
    println!("\n{:<26} {:>8} {:>7}", "degradation", "decoded", "rate");
    for (name, default, f) in degradations() {
        let mut ok = 0;
        for (seed, text) in texts.iter().enumerate() {
            let img = f(&render(text, 4), seed as u64);
            if let Ok(dir) = std::env::var("LAISSEZ_QR_CORPUS_DIR") {
                let _ = img.save(format!(
                    "{dir}/{}-{seed}.png",
                    name.replace([' ', '/', '°', '=', '(', ')', '.'], "_")
                ));
            }
            if decode_luma(img.as_raw(), img.width() as usize, img.height() as usize).as_deref()
                == Ok(text.as_str())
            {
                ok += 1;
            }
        }
        let rate = 100.0 * ok as f64 / texts.len() as f64;
        println!(
            "{name:<26} {ok:>4}/{:<3} {rate:>6.1}%{}",
            texts.len(),
            if default {
                ""
            } else {
                "  (stress, not required)"
            }
        );
        if default && rate < 99.0 {
            failures.push(format!("{name}: {rate:.1}%"));
        }
    }
    assert!(failures.is_empty(), "below 99 %: {failures:?}");
}

/// A QR code as printed on an ID-1 card by `laissez print` (modules of 40 mm divided by the
/// modules and quiet zone, in whole hundredths of a millimetre) at `dpi`: module edges fall on
/// the printer's pixel grid. Then photographed: seen by the camera at twice the print's pixels.
fn printed(text: &str, dpi: f64) -> GrayImage {
    let m = QrMatrix::new(text, Ecc::M).unwrap();
    let modules = m.width + 8;
    let module_mm = (40.0 / modules as f64 * 100.0).floor() / 100.0;
    let dots = module_mm / 25.4 * dpi;
    // The printer's raster: each dot takes the colour of the module under its centre.
    let side = (modules as f64 * dots).round() as u32;
    let print = GrayImage::from_fn(side, side, |x, y| {
        let mx = ((x as f64 + 0.5) / dots) as usize;
        let my = ((y as f64 + 0.5) / dots) as usize;
        let dark = (4..4 + m.width).contains(&mx)
            && (4..4 + m.width).contains(&my)
            && m.dark(mx - 4, my - 4);
        Luma([if dark { 0 } else { 255 }])
    });
    imageops::resize(&print, side * 2, side * 2, imageops::FilterType::Triangle)
}

/// Paper as a phone photographs it; the compact form at 150 dpi must decode under each.
fn paper_degradations() -> Vec<(&'static str, Degrade)> {
    vec![
        ("none", |i, _| i.clone()),
        ("blur σ=1", |i, _| imageops::blur(i, 1.0)),
        ("skew 7-13°", |i, seed| rotate(i, 7.0 + (seed % 7) as f64)),
        ("perspective", |i, seed| {
            // Keystone, whatever the resolution: the top edge 13-17 % narrower than the bottom.
            let (w, h) = (i.width(), i.height());
            let k = (0.15 + (seed % 3) as f64 * 0.025) / h as f64;
            warp(i, w, h, move |x, y| {
                let scale = 1.0 + k * (h as f64 - y);
                let cx = w as f64 / 2.0;
                ((x - cx) * scale + cx, y)
            })
        }),
        ("JPEG quality 30", |i, _| {
            let mut buf = std::io::Cursor::new(Vec::new());
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 30)
                .encode_image(i)
                .unwrap();
            image::load_from_memory(buf.get_ref()).unwrap().to_luma8()
        }),
        ("crease lines", |i, seed| {
            // Two folds: a grey line 2 px wide across the code, one side a little darker.
            let mut o = i.clone();
            let (w, h) = (o.width() as f64, o.height() as f64);
            let tilt = 0.1 + (seed % 5) as f64 * 0.05;
            for (x, y, p) in o.enumerate_pixels_mut() {
                let (x, y) = (x as f64, y as f64);
                let d1 = (y - h * 0.4 - tilt * (x - w / 2.0)).abs();
                let d2 = (x - w * 0.6 + tilt * (y - h / 2.0)).abs();
                if d1 < 1.0 || d2 < 1.0 {
                    p[0] = p[0].min(110);
                } else if y > h * 0.4 + tilt * (x - w / 2.0) {
                    p[0] = (p[0] as f64 * 0.85) as u8;
                }
            }
            o
        }),
        ("low light", |i, seed| {
            // 30-40 % of the light, with sensor noise ±12.
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
            let light = 0.3 + (seed % 3) as f64 * 0.05;
            let mut o = i.clone();
            for p in o.pixels_mut() {
                let n = (rng.next_u32() % 25) as f64 - 12.0;
                p[0] = (p[0] as f64 * light + n).clamp(0.0, 255.0) as u8;
            }
            o
        }),
    ]
}

/// Print and scan: the 16 profile × suite credentials as `laissez issue` makes them and in the
/// compact form, printed on an ID-1 card at 150 and 300 dpi, photographed and degraded. Prints
/// the decode rate per form, resolution and degradation; the compact form at 150 dpi must reach
/// 99 % under every degradation.
#[test]
fn printed_cards_still_decode() {
    let verifier = Verifier::new(ContextStore::bundled());
    let store = verifier.processor().store();
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(11);
    let mut corpus: Vec<(samples::Form, String)> = Vec::new();
    for profile in verifier.profiles().all() {
        let (_, subject) = samples::examples(profile.name()).remove(0);
        for suite in credential_core::suites::Cryptosuite::ALL {
            let key =
                credential_core::keys::SecretKey::generate(suite.default_algorithm(), &mut rng)
                    .unwrap();
            for form in samples::Form::ALL {
                let cred = samples::issued(profile.name(), subject.clone(), suite, &key, form);
                corpus.push((form, envelope::encode_smallest(&cred, store).unwrap().0));
            }
        }
    }
    let mut failures = Vec::new();
    println!(
        "\n{:<9} {:>4} {:<16} {:>8} {:>7}",
        "form", "dpi", "degradation", "decoded", "rate"
    );
    for form in samples::Form::ALL {
        for dpi in [150.0, 300.0] {
            let texts: Vec<&String> = corpus
                .iter()
                .filter(|(f, _)| *f == form)
                .map(|(_, t)| t)
                .collect();
            let images: Vec<GrayImage> = texts.iter().map(|t| printed(t, dpi)).collect();
            for (name, f) in paper_degradations() {
                let mut ok = 0;
                for (seed, (text, img)) in texts.iter().zip(&images).enumerate() {
                    let img = f(img, seed as u64);
                    if let Ok(dir) = std::env::var("LAISSEZ_QR_CORPUS_DIR") {
                        let _ = img.save(format!(
                            "{dir}/card-{}-{dpi}-{}-{seed}.png",
                            form.name(),
                            name.replace([' ', '°', '=', '-'], "_")
                        ));
                    }
                    if decode_luma(img.as_raw(), img.width() as usize, img.height() as usize)
                        .as_deref()
                        == Ok(text.as_str())
                    {
                        ok += 1;
                    }
                }
                let rate = 100.0 * ok as f64 / texts.len() as f64;
                println!(
                    "{:<9} {dpi:>4} {name:<16} {ok:>4}/{:<3} {rate:>6.1}%",
                    form.name(),
                    texts.len()
                );
                if form == samples::Form::Compact && dpi == 150.0 && rate < 99.0 {
                    failures.push(format!("{name}: {rate:.1}%"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "compact cards at 150 dpi below 99 %: {failures:?}"
    );
}
