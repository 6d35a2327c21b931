#!/usr/bin/python3
"""Checks the JSON output of jfits' inventory commands against astropy and numpy.

Usage: cli_reference.py MODE OUTPUT   (MODE: info, header, stats or table; OUTPUT: a file of jfits'
output, a JSON array for info, JSON lines otherwise). Prints OK, or one line per disagreement.
       cli_reference.py csv|tsv OUTPUT FITS HDU   (OUTPUT: the text jfits convert wrote from FITS[HDU])

  info    every HDU of every file named: index, EXTNAME, EXTVER, astropy's class name, in order
  header  every record's value equals astropy's header[keyword] of that HDU, and every card of every
          HDU whose keyword matches NAXIS* has a record (the tests ask for -k 'NAXIS*' -k BITPIX)
  stats   pixels, finite, nanmin, nanmax, nanmean, nanstd, nanmedian of hdul[hdu].data (float64)
  table   column names and TFORMs, and the scalar values of the first rows, as astropy's
  csv/tsv every field of every row against hdul[HDU].data: empty exactly where the stored cell is null,
          True/False for logicals, numbers to float32 precision, strings without trailing blanks,
          arrays and variable-length cells as [v1, v2, ...] with their values in C order
"""
import csv
import fnmatch
import json
import sys

import numpy as np
from astropy.io import fits


def close(a, b, rel=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= rel * max(1.0, abs(b))


def is_null(table, col, row):
    """Whether the stored cell is a null: equal to TNULL (for ASCII tables as text, or blank), or NaN."""
    column = table.columns[col]
    null = column.null
    if isinstance(table, fits.TableHDU):
        text = table.data._get_raw_data()[col][row].decode("latin-1").strip()
        return text == "" or (null is not None and text == str(null).strip())
    value = table.data[col][row]
    if isinstance(value, (str, bytes)):
        return not value.strip()
    if isinstance(value, (float, np.floating)) and np.isnan(value):
        return True
    # astropy does not apply TNULL: undo TSCAL/TZERO to get the stored integer
    stored = (value - (column.bzero or 0)) / (column.bscale or 1)
    return null is not None and stored == null


def check_delimited(mode, path, name, hdu):
    bad = []
    with fits.open(name) as hdul, open(path, newline="") as f:
        t = hdul[hdu]
        rows = list(csv.reader(f, delimiter="," if mode == "csv" else "\t"))
        if rows[0] != list(t.columns.names):
            bad.append("header %s != astropy %s" % (rows[0], t.columns.names))
        if len(rows) - 1 != len(t.data):
            bad.append("%d rows != astropy %d" % (len(rows) - 1, len(t.data)))
        for i, row in enumerate(rows[1:]):
            for col, field in zip(t.columns.names, row):
                a = t.data[col][i]
                if np.ndim(a) > 0 or isinstance(a, np.ndarray):
                    want = [x.item() if hasattr(x, "item") else x for x in np.asarray(a).ravel()]
                    got = json.loads(field.replace("True", "true").replace("False", "false")) if field else []
                    ok = len(want) == len(got) and all(close(float(g), float(w), 1e-6) for g, w in zip(got, want))
                elif field == "":
                    ok = is_null(t, col, i)
                else:
                    a = a.item() if hasattr(a, "item") else a
                    if isinstance(a, bytes):
                        a = a.decode("latin-1")
                    if isinstance(a, (bool, np.bool_)):
                        ok = field == str(bool(a))
                    elif isinstance(a, str):
                        ok = field == a.rstrip()
                    else:
                        ok = close(float(field), float(a), 1e-6)
                if not ok:
                    bad.append("row %d %s: %r, astropy %r" % (i, col, field, a))
    return bad


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode in ("csv", "tsv"):
        bad = check_delimited(mode, path, sys.argv[3], int(sys.argv[4]))
        print("\n".join(bad[:20]) if bad else "OK")
        return
    text = open(path).read()
    records = json.loads(text) if mode == "info" else [json.loads(l) for l in text.splitlines() if l.strip()]
    bad = []
    by_file = {}
    for r in records:
        by_file.setdefault(r["file"], []).append(r)
    for name, rs in by_file.items():
        with fits.open(name) as hdul:
            if mode == "info":
                want = [(i, h.name, h.ver, type(h).__name__) for i, h in enumerate(hdul)]
                got = [(r["hdu"], r["name"], r["version"], r["type"]) for r in rs]
                if want != got:
                    bad.append("%s: info %s != astropy %s" % (name, got, want))
            elif mode == "header":
                seen = set()
                for r in rs:
                    value = hdul[r["hdu"]].header[r["keyword"]]
                    if value != r["value"] and not (isinstance(value, float) and close(r["value"], value)):
                        bad.append("%s[%d] %s: %r != astropy %r" % (name, r["hdu"], r["keyword"], r["value"], value))
                    seen.add((r["hdu"], r["keyword"]))
                for i, h in enumerate(hdul):
                    for k in h.header:
                        if (fnmatch.fnmatch(k, "NAXIS*") or k == "BITPIX") and (i, k) not in seen:
                            bad.append("%s[%d] %s: no record" % (name, i, k))
            elif mode == "stats":
                for r in rs:
                    d = np.asarray(hdul[r["hdu"]].data, dtype=np.float64)
                    f = d[np.isfinite(d)]
                    want = {"pixels": d.size, "finite": f.size}
                    if f.size:
                        want.update(min=f.min(), max=f.max(), mean=np.nanmean(d), std=np.nanstd(d), median=np.nanmedian(d))
                    for k, v in want.items():
                        # pixels of scaled 8- and 16-bit images are float32 (jfits rounds the double
                        # product once, astropy computes in float32): agreement to float32 precision
                        if not close(r[k], float(v), 1e-6):
                            bad.append("%s[%d] %s: %r != numpy %r" % (name, r["hdu"], k, r[k], v))
            elif mode == "table":
                for r in rs:
                    t = hdul[r["hdu"]]
                    if r["kind"] == "column":
                        c = t.columns[r["name"]]
                        if str(c.format) != r["format"]:
                            bad.append("%s %s: TFORM %s != astropy %s" % (name, r["name"], r["format"], c.format))
                    else:
                        for col, v in r["values"].items():
                            if v is None:
                                if not is_null(t, col, r["row"]):
                                    bad.append("%s row %d %s: null, but astropy reads %r" % (name, r["row"], col,
                                                                                           t.data[col][r["row"]]))
                                continue
                            a = t.data[col][r["row"]]
                            a = a.item() if hasattr(a, "item") else a
                            if isinstance(a, bytes):
                                a = a.decode("latin-1")
                            if isinstance(a, str):
                                a = a.rstrip()
                            # float32 columns print as float32 (shortest repr), astropy's .item() as float64
                            ok = close(v, a, 1e-6) if isinstance(a, float) else v == a
                            if not ok:
                                bad.append("%s row %d %s: %r != astropy %r" % (name, r["row"], col, v, a))
    print("\n".join(bad) if bad else "OK")


if __name__ == "__main__":
    main()
