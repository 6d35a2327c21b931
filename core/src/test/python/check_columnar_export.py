#!/usr/bin/python3
"""Checks Parquet and Arrow IPC files written by jfits against astropy's reading of the source FITS.

Usage: check_columnar_export.py MANIFEST.json

The manifest lists entries {"fits", "hdu", "dump", "format": "parquet"|"arrow", "rows": [start, stop]
or null, "columns": [names] or null, "mask": a numpy expression over the columns (as astropy reads
them) that selects the rows, or null}. Each dump is what an independent reader (DuckDB for Parquet,
Apache Arrow's Java reader for Arrow) found in the file: per column its name, its type in a common
notation (bool, int8 ... uint64, float32, float64, string; list<T>, largelist<T>, fixed[N]<T>), its
metadata and its values per row (JSON; NaN as NaN, null as null). Nothing here comes from jfits.

What is expected, from the FITS column (TFORM, TZERO, TSCAL, TNULL, TDIM) and astropy's values:
  L bool; B uint8 (int8 with TZERO -128); I int16 (uint16 with TZERO 32768); J int32 (uint32 with
  TZERO 2^31); K int64 (uint64 with TZERO 2^63); E float32; D float64; any other scaling float64;
  A string (trailing blanks stripped, as astropy gives it); X a list of bools; C and M a last axis of 2
  (real, imaginary); fixed arrays nested per TDIM axis (Arrow: FixedSizeList; Parquet: LIST);
  P/Q lists (Arrow: List for P, LargeList for Q). Null: scalar integers whose stored value is TNULL,
  logicals neither T nor F, blank or TNULL ASCII-table numbers, and in those columns a stored minimum
  of the read type (SENTINEL); elements of integer fixed-size and variable-length arrays whose stored
  value is TNULL (the elements astropy's Table masks); NaN stays NaN; "" stays "".
  Metadata: unit, ucd, tdisp from TUNIT, TUCD, TDISP.
"""

import json
import math
import re
import sys
import warnings

import numpy as np
from astropy.io import fits


# jfits reads scalar integers into Tablesaw columns, which mark missing values with the minimum of the
# type (a documented limitation, FitsTable): in a column that has nulls, a stored minimum reads as null.
SENTINEL = {"int16": -2**15, "int32": -2**31, "int64": -2**63}


def scaled(col):
    return (col.bscale not in (None, 1)) or (col.bzero not in (None, 0))


def binary_form(col):
    m = re.match(r"(\d*)([A-Z])(.*)", col.format.upper())
    repeat = int(m.group(1)) if m.group(1) else 1
    code = m.group(2)
    var = code in "PQ"
    element = m.group(3)[0] if var else code
    return repeat, code, element, var


def leaf_type(col, element):
    zero = col.bzero or 0
    unsigned = {"B": -128, "I": 32768, "J": 2**31, "K": 2**63}
    if element in "LX":
        return "bool"
    if element == "A":
        return "string"
    if element in unsigned and col.bscale in (None, 1) and zero == unsigned[element]:
        return {"B": "int8", "I": "uint16", "J": "uint32", "K": "uint64"}[element]
    if scaled(col):
        return "float64"
    return {"B": "uint8", "I": "int16", "J": "int32", "K": "int64", "E": "float32", "D": "float64",
            "C": "float32", "M": "float64"}[element]


def tdim(col):
    return [int(p) for p in col.dim.strip()[1:-1].split(",")][::-1] if col.dim else None


def shape(col):
    """(leaf, fixed dims slowest first, variable kind or None) of a binary-table column."""
    repeat, code, element, var = binary_form(col)
    leaf = leaf_type(col, element)
    if var:
        return leaf, [2] if element in "CM" else [], None if element == "A" else code
    dims = tdim(col)
    if element == "A":
        dims = dims[:-1] if dims and len(dims) >= 2 else []
    elif element == "X":
        dims = [repeat]
    elif dims is None:
        dims = [repeat] if repeat != 1 else []
    if element in "CM":
        dims = dims + [2]
    return leaf, dims, None


def ascii_leaf(col):
    code = col.format[0].upper()
    width = int(re.match(r"[A-Z](\d+)", col.format.upper()).group(1))
    if code == "A":
        return "string"
    if code == "I":
        return "int16" if width <= 4 else "int32" if width <= 9 else "int64"
    return "float64"


