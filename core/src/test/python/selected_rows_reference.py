"""Reference for copies of selected table rows and columns (SelectedRowsHdu), by astropy and numpy.

  selected_rows_reference.py make OUT.fits ROWS SEED
      Writes a binary table (HDU 1) with astropy: int64 ids, int16 with TNULL, uint16 by TZERO, a
      TSCAL/TZERO int32, float32 with NaN and column WCS keywords, 8A strings, 13X bits, logicals,
      3x2 float64 arrays with TDIM, variable-length int32 and float32 (P) columns, TLMIN/TLMAX,
      TDISP and TCOMM on some columns, user keywords, COMMENT and HISTORY cards.

  selected_rows_reference.py big OUT.fits ROWS
      Writes a large binary table fast with numpy alone (ID K, X D, PAD 200A, V 1PJ with 0 to 4
      elements a row): for bounded-memory copies.

  selected_rows_reference.py bigcheck COPY ROWS
      Checks a copy of such a table with the rows where X > 0.5: astropy's ID column (memory-mapped)
      holds numpy's selection of the source rows, and fitsio's V of every 997th row holds the source
      row's elements. Prints 'OK n' (the rows) or MISMATCH lines.

  selected_rows_reference.py check SOURCE HDU COPY NUMPY_MASK COLUMNS START STOP
      Compares COPY (HDU 1) with astropy's own selection of SOURCE: rows [START, STOP) (STOP -1: to
      the end), then the rows where NUMPY_MASK (a numpy expression over the columns of those rows by
      name, and np) is true; COLUMNS a comma-separated list or '-' for all. Checks that the copy holds
      the kept columns in FITS order with equal values, that each kept column's keywords equal the
      source's under the new number (zero padding kept; TBCOL of an ASCII column subset and P/Q TFORMs aside: the data
      check covers them), that no keyword of a left-out column is there, and that every other
      keyword and COMMENT/HISTORY card of the source is kept with its value. Prints one line per
      problem, starting with MISMATCH, then 'ROWS n', 'COLUMNS a,b,...' and 'TFORMS f1,f2,...' (the copy's).
"""
import re
import sys

import numpy as np
from astropy.io import fits

STRUCTURAL = {"XTENSION", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "PCOUNT", "GCOUNT", "TFIELDS", "THEAP",
              "CHECKSUM", "DATASUM", "COMMENT", "HISTORY", ""}
COLUMN_KEY = re.compile(r"^(T[A-Z]{1,5}|WCSN|WCAX|[1-9]{1,2}[A-Z]{2,4})([0-9]{1,3})([A-Z]?)$")


def make(out, rows, seed):
    rng = np.random.default_rng(seed)
    i16 = rng.integers(-1000, 1000, rows).astype(np.int16)
    i16[rng.random(rows) < 0.1] = -99
    flt = rng.normal(size=rows).astype(np.float32)
    flt[rng.random(rows) < 0.05] = np.nan
    words = np.array(["", "abc", "abc def", "xyz", "m", "zz top"])
    var = [np.arange(k, dtype=np.int32) * (i + 1) for i, k in enumerate(rng.integers(0, 6, rows))]
    spectra = [rng.normal(size=k).astype(np.float32) for k in rng.integers(0, 4, rows)]
    cols = [
        fits.Column(name="ID", format="K", array=np.arange(rows, dtype=np.int64)),
        fits.Column(name="I16", format="I", null=-99, array=i16, disp="I6"),
        fits.Column(name="U16", format="I", bzero=32768, array=rng.integers(0, 65535, rows).astype(np.uint16)),
        fits.Column(name="SC", format="J", array=rng.integers(-5000, 5000, rows).astype(np.int32)),
        fits.Column(name="FLT", format="E", unit="mag", array=flt, coord_type="RA---TAN", coord_unit="deg",
                    coord_ref_point=1.5, coord_ref_value=10.0, coord_inc=-0.001),
        fits.Column(name="NAME", format="8A", array=words[rng.integers(0, 6, rows)]),
        fits.Column(name="BITS", format="13X", array=rng.random((rows, 13)) < 0.5),
        fits.Column(name="FLAG", format="L", array=rng.random(rows) < 0.5),
        fits.Column(name="ARR", format="6D", dim="(3,2)", unit="m", array=rng.normal(size=(rows, 2, 3))),
        fits.Column(name="VAR", format="PJ()", array=var),
        fits.Column(name="SPEC", format="PE()", array=spectra),
    ]
    hdu = fits.BinTableHDU.from_columns(cols, name="EVENTS")
    h = hdu.header
    h.insert("TFORM4", ("TSCAL4", 0.01), after=True)
    h.insert("TSCAL4", ("TZERO4", 100.0), after=True)
    h["TLMIN2"] = (-1000, "minimum legal value")
    h["TLMAX2"] = (1000, "maximum legal value")
    h["TCOMM8"] = "a flag per row"
    h["OBSERVER"] = ("Nobody", "who looked")
    h["EXPOSURE"] = 1234.5
    h["COMMENT"] = "a comment card"
    h["HISTORY"] = "made for a test"
    fits.HDUList([fits.PrimaryHDU(), hdu]).writeto(out)


