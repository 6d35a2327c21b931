#!/usr/bin/python3
"""Writes astropy's sky cutouts (astropy.nddata.Cutout2D) of real and generated images with a
celestial WCS, for SkyCutoutParityTest.

Usage: sky_cutout_reference.py FITS_DATA_DIR OUTPUT_DIR

For each case (a file, an HDU, a radius in arcseconds) it picks sky positions: astropy's
all_pix2world of pixel positions inside the image, near and on its edges and corners, partly and
wholly outside it, plus positions the WCS cannot convert (NaN, and for zenithal projections the
point opposite the reference point). For each position it writes:

  * the pixel box: the position through skycoord_to_pixel(SkyCoord(ra, dec, unit='deg', frame of
    the WCS), WCS, mode='all') (what Cutout2D does with a SkyCoord), then Cutout2D(zeros, (x + M,
    y + M), size, wcs=WCS, mode='partial') on an all-zero array with a margin of M pixels around
    the image, so that boxes off the real image still have an astropy answer; the corner is
    slices_original.start - slices_cutout.start - M, the size the cutout's shape. Unconvertible
    positions have no box (null).
  * the values: Cutout2D of the image itself (astropy's array, or for scaled integers the
    float64-rounded-once reference of astropy_reference.scaled_reference) with fill_value NaN for
    floating-point data and 0 for integers; where astropy raises NoOverlapError (no pixel in the
    image) or cannot convert the position, an array of the fill value.

The size is 2 * radius * u.arcsec for square-pixel files. For files whose two pixel scales round to
different sizes, astropy 5.2 pairs the height with the NAXIS1 scale; jfits takes the height from
the NAXIS2 scale, so the reference passes the size in pixels, (round(2r / scale[1]),
round(2r / scale[0])), with the scales of astropy.wcs.utils.proj_plane_pixel_scales. Cubes (a
generated RA/DEC/FREQ cube) are cut plane by plane with the celestial WCS.

OUTPUT_DIR/cases.json lists the cases: file, hdu, radius, astropy's proj_plane_pixel_scales (as
text), positions (as text, "NaN" allowed),
expected boxes (x, y, w, h or null), flags, the .npy of all cutouts raveled and concatenated, dtype
and shape of one cutout. Nothing here is computed by jfits.
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import astropy.units as u
from astropy.coordinates import SkyCoord
from astropy.io import fits
from astropy.nddata import Cutout2D, NoOverlapError
from astropy.wcs import WCS, NoConvergence
from astropy.wcs.utils import proj_plane_pixel_scales, skycoord_to_pixel, wcs_to_celestial_frame

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from astropy_reference import little_endian  # noqa: E402
from cutout_reference import reference_arrays  # noqa: E402

MARGIN = 3000

# (file, HDU, radii in arcsec, what it covers)
REAL = [
    ("real/eso_isaac_1024.fits", 0, (15, 30, 60)),      # TAN, CD, 0.148"/px, float32
    ("real/skimage_multi.fits", 1, (15, 30, 60)),       # TAN, rotated CD, 1.16"/px, int16
    ("real/skimage_multi.fits", 3, (15, 30, 60)),       # TAN, rotated CD, slightly non-square
    ("real/astropy_sip-wcs.fits", 0, (5, 7.5, 15)),     # TAN-SIP, rotated PC, 0.56"/px, int16
    ("real/fv_ngc1316o.fits", 0, (15, 30, 60)),         # SIN, 7"/px, int16
    ("real/astropy_dss.fits.gz", 0, (15, 30, 60)),      # DSS plate solution, 1.7"/px, int16
    ("real/astropy_test0.fits", 2, (3, 4.5, 6)),        # TAN, CD, 0.2"/px, int16, extension
    ("real/astropy_1904-66_AZP.fits", 0, (600, 1200, 2400)),  # AZP, 240"/px, float32
]


def generate(folder):
    """A float32 RA/DEC/FREQ cube and an image with non-square pixels, written by astropy."""
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(20261125)
    out = []
    cube = fits.PrimaryHDU(rng.standard_normal((4, 70, 90)).astype(np.float32))
    for k, v in {"CTYPE1": "RA---TAN", "CTYPE2": "DEC--TAN", "CTYPE3": "FREQ", "CRPIX1": 45.5,
                 "CRPIX2": 35.0, "CRPIX3": 1.0, "CRVAL1": 150.1, "CRVAL2": 2.2, "CRVAL3": 1.4e9,
                 "CDELT1": -1.0 / 3600, "CDELT2": 1.0 / 3600, "CDELT3": 1e6, "CUNIT1": "deg",
                 "CUNIT2": "deg", "CUNIT3": "Hz", "RADESYS": "ICRS"}.items():
        cube.header[k] = v
    path = os.path.join(folder, "cube_tan.fits")
    cube.writeto(path, overwrite=True)
    out.append((path, 0, (3, 6, 12), "gen/cube_tan.fits"))
    flat = fits.PrimaryHDU(rng.standard_normal((120, 100)))
    for k, v in {"CTYPE1": "RA---TAN", "CTYPE2": "DEC--TAN", "CRPIX1": 50.0, "CRPIX2": 60.0,
                 "CRVAL1": 30.0, "CRVAL2": -40.0, "CDELT1": -0.5 / 3600, "CDELT2": 0.8 / 3600,
                 "RADESYS": "ICRS"}.items():
        flat.header[k] = v
    path = os.path.join(folder, "nonsquare_tan.fits")
    flat.writeto(path, overwrite=True)
    out.append((path, 0, (5, 10, 20), "gen/nonsquare_tan.fits"))
    return out


def pixel_positions(rows, cols, rng):
    """0-based pixel positions: inside, on edges and corners, partly and wholly outside. None lies
    within 0.1 pixel of a whole or half number, where a box edge flips with the last bits of the
    transform (x - size / 2 is then a whole number)."""
    pts = []
    while len(pts) < 12:
        x, y = rng.uniform(0, cols - 1), rng.uniform(0, rows - 1)
        if min(x % 0.5, -x % 0.5) > 0.1 and min(y % 0.5, -y % 0.5) > 0.1:
            pts.append((x, y))
    mx, my = cols // 2 + 0.3, rows // 2 + 0.2
    pts += [(-0.3, my), (cols - 0.7, rows // 3 + 0.2), (mx, -0.3), (cols // 3 + 0.4, rows - 0.7),
            (0.2, 0.3), (cols - 1.2, rows - 1.3), (-3.3, -2.2), (cols + 2.6, rows + 1.7),
            (-0.4, 4.3), (mx, my), (cols // 4 + 0.7, rows * 3 // 4 + 0.8),
            (cols + 40.3, my), (-60.2, -45.7), (mx, rows + 500.4), (-1000.3, my)]
    return pts


def positions_for(w, rows, cols, rng):
    px = pixel_positions(rows, cols, rng)
    x = np.array([p[0] for p in px])
    y = np.array([p[1] for p in px])
    ra, dec = w.all_pix2world(x, y, 0)
    ra, dec = list(ra), list(dec)
    ra.append(float("nan"))
    dec.append(float("nan"))
    ra.append(10.0)
    dec.append(float("nan"))
    if w.wcs.ctype[0].endswith(("TAN", "TAN-SIP", "SIN", "AZP")):
        # opposite the reference point: behind the projection plane
        ra.append((w.wcs.crval[0] + 180.0) % 360.0)
        dec.append(-w.wcs.crval[1])
    return ra, dec


def size_for(w, radius):
    """Cutout2D's size: the angular diameter, or (for non-square pixels) pixels paired by axis."""
    scales = proj_plane_pixel_scales(w)
    diameter = 2 * radius * u.arcsec
    h = int(np.round((diameter / (scales[1] * u.deg)).decompose()))
    wd = int(np.round((diameter / (scales[0] * u.deg)).decompose()))
    if h == wd:
        return diameter, (h, wd)
    return (h, wd), (h, wd)


