#!/usr/bin/python3
"""Writes pairs of FITS files that differ in known ways, and astropy's FITSDiff verdict on each.

Usage: diff_fixture.py OUTPUT_DIR
Prints one line per pair: "NAME IDENTICAL DIFF_PIXELS" where IDENTICAL is FITSDiff(a, b).identical
(rtol 0, CHECKSUM and DATASUM ignored) and DIFF_PIXELS the number of differing image values in the
first HDU with image data that differs (astropy's ImageDataDiff.diff_total), or 0.
"""
import os
import sys

import numpy as np
from astropy.io import fits
from astropy.io.fits.diff import FITSDiff, ImageDataDiff


def image_and_table(data, rows=None, extra=None, header_change=None):
    primary = fits.PrimaryHDU(data)
    primary.header["OBSERVER"] = "Edwin Hubble"
    primary.header["EXPTIME"] = 30.0
    if header_change:
        primary.header[header_change[0]] = header_change[1]
    values = rows if rows is not None else np.arange(6, dtype=np.float32) * 1.5
    table = fits.BinTableHDU.from_columns([
        fits.Column(name="FLUX", format="E", array=values),
        fits.Column(name="NAME", format="8A", array=np.array(["a", "b", "c", "d", "e", "f"]))], name="CAT")
    hdus = [primary, table]
    if extra is not None:
        hdus.append(fits.ImageHDU(extra, name="EXTRA"))
    return fits.HDUList(hdus)


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(5)
    base = rng.normal(0, 1, (20, 30)).astype(np.float32)
    base[3, 4] = np.nan
    changed = base.copy()
    changed[[1, 5, 9], [2, 7, 11]] += 1.0
    rows = np.arange(6, dtype=np.float32) * 1.5
    rows[[2, 4]] = -1.0
    pairs = {
        "same": (image_and_table(base), image_and_table(base.copy())),
        "pixels": (image_and_table(base), image_and_table(changed)),
        "header": (image_and_table(base), image_and_table(base, header_change=("EXPTIME", 31.0))),
        "newkey": (image_and_table(base), image_and_table(base, header_change=("FILTER", "V"))),
        "rows": (image_and_table(base), image_and_table(base, rows=rows)),
        "hdus": (image_and_table(base), image_and_table(base, extra=np.zeros((2, 2), np.int16))),
    }
    for name, (a, b) in pairs.items():
        pa, pb = os.path.join(out, name + "-a.fits"), os.path.join(out, name + "-b.fits")
        a.writeto(pa, overwrite=True, checksum=True)
        b.writeto(pb, overwrite=True, checksum=True)
        d = FITSDiff(pa, pb, ignore_keywords=["CHECKSUM", "DATASUM"])
        pixels = 0
        for entry in d.diff_hdus:
            hd = entry[1]
            if isinstance(hd.diff_data, ImageDataDiff) and hd.diff_data.diff_total:
                pixels = hd.diff_data.diff_total
                break
        print(name, d.identical, pixels)


if __name__ == "__main__":
    main()