def big(out, rows):
    counts = (np.arange(rows) % 5).astype(np.int64)
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]]) * 4
    row = np.dtype([("ID", ">i8"), ("X", ">f8"), ("PAD", "S200"), ("V", ">i4", 2)])
    data = np.zeros(rows, dtype=row)
    data["ID"] = np.arange(rows)
    data["X"] = (np.arange(rows) * 0.618034) % 1.0
    data["PAD"] = b"padding"
    data["V"][:, 0] = counts
    data["V"][:, 1] = offsets
    heap = np.arange(int(counts.sum()), dtype=">i4")  # row i holds offset / 4, offset / 4 + 1, ...
    header = fits.Header()
    header["XTENSION"] = "BINTABLE"
    header["BITPIX"] = 8
    header["NAXIS"] = 2
    header["NAXIS1"] = row.itemsize
    header["NAXIS2"] = rows
    header["PCOUNT"] = heap.nbytes
    header["GCOUNT"] = 1
    header["TFIELDS"] = 4
    for n, (name, form) in enumerate([("ID", "K"), ("X", "D"), ("PAD", "200A"), ("V", "1PJ(4)")], 1):
        header["TTYPE%d" % n] = name
        header["TFORM%d" % n] = form
    with open(out, "wb") as f:
        f.write(fits.PrimaryHDU().header.tostring().encode("ascii"))
        f.write(header.tostring().encode("ascii"))
        data.tofile(f)
        heap.tofile(f)
        size = data.nbytes + heap.nbytes
        f.write(b"\0" * ((2880 - size % 2880) % 2880))


def bigcheck(copy, rows):
    ids = np.arange(rows)
    keep = ids[(ids * 0.618034) % 1.0 > 0.5]
    counts = ids % 5
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    problems = []
    with fits.open(copy, memmap=True) as h:
        got = h[1].data["ID"]
        if not np.array_equal(got, keep):
            problems.append("ID column: %d rows, expected %d" % (len(got), len(keep)))
    import fitsio
    sample = np.arange(0, len(keep), 997)
    vs = fitsio.read(copy, ext=1, columns=["V"], rows=sample)["V"]
    for i, v in zip(sample, vs):
        r = keep[i]
        if not np.array_equal(np.asarray(v)[:counts[r]], np.arange(offsets[r], offsets[r] + counts[r])) \
                or len(np.atleast_1d(v)) < counts[r]:
            problems.append("V of row %d: %s" % (r, v))
    for p in problems[:10]:
        print("MISMATCH " + p)
    if not problems:
        print("OK %d" % len(keep))


