//! Straightening a tilted page image before OCR.
//!
//! Tesseract's line finder copes with a tilt of a degree or so; a phone photo is often tilted
//! by several, and perspective bends its lines further, so Tesseract cut its lines into
//! side-by-side pieces and read them out of order. The tilt is found by a projection profile:
//! on a small copy of the page, the dark pixels (ink darker than its surroundings, so uneven
//! light does not count) are summed along rows sheared by each candidate angle; the lines of
//! text line up with the rows at the page's tilt, where the sum of squared row counts peaks.
//! The full image is then turned by that angle. Turns of 90° and more are left to Tesseract's
//! orientation detection, which still reads a sideways page that was also turned a few degrees.

use image::{GrayImage, ImageReader, Limits, Luma};
use std::io::Cursor;

/// Largest tilt looked for, in degrees.
const MAX_TILT: f64 = 8.0;

/// Tilts smaller than this, in degrees, are left to Tesseract.
const MIN_TILT: f64 = 0.3;

/// Longer side of the copy the tilt is measured on, in pixels: text lines are still apart.
const PROFILE_SIDE: u32 = 1000;

/// A pixel is ink when it is this much darker than the mean of its neighbourhood.
const INK_CONTRAST: i32 = 25;

/// Images of more pixels than this are left as they are (a 600 dpi A4 page has 35 million).
const MAX_PIXELS: u64 = 40_000_000;

/// The page image turned upright as a PGM file, or `None` when it is straight enough, cannot
/// be decoded here (Tesseract then reads it as it is) or has no lines of text to go by.
pub fn straighten(bytes: &[u8]) -> Option<Vec<u8>> {
    let reader = || {
        let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().ok()?;
        let mut limits = Limits::default();
        limits.max_alloc = Some(MAX_PIXELS * 4);
        reader.limits(limits);
        Some(reader)
    };
    let (width, height) = reader()?.into_dimensions().ok()?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return None;
    }
    let page = reader()?.decode().ok()?.into_luma8();
    let tilt = tilt(&page)?;
    (tilt.abs() >= MIN_TILT).then(|| pgm(&rotate(&page, tilt)))
}

/// The page's tilt in degrees (positive: lines fall to the right), `None` without ink. A page
/// turned sideways gets some small angle, which Tesseract's orientation detection copes with.
fn tilt(page: &GrayImage) -> Option<f64> {
    let ink = ink(&shrink(page));
    if ink.len() < 500 {
        return None;
    }
    let score = |degrees: f64| {
        let slope = degrees.to_radians().tan();
        let mut rows = vec![0u32; 2 * PROFILE_SIDE as usize + 1];
        for &(x, y) in &ink {
            let row = (f64::from(y) - f64::from(x) * slope).round() as isize + PROFILE_SIDE as isize / 2;
            if let Some(r) = rows.get_mut(row.max(0) as usize) {
                *r += 1;
            }
        }
        rows.iter().map(|&n| u64::from(n) * u64::from(n)).sum::<u64>()
    };
    let best = |from: f64, step: f64, steps: i32| {
        (-steps..=steps).map(|i| from + f64::from(i) * step).map(|a| (score(a), a)).max_by_key(|&(s, _)| s)
    };
    let (_, coarse) = best(0.0, 0.5, (MAX_TILT / 0.5) as i32)?;
    best(coarse, 0.1, 5).map(|(_, degrees)| degrees)
}

/// A copy whose longer side is at most [`PROFILE_SIDE`], each pixel the mean of its block.
fn shrink(page: &GrayImage) -> GrayImage {
    let step = page.width().max(page.height()).div_ceil(PROFILE_SIDE).max(1);
    let (w, h) = (page.width() / step, page.height() / step);
    GrayImage::from_fn(w, h, |x, y| {
        let mut sum = 0u32;
        for dy in 0..step {
            for dx in 0..step {
                sum += u32::from(page.get_pixel(x * step + dx, y * step + dy)[0]);
            }
        }
        Luma([(sum / (step * step)) as u8])
    })
}

