#!/usr/bin/python3
"""astropy's celestial coordinates along the edges of images, written as astropy writes angles, for
org.jfits.render.WcsTickLabelsTest.

Usage: tick_label_reference.py FITS_DATA_DIR OUTPUT_DIR

Cases: real files with a celestial WCS (some through a section, one a cube plane), and generated
headers written as small FITS files into OUTPUT_DIR (galactic AIT whose corners are off the sky; an
equatorial TAN rotated by 90 degrees; one with DEC on the first axis). For each, OUTPUT_DIR/edges.txt
holds a line

  case NAME PATH HDU X0 Y0 ROWS COLUMNS STYLE SWAP

(STYLE "sexagesimal" for equatorial systems, else "decimal"; SWAP 1 when the latitude changes by more
great-circle arc than the longitude between the ends of the bottom edge) and one line per edge pixel

  AXIS PIXEL LON LAT L0 .. L6 B0 .. B6

AXIS X: pixel (X0 + PIXEL, Y0), the bottom edge; Y: pixel (X0, Y0 + PIXEL), the left edge. LON, LAT
are astropy.wcs all_pix2world(x, y, 0) (NaN where WCSLIB rejects). L0..L6 are the longitude written by
Angle.to_string: sexagesimal (unit=hourangle, sep='hms', pad=True) with fields=1, fields=2, then
fields=3 with precision 0..4; decimal (decimal=True) with precision 0..6. B0..B6 the latitude likewise
(sep='°\\'"', pad=True, alwayssign=True; decimal with alwayssign=True). "-" stands for an empty label
(NaN). Nothing here is computed by jfits.
"""
import math
import os
import sys
import warnings

import numpy as np
from astropy import units as u
from astropy import wcs as astropy_wcs
from astropy.coordinates import Angle
from astropy.io import fits

warnings.simplefilter("ignore")
EQUATORIAL = {"ICRS", "FK5", "FK4", "FK4-NO-E", "GAPPT"}
# name, file, hdu, x0, y0, rows, columns (None: the whole image)
REAL = [("ngc1316", "real/fv_ngc1316o.fits", 0, 0, 0, None, None),
        ("isaac", "real/eso_isaac_1024.fits", 0, 0, 0, None, None),
        ("dss", "real/astropy_dss.fits.gz", 0, 0, 0, None, None),
        ("azp", "real/astropy_1904-66_AZP.fits", 0, 0, 0, None, None),
        ("test0_section", "real/astropy_test0.fits", 3, 10, 5, 10, 20),
        ("ngc1316_section", "real/fv_ngc1316o.fits", 0, 200, 120, 50, 60),
        ("datacube_plane", "real/fv_datacube.fits", 0, 0, 0, 64, 64)]


def generated(out):
    cases = []
    h = fits.Header()
    h.update(CTYPE1="GLON-AIT", CTYPE2="GLAT-AIT", CRPIX1=90.5, CRPIX2=45.5, CRVAL1=0.0, CRVAL2=0.0,
             CDELT1=-1.8, CDELT2=1.8)
    cases.append(("galactic_ait", h, 90, 180))
    h = fits.Header()
    h.update(CTYPE1="RA---TAN", CTYPE2="DEC--TAN", CRPIX1=50.5, CRPIX2=40.5, CRVAL1=150.0, CRVAL2=2.2,
             CDELT1=-0.0002, CDELT2=0.0002, CROTA2=90.0, RADESYS="ICRS")
    cases.append(("rotated_tan", h, 80, 100))
    h = fits.Header()
    h.update(CTYPE1="DEC--TAN", CTYPE2="RA---TAN", CRPIX1=30.5, CRPIX2=30.5, CRVAL1=-60.0, CRVAL2=83.0,
             CDELT1=0.01, CDELT2=-0.01, RADESYS="FK5", EQUINOX=2000.0)
    cases.append(("swapped_axes", h, 60, 60))
    h = fits.Header()
    h.update(CTYPE1="ELON-CAR", CTYPE2="ELAT-CAR", CRPIX1=1.0, CRPIX2=1.0, CRVAL1=10.01234, CRVAL2=-5.00123,
             CDELT1=0.00317, CDELT2=0.00317)  # not round: no coordinate falls on a rounding tie
    cases.append(("ecliptic_car", h, 40, 50))
    files = []
    for name, header, rows, columns in cases:
        path = os.path.join(out, name + ".fits")
        fits.PrimaryHDU(np.zeros((rows, columns), dtype=np.float32), header).writeto(path, overwrite=True)
        files.append((name, path, 0, 0, 0, rows, columns))
    return files


def sexagesimal(angle, unit, sep, sign):
    options = [dict(fields=1, precision=0), dict(fields=2, precision=0)]
    options += [dict(fields=3, precision=p) for p in range(5)]
    return [angle.to_string(unit=unit, sep=sep, pad=True, alwayssign=sign, **o) for o in options]


def decimal(angle, sign):
    return [angle.to_string(unit=u.deg, decimal=True, precision=p, alwayssign=sign) for p in range(7)]


def labels(value, kind, latitude):
    if not math.isfinite(value):
        return ["-"] * 7
    angle = Angle(value, u.deg)
    if kind == "decimal":
        return decimal(angle, latitude)
    if latitude:
        return sexagesimal(angle, u.deg, "°'\"", True)
    return sexagesimal(angle, u.hourangle, "hms", False)


def main(data, out):
    os.makedirs(out, exist_ok=True)
    cases = [(n, os.path.join(data, f), h, x0, y0, r, c) for n, f, h, x0, y0, r, c in REAL] + generated(out)
    with open(os.path.join(out, "edges.txt"), "w") as text:
        for name, path, hdu, x0, y0, rows, columns in cases:
            with fits.open(path) as hdul:
                header = hdul[hdu].header
                try:
                    w = astropy_wcs.WCS(header, hdul).celestial
                except Exception:  # a spectral axis WCSLIB does not know (FELO-HEL): the two celestial axes
                    w = astropy_wcs.WCS(header, hdul, naxis=2)
                rows = rows or header["NAXIS2"]
                columns = columns or header["NAXIS1"]
                equatorial = w.wcs.ctype[w.wcs.lng].startswith("RA") and w.wcs.radesys.strip().upper() in EQUATORIAL
                kind = "sexagesimal" if equatorial else "decimal"
                bx = x0 + np.arange(columns, dtype=float)
                by = np.full(columns, float(y0))
                ly = y0 + np.arange(rows, dtype=float)
                lx = np.full(rows, float(x0))
                bottom = w.all_pix2world(bx, by, 0)
                blon, blat = bottom[w.wcs.lng], bottom[w.wcs.lat]
                side = w.all_pix2world(lx, ly, 0)
                llon, llat = side[w.wcs.lng], side[w.wcs.lat]
                finite = np.flatnonzero(np.isfinite(blon) & np.isfinite(blat))
                swap = 0
                if len(finite) > 1:
                    a, b = finite[0], finite[-1]
                    dlon = (blon[b] - blon[a] + 540.0) % 360.0 - 180.0
                    swap = int(abs(blat[b] - blat[a]) > abs(dlon) * math.cos(math.radians((blat[a] + blat[b]) / 2)))
                text.write(f"case {name} {path} {hdu} {x0} {y0} {rows} {columns} {kind} {swap}\n")
                for axis, lon, lat in (("X", blon, blat), ("Y", llon, llat)):
                    for i in range(len(lon)):
                        cells = [axis, str(i), repr(float(lon[i])), repr(float(lat[i]))]
                        cells += labels(lon[i], kind, False) + labels(lat[i], kind, True)
                        text.write("\t".join(cells) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
