"""The Python side of the row filter comparison (run.py drives it): astropy + numpy masks, fitsio.

Answers one request per stdin line `LIB OP FILE` with `OK seconds count`. The filters and columns are
those of WhereHarness (about 1% and 90% of the rows; RA, DEC, MAG_G, MAG_R, QUALITY):
- astropy: fits.open(path) (memmap), data = hdul[1].data, the mask computed with numpy from the
  MAG_G and QUALITY columns (QUALITY >= 0 also drops its TNULL -999, which astropy does not mask),
  then each column's selected values copied into a native-byte-order array (`*-read`), or
  np.nonzero(mask) (`*-idx`).
- fitsio 1.1.8 (cfitsio's expression parser): rows = hdu.where(EXPR) (`*-idx`), then
  hdu.read(columns=..., rows=rows) (`*-read`; fitsio 1.1.8's read has no where= argument, so this is
  what read(where=...) does in later versions).
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import request_loop  # noqa: E402  the request loop shared by the Python workers

COLUMNS = ["RA", "DEC", "MAG_G", "MAG_R", "QUALITY"]
LIMITS = {"sel": 15.4, "wide": 23.3}


def read_astropy(op, path):
    from astropy.io import fits
    kind, what = op.split("-")
    with fits.open(path) as hdul:
        data = hdul[1].data
        quality = data["QUALITY"]
        mask = (data["MAG_G"] < LIMITS[kind]) & (quality >= 0)  # also drops TNULL = -999
        if what == "idx":
            return np.nonzero(mask)[0]
        out = {}
        for name in COLUMNS:
            col = data[name][mask]
            out[name] = np.array(col, dtype=col.dtype.newbyteorder("="))
        return out


def read_fitsio(op, path):
    import fitsio
    kind, what = op.split("-")
    with fitsio.FITS(path) as f:
        rows = f[1].where("MAG_G < %s && QUALITY >= 0" % LIMITS[kind])
        if what == "idx":
            return rows
        return f[1].read(columns=COLUMNS, rows=rows)


def count(r):
    return len(r["RA"]) if isinstance(r, dict) else len(r)


def main():
    import astropy.io.fits  # noqa: F401
    import fitsio  # noqa: F401
    request_loop.serve(lambda p: lambda: read_astropy(p[1], p[2]) if p[0] == "astropy" else read_fitsio(p[1], p[2]),
                       checksum=count)


if __name__ == "__main__":
    main()
