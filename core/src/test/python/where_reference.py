"""Reference for row filters: writes generated tables and selects rows with numpy masks and fitsio.

  where_reference.py make OUT.fits ROWS SEED
      Writes a binary table (HDU 1) byte by byte with numpy (no FITS library), with the column kinds a
      filter meets: int16 with TNULL, uint16 / uint32 / int8 by TZERO, a TSCAL/TZERO int32 with TNULL,
      float32 with NaN, float64, 8A strings (some empty), logicals with undefined (0) bytes, int64 ids.

  where_reference.py eval FILE HDU CASES
      CASES is a file with one case per line: NUMPY_EXPR<TAB>FITSIO_EXPR (FITSIO_EXPR may be '-').
      For each case prints 'numpy<TAB>i,j,...' and, unless '-', 'fitsio<TAB>i,j,...': the row indices
      numpy's mask and fitsio's where() select. NUMPY_EXPR sees each column by name (astropy's values,
      strings as str with trailing blanks removed), null_<name> (TNULL, undefined logical, empty string
      or blank ASCII field, computed from the stored bytes) and np.
"""
import sys

import numpy as np


def make(out, rows, seed):
    rng = np.random.default_rng(seed)
    cols = [  # name, TFORM, dtype, extra keywords
        ("ID", "K", ">i8", {}),
        ("I16", "I", ">i2", {"TNULL": -99}),
        ("U16", "I", ">i2", {"TZERO": 32768}),
        ("U32", "J", ">i4", {"TZERO": 2147483648}),
        ("S8", "B", "u1", {"TZERO": -128}),
        ("SC", "J", ">i4", {"TSCAL": 0.01, "TZERO": 100, "TNULL": -2147483647}),
        ("FLT", "E", ">f4", {}),
        ("D", "D", ">f8", {}),
        ("NAME", "8A", "S8", {}),
        ("FLAG", "L", "S1", {}),
    ]
    data = np.zeros(rows, dtype=[(c[0], c[2]) for c in cols])
    data["ID"] = np.arange(rows)
    i16 = rng.integers(-1000, 1001, rows)
    i16[rng.random(rows) < 0.05] = -99
    data["I16"] = i16
    data["U16"] = (rng.integers(0, 65536, rows) - 32768).astype(np.int16)
    data["U32"] = (rng.integers(0, 2 ** 32, rows, dtype=np.int64) - 2 ** 31).astype(np.int32)
    data["S8"] = (rng.integers(-128, 128, rows) + 128).astype(np.uint8)
    sc = rng.integers(-10000, 10000, rows)
    sc[rng.random(rows) < 0.05] = -2147483647
    data["SC"] = sc
    flt = rng.normal(0, 1, rows).astype(np.float32)
    flt[rng.random(rows) < 0.05] = np.nan
    flt[rng.random(rows) < 0.02] = 0.25
    data["FLT"] = flt
    data["D"] = rng.uniform(-3, 3, rows)
    names = np.array([b"abc", b"abd", b"ab", b"xyz", b"", b"m", b"Zeta", b"abc def"])
    data["NAME"] = names[rng.integers(0, len(names), rows)]
    data["FLAG"] = np.array([b"T", b"F", b"\0"])[rng.integers(0, 3, rows)]
    width = data.dtype.itemsize
    cards = [("XTENSION", "'BINTABLE'"), ("BITPIX", 8), ("NAXIS", 2), ("NAXIS1", width), ("NAXIS2", rows),
             ("PCOUNT", 0), ("GCOUNT", 1), ("TFIELDS", len(cols))]
    for n, (name, form, _, extra) in enumerate(cols, 1):
        cards += [("TTYPE%d" % n, "'%s'" % name), ("TFORM%d" % n, "'%s'" % form)]
        cards += [("%s%d" % (k, n), v) for k, v in extra.items()]
    primary = block(["SIMPLE  = %20s" % "T", "BITPIX  = %20d" % 8, "NAXIS   = %20d" % 0, "EXTEND  = %20s" % "T"])
    header = block([("%-8s= %-20s" if isinstance(v, str) else "%-8s= %20s") % (k, v) for k, v in cards])
    body = data.tobytes()
    with open(out, "wb") as f:
        f.write(primary + header + body + b"\0" * (-len(body) % 2880))


def block(lines):
    text = "".join(line.ljust(80) for line in lines + ["END"])
    return (text + " " * (-len(text) % 2880)).encode("ascii")


def namespace(path, index):
    from astropy.io import fits
    hdu = fits.open(path)[index]
    data = hdu.data
    ns = {"np": np}
    ascii = isinstance(hdu, fits.TableHDU)
    for c in hdu.columns:
        raw = np.ndarray.__getitem__(data, c.name)
        try:
            value = data[c.name]
        except ValueError:  # astropy cannot convert it (fv_asciitab.fits RadVel holds '- 23'); not used in cases
            continue
        if value.dtype.kind == "S":
            value = np.char.rstrip(np.char.decode(np.asarray(value), "latin-1"))
        if ascii:
            text = np.char.strip(np.char.decode(np.asarray(raw), "latin-1"))
            null = (text == "") | ((text == str(c.null).strip()) if c.null is not None else False)
        elif c.format.endswith("L"):
            null = raw == 0
            value = raw == ord("T")
        elif value.dtype.kind in "U":
            null = value == ""
        elif c.null is not None:
            null = raw == c.null
        else:
            null = np.zeros(len(data), bool)
        ns[c.name] = np.asarray(value)
        ns["null_" + c.name] = np.asarray(null)
    return ns


def evaluate(path, index, cases):
    import fitsio
    ns = namespace(path, index)
    with open(cases) as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    with fitsio.FITS(path) as fits_file:
        for line in lines:
            numpy_expr, fitsio_expr = line.split("\t")
            mask = np.asarray(eval(numpy_expr, ns), dtype=bool)
            print("numpy\t" + ",".join(str(i) for i in np.nonzero(mask)[0]))
            if fitsio_expr != "-":
                rows = fits_file[index].where(fitsio_expr)
                print("fitsio\t" + ",".join(str(i) for i in rows))


if __name__ == "__main__":
    with np.errstate(all="ignore"):
        if sys.argv[1] == "make":
            make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        else:
            evaluate(sys.argv[2], int(sys.argv[3]), sys.argv[4])