def same(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    if a.dtype == object or b.dtype == object:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if a.dtype.kind in "fc" and b.dtype.kind in "fc":
        return a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    return a.shape == b.shape and np.array_equal(a, b)


def check(source, hdu, copy, mask_expr, columns, start, stop):
    problems = []
    with fits.open(source) as src_list, fits.open(copy) as copy_list:
        src_hdu = src_list[hdu]
        out_hdu = copy_list[1]
        names = src_hdu.columns.names
        rows = slice(start, None if stop < 0 else stop)
        wanted = names if columns == "-" else [c.strip().lower() for c in columns.split(",")]
        kept = [n for n in names if n.lower() in [w.lower() for w in wanted]]
        # only the columns needed (astropy cannot convert some fields of real ASCII tables), and whole
        # columns first (it cannot convert variable-length columns of a sliced table)
        needed = [n for n in names if n in kept or re.search(r"\b%s\b" % re.escape(n), mask_expr)]
        columns_in = {n: src_hdu.data[n][rows] for n in needed}
        scope = {"np": np}
        scope.update(columns_in)
        count = len(src_hdu.data[rows])
        mask = np.ones(count, bool) if mask_expr == "True" else np.asarray(eval(mask_expr, scope), dtype=bool)
        got_names = out_hdu.columns.names
        if got_names != kept:
            problems.append("columns %s, expected %s" % (got_names, kept))
        got = out_hdu.data
        selected = int(mask.sum())
        got_rows = 0 if got is None else len(got)
        if got_rows != selected:
            problems.append("rows %d, expected %d" % (got_rows, selected))
        elif selected > 0:
            for n in kept:
                if n in got_names and not same(got[n], columns_in[n][mask]):
                    problems.append("values of column %s" % n)
        ascii = src_hdu.header["XTENSION"].strip() == "TABLE"
        subset = len(kept) < len(names)
        new_number = {names.index(n) + 1: j + 1 for j, n in enumerate(kept)}
        sh, ch = src_hdu.header, out_hdu.header
        for card in sh.cards:
            key = card.keyword
            m = COLUMN_KEY.match(key)
            if m and 1 <= int(m.group(2)) <= len(names):
                n = int(m.group(2))
                if n not in new_number:
                    continue
                digits = m.group(2)
                new_key = m.group(1) + str(new_number[n]).zfill(len(digits) if digits.startswith("0") else 1) \
                    + m.group(3)
                if m.group(1) == "TBCOL" and ascii and subset:
                    continue
                if m.group(1) == "TFORM" and "P" in str(card.value) and "Q" in str(ch.get(new_key, "")):
                    continue
                if new_key not in ch or ch[new_key] != card.value:
                    problems.append("%s = %r, expected %s = %r" % (new_key, ch.get(new_key), key, card.value))
            elif key not in STRUCTURAL and (key not in ch or ch[key] != card.value):
                problems.append("keyword %s = %r, expected %r" % (key, ch.get(key), card.value))
        for kind in ("COMMENT", "HISTORY"):
            if list(sh.get(kind, [])) != list(ch.get(kind, [])):
                problems.append("%s cards %s, expected %s" % (kind, list(ch.get(kind, [])), list(sh.get(kind, []))))
        for card in ch.cards:
            m = COLUMN_KEY.match(card.keyword)
            if m and int(m.group(2)) > len(kept) and int(m.group(2)) <= len(names):
                problems.append("keyword %s of a column left out" % card.keyword)
        tforms = [str(ch["TFORM%d" % (j + 1)]) for j in range(ch["TFIELDS"])]
    for p in problems:
        print("MISMATCH " + p)
    print("ROWS %d" % selected)
    print("COLUMNS " + ",".join(kept))
    print("TFORMS " + ",".join(tforms))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1] == "big":
        big(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "bigcheck":
        bigcheck(sys.argv[2], int(sys.argv[3]))
    else:
        check(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7]),
              int(sys.argv[8]))