def expected_type(col, ascii, fmt):
    if ascii:
        return ascii_leaf(col)
    leaf, dims, var = shape(col)
    text = leaf
    for d in reversed(dims):
        text = f"fixed[{d}]<{text}>" if fmt == "arrow" else f"list<{text}>"
    if var:
        text = (("largelist" if var == "Q" else "list") if fmt == "arrow" else "list") + f"<{text}>"
    return text


def strings_of(values):
    flat = np.asarray(values)
    out = [v.rstrip().decode("iso-8859-1") if isinstance(v, bytes) else str(v).rstrip() for v in flat.ravel().tolist()]
    return np.array(out, dtype=object).reshape(flat.shape).tolist() if flat.ndim > 1 else out


def pairs(a):
    a = np.ascontiguousarray(a)
    return a.view(a.real.dtype).reshape(a.shape + (2,)) if a.dtype.kind == "c" else a


def expected_values(col, hdu, ascii, fallback):
    data = hdu.data
    rows = hdu.header["NAXIS2"]
    if data is None or rows == 0:
        return []
    raw = data.view(np.ndarray)[col.name]
    try:
        values = data[col.name]
    except ValueError:
        # astropy cannot convert it (fv_asciitab.fits RadVel: '- 23'); cfitsio reads it, through fitsio
        values = fallback(col.name)
    if ascii:
        code = col.format[0].upper()
        if code == "A":
            return strings_of(values)
        fields = np.char.strip(np.asarray(raw).astype("S"))
        null = str(col.null).strip().encode("ascii") if col.null is not None else None
        out = np.asarray(values).tolist()
        floor = SENTINEL.get(ascii_leaf(col))
        return [None if f == b"" or (null is not None and f == null) or v == floor else v for f, v in zip(fields, out)]
    repeat, code, element, var = binary_form(col)
    if repeat == 0 and not var:
        return [[] for _ in range(rows)]  # a column of no bytes (e.g. '0D'): an empty list per row
    if var:
        out = []
        for v in values:
            v = np.asarray(v)
            if element == "A":
                text = bytes(v.astype(np.uint8)) if v.dtype.kind in "iu" else "".join(v.tolist()).encode("iso-8859-1")
                out.append(text.split(b"\0")[0].rstrip(b" ").decode("iso-8859-1"))
            else:
                out.append(null_elements(col, element, v))
        return out
    values = np.asarray(values)
    if values.dtype.kind in "SU":
        return strings_of(values)
    leaf, dims, _ = shape(col)
    if dims:
        return null_elements(col, element, values)
    out = values.tolist()
    if element == "L":
        return [v if s in (ord("T"), ord("F")) else None for v, s in zip(out, np.asarray(raw).tolist())]
    if col.null is not None and element in "BIJK":
        floor = SENTINEL.get(leaf)
        return [None if s == int(col.null) or v == floor else v for v, s in zip(out, np.asarray(raw).tolist())]
    return out


def stored_of(col, element, values):
    """The stored integers of values as astropy reads them (TZERO taken off the unsigned conventions)."""
    values = np.asarray(values)
    if leaf_type(col, element) in ("int8", "uint16", "uint32", "uint64"):
        return (values.astype(object) - int(col.bzero)).astype(np.int64) if values.size else values
    return values


def null_elements(col, element, values):
    """values as a nested list, with the elements whose stored value is TNULL as None."""
    out = pairs(values).tolist() if not isinstance(values, list) else values
    if col.null is None or element not in "BIJK" or scaled(col) and leaf_type(col, element) == "float64":
        return out
    stored = np.asarray(stored_of(col, element, values)).tolist()

    def mark(v, s):
        return [mark(a, b) for a, b in zip(v, s)] if isinstance(v, list) else None if s == int(col.null) else v
    return mark(out, stored)


def fitsio_column(path, index):
    def read(name):
        import fitsio

        return fitsio.read(path, ext=index, columns=[name])[name]
    return read


def same(got, want):
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(same(g, w) for g, w in zip(got, want))
    if isinstance(want, bool):
        return isinstance(got, bool) and got == want
    if isinstance(want, float):
        return isinstance(got, (int, float)) and not isinstance(got, bool) and (
            (math.isnan(want) and math.isnan(got)) or got == want)
    if isinstance(want, int):
        return isinstance(got, int) and not isinstance(got, bool) and got == want
    return got == want


