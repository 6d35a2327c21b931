#!/usr/bin/python3
"""astropy's view of the files the notebook tests display, for org.jfits.notebook's tests.

Usage: notebook_reference.py FITS_DATA_DIR OUTPUT_DIR

Writes tab-separated lines to OUTPUT_DIR (nothing here is computed by jfits):
  * info.txt: "file no name ver type cards dimensions format" per HDU, from fits.info(output=False);
  * header.txt: "file hdu cards keyword value" for a few cards, cards = len(header);
  * table.txt: "file hdu rows" then per column "column name unit format shape", the shape being
    "scalar", the numpy shape of the column's array, or "vla";
  * cells.txt: "file hdu column row value" for a few scalar cells, as str() of astropy's value;
  * section.f8: astropy_test0.fits['SCI', 3].section[5:15, 10:30] as little-endian float64;
  * raw.txt: "dtype v0 v1 v2": astropy_scale.fits' stored first-row values (do_not_scale_image_data);
  * hist.txt: numpy.histogram counts (50 bins) of pdl_m51.fits' finite pixels, blank-separated;
  * ticks.txt: "case axis pixel label": the sky coordinate at the ticks of drawn planes (bottom edge
    for x, left edge for y; astropy.wcs all_pix2world), written by Angle.to_string as WCS axes label
    them (see TICKS for the cases and the precision the tick spacing calls for).
"""
import os
import sys
import warnings

import numpy as np
from astropy import units as u
from astropy import wcs as astropy_wcs
from astropy.coordinates import Angle
from astropy.io import fits

INFO = ["real/astropy_test0.fits", "real/fv_rosat_evt.fits", "real/astropy_dss.fits.gz"]
HEADERS = [("real/fv_ngc1316o.fits", 0, ["NAXIS1", "OBJECT", "BITPIX"]),
           ("real/astropy_test0.fits", ("SCI", 2), ["EXTVER", "EXTNAME", "NAXIS2"])]
TABLES = [("real/fv_rosat_evt.fits", "EVENTS"), ("real/fv_rate.fits", "RATE"),
          ("real/astropy_variable_length_table.fits", 1), ("real/astropy_tdim.fits", 1)]
CELLS = [("real/fv_rate.fits", "RATE", "TIME", 0), ("real/fv_rate.fits", "RATE", "TIME", 5370),
         ("real/fv_rosat_evt.fits", "EVENTS", "PI", 3)]

# case, file, x0, y0, x ticks, y ticks (every 10 pixels, plus the last column, whose label sets the
# right margin), and the fields shown: ticks 10 pixels apart at 7 arcsec (NGC 1316) or 12 arcsec (the
# cube) per pixel differ by some seconds of right ascension (whole seconds) and by over a minute of
# arc in declination (degrees and minutes).
TICKS = [("section", "real/fv_ngc1316o.fits", 200, 120, list(range(0, 60, 10)) + [59], range(0, 50, 10), 3, 2),
         ("origin", "real/fv_ngc1316o.fits", 0, 0, list(range(0, 60, 10)) + [59], range(0, 50, 10), 3, 2),
         ("cube", "real/fv_datacube.fits", 0, 0, list(range(0, 64, 10)) + [63], range(0, 64, 10), 3, 2)]


def ticks(data, out):
    warnings.simplefilter("ignore")
    with open(os.path.join(out, "ticks.txt"), "w") as text:
        for case, name, x0, y0, xs, ys, ra_fields, dec_fields in TICKS:
            with fits.open(os.path.join(data, name)) as hdul:
                w = astropy_wcs.WCS(hdul[0].header, naxis=2)  # the celestial axes 1 and 2 (the cube: FELO-HEL is unknown)
            for axis, pixels in (("X", xs), ("Y", ys)):
                for p in pixels:
                    x, y = (x0 + p, y0) if axis == "X" else (x0, y0 + p)
                    ra, dec = w.all_pix2world([x], [y], 0)
                    if axis == "X":
                        label = Angle(ra[0], u.deg).to_string(unit=u.hourangle, sep="hms", pad=True, precision=0,
                                                              fields=ra_fields)
                    else:
                        label = Angle(dec[0], u.deg).to_string(unit=u.deg, sep="°'\"", pad=True, precision=0,
                                                               alwayssign=True, fields=dec_fields)
                    text.write("\t".join([case, axis, str(p), label]) + "\n")


def main(data, out):
    os.makedirs(out, exist_ok=True)
    ticks(data, out)
    path = lambda name: os.path.join(data, name)
    with open(os.path.join(out, "info.txt"), "w") as text:
        for name in INFO:
            for row in fits.info(path(name), output=False):
                text.write("\t".join([name] + [str(v) for v in row[:7]]) + "\n")
    with open(os.path.join(out, "header.txt"), "w") as text:
        for name, hdu, keywords in HEADERS:
            with fits.open(path(name)) as hdul:
                header = hdul[hdu].header
                for keyword in keywords:
                    text.write("\t".join([name, str(hdu), str(len(header)), keyword, str(header[keyword])]) + "\n")
    with open(os.path.join(out, "table.txt"), "w") as text:
        for name, hdu in TABLES:
            with fits.open(path(name)) as hdul:
                table = hdul[hdu]
                text.write("\t".join([name, str(hdu), str(table.data.shape[0])]) + "\n")
                for column in table.columns:
                    if column.format.startswith(("P", "Q")) or "P" in column.format or "Q" in column.format:
                        shape = "vla"
                    else:
                        dims = table.data[column.name].shape
                        shape = "scalar" if len(dims) == 1 else str(dims)
                    text.write("\t".join(["column", column.name, column.unit or "", str(column.format), shape]) + "\n")
    with open(os.path.join(out, "cells.txt"), "w") as text:
        for name, hdu, column, row in CELLS:
            with fits.open(path(name)) as hdul:
                text.write("\t".join([name, hdu, column, str(row), str(hdul[hdu].data[column][row])]) + "\n")
    with fits.open(path("real/astropy_test0.fits")) as hdul:
        hdul["SCI", 3].section[5:15, 10:30].astype("<f8").tofile(os.path.join(out, "section.f8"))
    with fits.open(path("real/astropy_scale.fits"), do_not_scale_image_data=True) as hdul:
        stored = hdul[0].data
        with open(os.path.join(out, "raw.txt"), "w") as text:
            text.write(" ".join([stored.dtype.name] + [str(v) for v in stored[0, :3]]) + "\n")
    with fits.open(path("real/pdl_m51.fits")) as hdul:
        data = hdul[0].data
        counts, _ = np.histogram(data[np.isfinite(data)], bins=50)
    with open(os.path.join(out, "hist.txt"), "w") as text:
        text.write(" ".join(str(c) for c in counts) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