def sky_cutout(plane, coord, size, w, fill):
    try:
        return Cutout2D(plane, coord, size, wcs=w, mode="partial", fill_value=fill).data
    except (NoOverlapError, NoConvergence, ValueError):
        return None


def box_for(coord, size, w, rows, cols):
    try:
        x, y = skycoord_to_pixel(coord, w, mode="all")
    except (NoConvergence, ValueError):
        return None
    if not (np.isfinite(x) and np.isfinite(y)):
        return None
    zeros = np.broadcast_to(np.float32(0), (rows + 2 * MARGIN, cols + 2 * MARGIN))
    try:
        c = Cutout2D(zeros, (x + MARGIN, y + MARGIN), size, wcs=w, mode="partial", fill_value=0.0)
    except NoOverlapError:
        return None
    y0 = c.slices_original[0].start - c.slices_cutout[0].start - MARGIN
    x0 = c.slices_original[1].start - c.slices_cutout[1].start - MARGIN
    return [int(x0), int(y0), int(c.shape[1]), int(c.shape[0])]


def flag_of(box, rows, cols):
    if box is None:
        return "OUTSIDE"
    x, y, bw, bh = box
    x0, x1, y0, y1 = max(x, 0), min(x + bw, cols), max(y, 0), min(y + bh, rows)
    if x0 >= x1 or y0 >= y1:
        return "OUTSIDE"
    return "INSIDE" if (x0, y0, x1, y1) == (x, y, x + bw, y + bh) else "PARTIAL"