def first_difference(got, want):
    for i, (g, w) in enumerate(zip(got, want)):
        if not same(g, w):
            return f"row {i}: got {g!r}, astropy {w!r}"
    return f"{len(got)} rows, astropy {len(want)}"


def check(entry):
    where = f"{entry['format']} of {entry['fits']}[{entry['hdu']}]"
    with open(entry["dump"]) as f:
        dump = json.load(f)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fits.open(entry["fits"]) as hdul:
            hdu = hdul[entry["hdu"]]
            ascii = isinstance(hdu, fits.TableHDU)
            first, last = entry["rows"] or (0, hdu.header["NAXIS2"])
            selected = list(range(first, last))
            if entry.get("mask"):
                mask = eval(entry["mask"], {"np": np}, {c.name: hdu.data[c.name] for c in hdu.columns})
                selected = [r for r in selected if mask[r]]
            wanted = [n.lower() for n in entry["columns"]] if entry["columns"] else None
            columns = [(n, c) for n, c in enumerate(hdu.columns, start=1)
                       if wanted is None or c.name.lower() in wanted]
            got = dump["columns"]
            assert [c.name for _, c in columns] == [g["name"] for g in got], \
                f"{where}: columns {[g['name'] for g in got]}, astropy {[c.name for _, c in columns]}"
            assert dump["rows"] == len(selected), f"{where}: {dump['rows']} rows, expected {len(selected)}"
            for (number, col), g in zip(columns, got):
                want_type = expected_type(col, ascii, entry["format"])
                assert g["type"] == want_type, f"{where} {col.name} ({col.format}): type {g['type']}, expected {want_type}"
                values = expected_values(col, hdu, ascii, fitsio_column(entry["fits"], entry["hdu"]))
                want = [values[r] for r in selected]
                assert len(g["values"]) == len(want) and same(g["values"], want), \
                    f"{where} {col.name} ({col.format}): {first_difference(g['values'], want)}"
                meta = {k: v for k, v in (("unit", col.unit), ("ucd", hdu.header.get(f"TUCD{number}")),
                                          ("tdisp", col.disp)) if v}
                assert g["metadata"] == meta, f"{where} {col.name}: metadata {g['metadata']}, expected {meta}"
    return len(got)


