"""Writes the two benchmark tables with astropy (an independent writer), deterministically.

Usage: /usr/bin/python3 gen_tables.py OUTDIR [ROWS ...]   (default rows: 200000 2000000)

Each file table-<rows>.fits has one binary table HDU, EXTNAME=CATALOG, with 15 columns:
  ID K, RA D, DEC D, MAG_G E, MAG_R E, MAG_I E, FLUX D, FLUX_ERR E, NOBS I, FLAGS B, EPOCH D  (11 numeric)
  QUALITY J with TNULL = -999 (every 17th row is null)
  NAME 16A, BAND 4A                                                                         (2 strings)
  SPEC PE(32): variable-length float32, 0..32 values per row (mean 16)                      (1 VLA)
Values come from numpy's PCG64 seeded with 20261125 + rows, so a rerun writes identical bytes
(astropy also writes a DATE-free header).
"""
import os
import sys

import numpy as np
from astropy.io import fits


def make(rows, path):
    rng = np.random.Generator(np.random.PCG64(20261125 + rows))
    ids = np.arange(rows, dtype=np.int64) * 7 + 1_000_000_000_000
    ra = rng.uniform(0.0, 360.0, rows)
    dec = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, rows)))
    mag_g = rng.normal(20.0, 2.0, rows).astype(np.float32)
    mag_r = (mag_g - rng.normal(0.5, 0.2, rows)).astype(np.float32)
    mag_i = (mag_r - rng.normal(0.3, 0.2, rows)).astype(np.float32)
    flux = 10.0 ** (-0.4 * (mag_r.astype(np.float64) - 25.0))
    flux_err = (flux * rng.uniform(0.01, 0.2, rows)).astype(np.float32)
    nobs = rng.integers(1, 500, rows, dtype=np.int16)
    flags = rng.integers(0, 256, rows, dtype=np.uint8)
    epoch = rng.uniform(2015.0, 2025.0, rows)
    quality = rng.integers(0, 100000, rows, dtype=np.int32)
    quality[::17] = -999
    name = np.char.add(b"J", np.char.zfill(np.arange(rows).astype("S15"), 15))
    bands = np.array([b"g", b"r", b"i", b"z", b"y"])[rng.integers(0, 5, rows)]
    lengths = rng.integers(0, 33, rows)
    flat = rng.normal(0.0, 1.0, int(lengths.sum())).astype(np.float32)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    spec = np.empty(rows, dtype=object)
    for i in range(rows):
        spec[i] = flat[offsets[i]:offsets[i + 1]]
    cols = [
        fits.Column("ID", "K", array=ids),
        fits.Column("RA", "D", unit="deg", array=ra),
        fits.Column("DEC", "D", unit="deg", array=dec),
        fits.Column("MAG_G", "E", unit="mag", array=mag_g),
        fits.Column("MAG_R", "E", unit="mag", array=mag_r),
        fits.Column("MAG_I", "E", unit="mag", array=mag_i),
        fits.Column("FLUX", "D", array=flux),
        fits.Column("FLUX_ERR", "E", array=flux_err),
        fits.Column("NOBS", "I", array=nobs),
        fits.Column("FLAGS", "B", array=flags),
        fits.Column("EPOCH", "D", unit="yr", array=epoch),
        fits.Column("QUALITY", "J", null=-999, array=quality),
        fits.Column("NAME", "16A", array=name),
        fits.Column("BAND", "4A", array=bands),
        fits.Column("SPEC", "PE(32)", array=spec),
    ]
    hdu = fits.BinTableHDU.from_columns(cols, name="CATALOG")
    tmp = path + ".tmp"
    hdu.writeto(tmp, overwrite=True)
    os.replace(tmp, path)


def main():
    out = sys.argv[1]
    rows_list = [int(a) for a in sys.argv[2:]] or [200_000, 2_000_000]
    os.makedirs(out, exist_ok=True)
    for rows in rows_list:
        path = os.path.join(out, "table-%d.fits" % rows)
        if os.path.exists(path):
            print("exists", path)
            continue
        make(rows, path)
        print("wrote", path, os.path.getsize(path))


if __name__ == "__main__":
    main()
