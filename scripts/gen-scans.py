#!/usr/bin/python3
"""Makes scanned and photographed copies of contract PDFs, for the OCR tests and measurements.

    scripts/gen-scans.py [--small] OUT_DIR PROFILE[:PAGES] FILE.pdf...

Each page is rendered with poppler's pdftoppm and then spoilt the way paper copies are:

  scan   a flatbed or office scanner: 200 dpi grey, tilted by up to 1.5 degrees, sensor noise,
         dust specks, JPEG quality 45 (one DCTDecode image per page)      -> NAME-skann.pdf
  fax    a bilevel 300 dpi scan (CCITT G4 per page), tilted, salt-and-pepper noise
                                                                          -> NAME-fax.pdf
  photo  a phone photo of the page on a desk: about 150 dpi, colour, perspective (the phone
         held at an angle), rotated by up to 4 degrees, light falling off towards one corner,
         JPEG quality 70; pages as photos in a PDF, as scanning apps make -> NAME-foto.pdf
  jpeg   as photo, the first page alone as a JPEG file                    -> NAME-foto.jpg
  png    as scan, the first page alone as a PNG file, not tilted         -> NAME-skann.png
  heic   as jpeg, as an iPhone saves it (HEIC, by libheif's heif-enc)     -> NAME-foto.heic
  mixed  the first page as it is (text layer), the others as scan         -> NAME-blandet.pdf

PAGES limits the pages used ("1" or "1-2"). --small makes files small enough to commit as test
fixtures: scans at 150 dpi with less noise, JPEG quality 35. The spoiling is seeded by the file name, so the
output is the same on every run. Needs python3-pil and poppler-utils (pdftoppm, pdfunite,
pdfseparate; heif-enc from libheif-examples for heic); run with the system Python, which has Pillow from Debian.
"""

import math
import os
import random
import subprocess
import sys
import tempfile

from PIL import Image, ImageChops, ImageFilter


def render(pdf, dpi, first, last, tmp, gray=True):
    """The pages of `pdf` as images at `dpi`."""
    prefix = os.path.join(tmp, "page")
    args = ["pdftoppm", "-r", str(dpi), "-png"] + (["-gray"] if gray else [])
    if first:
        args += ["-f", str(first), "-l", str(last)]
    subprocess.run(args + [pdf, prefix], check=True)
    names = sorted(n for n in os.listdir(tmp) if n.startswith("page") and n.endswith(".png"))
    pages = [Image.open(os.path.join(tmp, n)) for n in names]
    for p in pages:
        p.load()
    for n in names:
        os.remove(os.path.join(tmp, n))
    return pages


def noisy(img, rng, sigma, specks):
    """Adds Gaussian sensor noise and dark specks of dust."""
    noise = Image.effect_noise(img.size, sigma)
    if img.mode != "L":
        noise = Image.merge(img.mode, [noise] * len(img.getbands()))
    img = ImageChops.add(img, noise, 1.0, -128)
    dots = Image.new("L", img.size, 255)
    w, h = img.size
    for _ in range(specks):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice([1, 1, 2, 3])
        dots.paste(rng.randrange(0, 90), (x, y, x + r, y + r))
    if img.mode != "L":
        dots = Image.merge(img.mode, [dots] * len(img.getbands()))
    return ImageChops.darker(img, dots)


def tilt(img, degrees, fill):
    return img.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=fill)