def every_type_table(path):
    """A table with a column of every TFORM type and convention jfits exports, written by astropy:
    scalars of each type (with TNULL, unsigned and scaled variants), fixed arrays (1-D, TDIM 2-D,
    logical, bits, complex), strings (with an empty one), and P and Q variable-length columns."""
    n = 9
    rng = np.random.default_rng(20261204)
    vla = lambda dtype, scale: np.array([(np.arange(k) * scale).astype(dtype) for k in (0, 3, 1, 0, 5, 2, 0, 4, 1)],
                                        dtype=object)
    cols = [
        fits.Column("b", "B", array=np.array([0, 1, 255, 7, 128, 3, 4, 5, 6], dtype=np.uint8)),
        # stored bytes of int8 values -128, -1, 0, 127, ... (TZERO = -128 is added below)
        fits.Column("sb", "B", array=np.array([0, 127, 128, 255, 133, 134, 135, 136, 137], dtype=np.uint8)),
        fits.Column("bnull", "B", null=255, array=np.array([1, 255, 2, 3, 255, 5, 6, 7, 8], dtype=np.uint8)),
        fits.Column("i", "I", array=np.array([-32768, -1, 0, 32767, 5, 6, 7, 8, 9], dtype=np.int16)),
        fits.Column("j", "J", array=np.array([-2**31, -1, 0, 2**31 - 1, 5, 6, 7, 8, 9], dtype=np.int32)),
        fits.Column("jnull", "J", null=-2**31, array=np.array([-2**31, -1, 0, 2**31 - 1, 5, -2**31, 7, 8, 9],
                                                               dtype=np.int32)),
        fits.Column("k", "K", array=np.array([-2**63, -1, 0, 2**63 - 1, 5, 6, 7, 8, 9], dtype=np.int64)),
        fits.Column("knull", "K", null=-1, array=np.array([-2**63, -1, 0, 2**63 - 1, 5, -1, 7, 8, 9], dtype=np.int64)),
        fits.Column("uk", "K", bzero=2**63, array=np.array([0, 1, 2**64 - 1, 2**63, 5, 6, 7, 8, 9], dtype=np.uint64)),
        fits.Column("uj", "J", bzero=2**31, array=np.array([0, 1, 2**32 - 1, 2**31, 5, 6, 7, 8, 9], dtype=np.uint32)),
        fits.Column("ui", "I", bzero=32768, array=np.array([0, 1, 65535, 32768, 5, 6, 7, 8, 9], dtype=np.uint16)),
        # stored integers, scaled by TSCAL = 0.25, TZERO = 100 (added below)
        fits.Column("scaled_i", "I", array=np.array([0, 1, -400, 4, -3, 3, 4, 5, 6], dtype=np.int16)),
        fits.Column("e", "E", array=np.array([np.nan, -0.0, 1.5, np.inf, -np.inf, 3.25, 1e-30, 7, 8], dtype=np.float32)),
        fits.Column("d", "D", array=np.array([np.nan, 0.0, -1.5, 1e300, -1e-300, 3.25, 6, 7, 8])),
        fits.Column("a", "10A", array=np.array(["alpha", "", "  lead", "x" * 10, "b", "c", "d", "e", "f"])),
        fits.Column("l", "L", array=np.array([True, False, True, True, False, False, True, True, False])),
        fits.Column("x", "11X", array=rng.integers(0, 2, (n, 11)).astype(bool)),
        fits.Column("x1", "1X", array=rng.integers(0, 2, (n, 1)).astype(bool)),
        fits.Column("la", "3L", array=rng.integers(0, 2, (n, 3)).astype(bool)),
        fits.Column("ja", "4J", array=rng.integers(-1000, 1000, (n, 4)).astype(np.int32)),
        fits.Column("ia", "6I", dim="(3,2)", unit="count", array=rng.integers(-100, 100, (n, 2, 3)).astype(np.int16)),
        fits.Column("c", "C", array=(rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(np.complex64)),
        fits.Column("m", "3M", array=rng.standard_normal((n, 3)) + 1j * rng.standard_normal((n, 3))),
        fits.Column("pj", "PJ()", array=vla(np.int32, 3)),
        fits.Column("qd", "QD()", array=vla(np.float64, 0.5)),
        fits.Column("pe", "PE()", unit="s", disp="F6.2", array=vla(np.float32, 1.5)),
        fits.Column("pa", "PA()", array=np.array(["", "abc", "de", "", "fghij", "k", "", "lm", "n"], dtype=object)),
        # TNULL on array elements: astropy's Table masks the elements whose stored value is TNULL
        fits.Column("jan", "4J", null=-999, array=np.where(rng.random((n, 4)) < 0.3, -999,
                                                          rng.integers(-1000, 1000, (n, 4))).astype(np.int32)),
        fits.Column("ban", "2B", null=0, array=rng.integers(0, 3, (n, 2)).astype(np.uint8)),
        fits.Column("uian", "3I", bzero=32768, null=-32768,
                    array=rng.integers(0, 3, (n, 3)).astype(np.uint16)),
        fits.Column("kan", "2K", null=-2**63, array=np.where(rng.random((n, 2)) < 0.3, -2**63,
                                                            rng.integers(-9, 9, (n, 2))).astype(np.int64)),
        fits.Column("pjn", "PJ()", null=7, array=vla(np.int32, 7)),
    ]
    hdu = fits.BinTableHDU.from_columns(cols)
    hdu.header["TUCD1"] = "meta.id"
    hdu.writeto(path, overwrite=True)
    # astropy will not write int8 through TZERO = -128, nor scale these integers itself: the cards
    # go in before END
    with fits.open(path) as f:
        header_start, data_start = f[1]._header_offset, f[1]._data_offset
    raw = bytearray(open(path, "rb").read())
    end = raw.index(b"END" + b" " * 77, header_start)
    cards = "".join(f"{key:8}= {value:>20}".ljust(80) for key, value in
                    (("TZERO2", -128), ("TSCAL12", 0.25), ("TZERO12", 100.0)))
    assert end + len(cards) + 80 <= data_start, "no room for more cards"
    raw[end:end + len(cards) + 80] = (cards + "END").ljust(len(cards) + 80).encode("ascii")
    with open(path, "wb") as out:
        out.write(raw)


def main(argv):
    with open(argv[1]) as f:
        entries = json.load(f)
    columns = sum(check(e) for e in entries)
    print(f"checked {len(entries)} files, {columns} columns")


if __name__ == "__main__":
    main(sys.argv)