def text(v):
    return "NaN" if not math.isfinite(v) else repr(float(v))


def main(argv):
    data_dir, out_dir = argv[1], argv[2]
    rng = np.random.default_rng(1125)
    files = [(os.path.join(data_dir, f), i, radii, f) for f, i, radii in REAL]
    files += generate(os.path.join(out_dir, "gen"))
    cases = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path, index, radii, key in files:
            data, _ = reference_arrays(path, index)
            header = fits.getheader(path, index)
            w = WCS(header).celestial
            frame = wcs_to_celestial_frame(w)
            rows, cols = data.shape[-2:]
            planes = data.reshape((-1, rows, cols))
            fill = np.nan if data.dtype.kind == "f" else 0
            ra, dec = positions_for(w, rows, cols, rng)
            for radius in radii:
                size, (h, wd) = size_for(w, radius)
                boxes, flags, cutouts = [], [], []
                for r, d in zip(ra, dec):
                    coord = SkyCoord(r, d, unit="deg", frame=frame)
                    box = box_for(coord, size, w, rows, cols)
                    if box is not None:
                        assert box[2:] == [wd, h], (key, radius, box, wd, h)
                    for plane in planes:
                        c = sky_cutout(plane, coord, size, w, fill)
                        if c is None:
                            assert flag_of(box, rows, cols) == "OUTSIDE", (key, r, d)
                            c = np.full((h, wd), fill, dtype=data.dtype)
                        cutouts.append(np.asarray(c, dtype=data.dtype).ravel())
                    boxes.append(box)
                    flags.append(flag_of(box, rows, cols))
                name = "%03d.npy" % len(cases)
                np.save(os.path.join(out_dir, name), little_endian(np.concatenate(cutouts)))
                cases.append({"file": path, "key": key, "hdu": index, "radius": radius,
                              "scales": [repr(float(v)) for v in proj_plane_pixel_scales(w)],
                              "ra": [text(v) for v in ra], "dec": [text(v) for v in dec],
                              "boxes": boxes, "flags": flags, "npy": name, "dtype": data.dtype.name,
                              "shape": list(data.shape[:-2]) + [h, wd]})
    with open(os.path.join(out_dir, "cases.json"), "w") as f:
        json.dump({"cases": cases}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv)