def perspective_coeffs(src, dst):
    """Coefficients for Image.transform(PERSPECTIVE) mapping output points `dst` to input `src`."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    n = 8
    m = [r + [b] for r, b in zip(rows, rhs)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


SMALL = "--small" in sys.argv
SCAN_DPI, NOISE, QUALITY = (150, 8, 35) if SMALL else (200, 14, 45)


def photo(page, rng):
    """A phone photo of the page lying on a desk."""
    page = page.convert("RGB")
    # Paper is never pure white under a lamp.
    page = Image.eval(page, lambda v: int(40 + v * 0.78))
    w, h = page.size
    margin = int(w * 0.08)
    desk = Image.new("RGB", (w + 2 * margin, h + 2 * margin), (92, 74, 58))
    desk.paste(page, (margin, margin))
    W, H = desk.size
    # The phone is held at an angle: the far edge of the page is narrower.
    j = lambda: rng.uniform(0.0, 0.05)
    far, near = rng.uniform(0.04, 0.08), rng.uniform(0.0, 0.02)
    dst = [(W * (far + j() / 2), H * j() / 2), (W * (1 - far - j() / 2), H * j() / 2),
           (W * (1 - near), H * (1 - j() / 2)), (W * near, H * (1 - j() / 2))]
    src = [(0, 0), (W, 0), (W, H), (0, H)]
    desk = desk.transform((W, H), Image.PERSPECTIVE, perspective_coeffs(src, dst), Image.BICUBIC,
                          fillcolor=(70, 56, 44))
    desk = tilt(desk, rng.uniform(-4, 4), (70, 56, 44))
    # Light falls off towards one corner.
    light = Image.linear_gradient("L").rotate(rng.choice([45, 135, 225, 315]), expand=False, fillcolor=255)
    light = light.resize((W, H)).point(lambda v: 255 - int(v * 0.42))
    light = light.filter(ImageFilter.GaussianBlur(40))
    desk = ImageChops.multiply(desk, Image.merge("RGB", [light] * 3))
    desk = desk.filter(ImageFilter.GaussianBlur(0.6))
    return noisy(desk, rng, 7, 0)


def scan(page, rng, straight=False):
    page = page.filter(ImageFilter.GaussianBlur(0.5))
    if not straight:
        page = tilt(page, rng.uniform(-1.5, 1.5), 255)
    return noisy(page, rng, NOISE, 60)


def fax(page, rng):
    page = tilt(page, rng.uniform(-1.0, 1.0), 255)
    page = noisy(page, rng, 30, 150)
    return page.point(lambda v: 255 if v > 150 else 0).convert("1")


def pages_of(spec):
    if not spec:
        return None, None
    first, _, last = spec.partition("-")
    return int(first), int(last or first)


def main():
    if len([a for a in sys.argv[1:] if a != "--small"]) < 3:
        sys.exit(__doc__)
    args = [a for a in sys.argv[1:] if a != "--small"]
    out, profile, files = args[0], args[1], args[2:]
    profile, _, spec = profile.partition(":")
    first, last = pages_of(spec)
    os.makedirs(out, exist_ok=True)
    for pdf in files:
        name = os.path.splitext(os.path.basename(pdf))[0]
        rng = random.Random(f"{profile}:{name}")
        with tempfile.TemporaryDirectory() as tmp:
            if profile == "scan":
                pages = [scan(p, rng) for p in render(pdf, SCAN_DPI, first, last, tmp)]
                pages[0].save(os.path.join(out, f"{name}-skann.pdf"), save_all=True,
                              append_images=pages[1:], resolution=SCAN_DPI, quality=QUALITY)
            elif profile == "fax":
                pages = [fax(p, rng) for p in render(pdf, 300, first, last, tmp)]
                pages[0].save(os.path.join(out, f"{name}-fax.pdf"), save_all=True,
                              append_images=pages[1:], resolution=300)
            elif profile == "photo":
                pages = [photo(p, rng) for p in render(pdf, 150, first, last, tmp)]
                pages[0].save(os.path.join(out, f"{name}-foto.pdf"), save_all=True,
                              append_images=pages[1:], resolution=150, quality=70)
            elif profile == "jpeg":
                page = photo(render(pdf, 150, first or 1, last or 1, tmp)[0], rng)
                page.save(os.path.join(out, f"{name}-foto.jpg"), quality=QUALITY if SMALL else 70)
            elif profile == "heic":
                page = photo(render(pdf, 150, first or 1, last or 1, tmp)[0], rng)
                page.save(os.path.join(tmp, "photo.png"))
                subprocess.run(["heif-enc", "-q", "15" if SMALL else "50", "-o",
                                os.path.join(out, f"{name}-foto.heic"), os.path.join(tmp, "photo.png")],
                               check=True, stdout=subprocess.DEVNULL)
            elif profile == "png":
                page = scan(render(pdf, 150, first or 1, last or 1, tmp)[0], rng, straight=True)
                page.save(os.path.join(out, f"{name}-skann.png"), optimize=True)
            elif profile == "mixed":
                pages = [scan(p, rng) for p in render(pdf, SCAN_DPI, 2, 10_000, tmp)]
                scanned = os.path.join(tmp, "scanned.pdf")
                pages[0].save(scanned, save_all=True, append_images=pages[1:], resolution=SCAN_DPI,
                              quality=QUALITY)
                text = os.path.join(tmp, "text-%d.pdf")
                subprocess.run(["pdfseparate", "-f", "1", "-l", "1", pdf, text], check=True)
                subprocess.run(["pdfunite", text % 1, scanned, os.path.join(out, f"{name}-blandet.pdf")],
                               check=True)
            else:
                sys.exit(f"unknown profile {profile!r}\n{__doc__}")


if __name__ == "__main__":
    main()