/// The pixels darker by [`INK_CONTRAST`] than the mean of the 31 × 31 square around them.
fn ink(page: &GrayImage) -> Vec<(u32, u32)> {
    let (w, h) = (page.width() as usize, page.height() as usize);
    // Summed-area table, one row and column of zeros in front.
    let mut sums = vec![0u64; (w + 1) * (h + 1)];
    for y in 0..h {
        for x in 0..w {
            sums[(y + 1) * (w + 1) + x + 1] = u64::from(page.get_pixel(x as u32, y as u32)[0])
                + sums[y * (w + 1) + x + 1]
                + sums[(y + 1) * (w + 1) + x]
                - sums[y * (w + 1) + x];
        }
    }
    const R: usize = 15;
    let mut ink = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let (x0, y0, x1, y1) = (x.saturating_sub(R), y.saturating_sub(R), (x + R + 1).min(w), (y + R + 1).min(h));
            let total =
                sums[y1 * (w + 1) + x1] + sums[y0 * (w + 1) + x0] - sums[y0 * (w + 1) + x1] - sums[y1 * (w + 1) + x0];
            let mean = (total / ((x1 - x0) * (y1 - y0)) as u64) as i32;
            if mean - i32::from(page.get_pixel(x as u32, y as u32)[0]) > INK_CONTRAST {
                ink.push((x as u32, y as u32));
            }
        }
    }
    ink
}

/// `page` turned by `degrees` against its tilt about its centre, bilinear, the corners white.
fn rotate(page: &GrayImage, degrees: f64) -> GrayImage {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (f64::from(page.width()) / 2.0, f64::from(page.height()) / 2.0);
    let at = |x: i64, y: i64| -> f64 {
        if x < 0 || y < 0 || x >= i64::from(page.width()) || y >= i64::from(page.height()) {
            255.0
        } else {
            f64::from(page.get_pixel(x as u32, y as u32)[0])
        }
    };
    GrayImage::from_fn(page.width(), page.height(), |x, y| {
        // The source of each output pixel: the output turned back by the tilt.
        let (dx, dy) = (f64::from(x) - cx, f64::from(y) - cy);
        let (sx, sy) = (cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
        let (x0, y0) = (sx.floor(), sy.floor());
        let (fx, fy) = (sx - x0, sy - y0);
        let (x0, y0) = (x0 as i64, y0 as i64);
        let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
        let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
        Luma([(top * (1.0 - fy) + bottom * fy).round() as u8])
    })
}

/// A grey image as a PGM file, which Tesseract reads.
fn pgm(page: &GrayImage) -> Vec<u8> {
    let mut out = format!("P5\n{} {}\n255\n", page.width(), page.height()).into_bytes();
    out.extend_from_slice(page.as_raw());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed phone photo: a page tilted by about 2° and bent by perspective.
    fn photo() -> GrayImage {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/scans/avtale-nynorsk-foto.jpg");
        image::open(path).unwrap().into_luma8()
    }

    #[test]
    fn tilts_of_one_to_five_degrees_are_found_and_straightened() {
        let photo = photo();
        let own = tilt(&photo).unwrap();
        assert!((own.abs() - 2.0).abs() < 0.6, "{own}");
        let straight = rotate(&photo, own);
        assert!(tilt(&straight).unwrap().abs() < MIN_TILT);
        for degrees in [-5.0, -3.0, -1.0, 1.0, 2.5, 4.0] {
            let tilted = rotate(&straight, -degrees);
            let found = tilt(&tilted).unwrap();
            assert!((found - degrees).abs() <= 0.3, "tilted by {degrees}°, found {found}°");
        }
    }

    #[test]
    fn straight_blank_and_undecodable_pages_are_left_alone() {
        let photo = photo();
        let straight = pgm(&rotate(&photo, tilt(&photo).unwrap()));
        assert!(straighten(&straight).is_none(), "already straight");
        assert_eq!(tilt(&GrayImage::from_pixel(800, 1100, Luma([230]))), None);
        assert!(straighten(b"\xFF\xD8\xFF\xE0 not a JPEG").is_none());
    }
}
