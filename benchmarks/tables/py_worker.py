"""The Python side of the table peer comparison (run.py drives it): astropy and fitsio.

Modes: `serve` answers one request per stdin line `LIB OP FILE` with `OK seconds checksum`;
`once LIB OP FILE` does one read and prints the peak RSS (VmHWM) of this process.

What each library does (ops as in TableHarness: cols4 = RA, DEC, MAG_R, QUALITY; all = every
column; rows = every column of rows [n/4, n/4 + n/10)):
- astropy: fits.open(path) (memmap, astropy's default), data = hdul[1].data (sliced to the rows
  first for the row range, so only those rows are converted, except SPEC: astropy 5.2 raises
  ValueError converting a P column of a sliced FITS_rec, so SPEC is converted whole, then sliced), then for each selected column
  data[name] (astropy converts: strings to chararray, SPEC to an object array of float32
  arrays read from the heap) copied into a new native-byte-order array
  (np.array(..., dtype=native)), so every selected value sits decoded in memory; then close.
- fitsio: fitsio.read(path, ext=1, columns=..., rows=...) — one structured array in native byte
  order (SPEC as an object array of float32 arrays); rows = np.arange(r0, r1).
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import request_loop  # noqa: E402  the request loop shared by the Python workers

COLS4 = ["RA", "DEC", "MAG_R", "QUALITY"]


def nrows_of(path):
    import fitsio
    with fitsio.FITS(path) as f:
        return f[1].get_nrows()


_nrows = {}


def selection(op, path):
    if path not in _nrows:
        _nrows[path] = nrows_of(path)
    n = _nrows[path]
    cols = COLS4 if op == "cols4" else None
    rows = (n // 4, n // 4 + n // 10) if op == "rows" else None
    return cols, rows


def native(a):
    if a.dtype.kind == "O":
        return np.array([np.array(x, dtype=x.dtype.newbyteorder("=")) for x in a], dtype=object)
    return np.array(a, dtype=a.dtype.newbyteorder("="))


def read_astropy(path, cols, rows):
    from astropy.io import fits
    out = {}
    with fits.open(path) as hdul:
        full = hdul[1].data
        data = full if rows is None else full[rows[0]:rows[1]]
        names = cols or full.columns.names
        for name in names:
            if full.columns[name].format.startswith("P") and rows is not None:
                # astropy 5.2 cannot convert a P column of a sliced FITS_rec (ValueError)
                col = full[name][rows[0]:rows[1]]
            else:
                col = data[name]
            out[name] = native(col) if col.dtype.kind != "O" else np.array(
                [np.array(x, dtype=np.float32) for x in col], dtype=object)
    return out


def read_fitsio(path, cols, rows):
    import fitsio
    r = None if rows is None else np.arange(rows[0], rows[1])
    return fitsio.read(path, ext=1, columns=cols, rows=r)


def read(lib, op, path):
    if lib == "none":
        return None
    cols, rows = selection(op, path)
    if lib == "astropy":
        return read_astropy(path, cols, rows)
    if lib == "fitsio":
        return read_fitsio(path, cols, rows)
    raise ValueError("unknown library " + lib)


def checksum(r):
    if r is None:
        return 0
    if isinstance(r, dict):
        return sum(len(v) for v in r.values())
    return len(r) * 31 + len(r.dtype.names)


def vmhwm():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def main():
    if sys.argv[1] == "once":
        lib, op, path = sys.argv[2:5]
        t0 = time.perf_counter()
        r = read(lib, op, path)
        s = time.perf_counter() - t0
        print("OK %.6f %d vmhwm_kb=%d" % (s, checksum(r), vmhwm()), flush=True)
        return
    import astropy.io.fits  # noqa: F401  (both libraries imported before the first timed request)
    import fitsio  # noqa: F401
    request_loop.serve(lambda p: lambda: read(p[0], p[1], p[2]), checksum=checksum)


if __name__ == "__main__":
    main()
