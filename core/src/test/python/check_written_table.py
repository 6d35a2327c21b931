"""Checks a binary table written by jfits against the values it was written from, with astropy.

Usage: check_written_table.py FITS EXPECTED_JSON

EXPECTED_JSON describes HDU 1: {"nrows": n, "extname": name or null, "header": {keyword: value},
"columns": [column, ...]}, each column {"name", "format", "kind", "values", ...}:
- "format": TFORMn as written (exact), "unit", "disp", "comm", "ucd", "null", "zero", "scale",
  "dim": the other TTYPE-indexed keywords expected (absent: the keyword must be absent);
- "kind": "int", "real32", "real64", "bool", "string", "array", "complex", "vla", "vla_string";
- "values": the cell values as written (missing cells as null for int/string/bool, NaN for reals);
  arrays as nested lists, complex as [re, im] pairs on the last axis, vla as one list per row.
Every value is compared with astropy's reading (hdul[1].data, scaled), missing values with the
masks of astropy.table.Table.read (integers with TNULL, NaN reals) or with the raw byte (logical
nulls are the byte 0). Variable-length columns with TZERO are decoded from the bytes with numpy
instead, since astropy 5.2 applies TZERO to their first row only. Prints OK, or one line per difference.
"""
import json
import math
import sys
import warnings

import numpy as np
from astropy.io import fits
from astropy.table import Table

problems = []


def fail(text):
    problems.append(text)


def same_real(a, b, dtype):
    a = dtype(a)
    b = dtype(b)
    return (np.isnan(a) and np.isnan(b)) or a == b


def check_column(path, hdu, table, n, col, raw, offsets):
    name = col["name"]
    header = hdu.header
    for key, field in (("TTYPE", "name"), ("TFORM", "format"), ("TUNIT", "unit"), ("TDISP", "disp"),
                       ("TCOMM", "comm"), ("TUCD", "ucd"), ("TNULL", "null"), ("TZERO", "zero"),
                       ("TSCAL", "scale"), ("TDIM", "dim")):
        keyword = key + str(n)
        expected = col.get(field)
        actual = header.get(keyword)
        if expected is None:
            if keyword in header:
                fail(f"{keyword}: expected no card, found {actual!r}")
        elif isinstance(expected, float) or isinstance(actual, float):
            if actual is None or float(actual) != float(expected):
                fail(f"{keyword}: expected {expected!r}, found {actual!r}")
        elif actual != expected:
            fail(f"{keyword}: expected {expected!r}, found {actual!r}")
    data = hdu.data[name]
    values = col["values"]
    kind = col["kind"]
    if len(data) != len(values):
        fail(f"{name}: {len(data)} rows, expected {len(values)}")
        return
    if kind == "int":
        mask = np.ma.getmaskarray(table[name])
        for i, v in enumerate(values):
            if v is None:
                if not mask[i]:
                    fail(f"{name}[{i}]: expected masked, astropy reads {data[i]!r} unmasked")
            elif mask[i] or int(data[i]) != v:
                fail(f"{name}[{i}]: expected {v}, astropy reads {data[i]!r} (masked {mask[i]})")
    elif kind in ("real32", "real64"):
        dtype = np.float32 if kind == "real32" else np.float64
        mask = np.ma.getmaskarray(table[name])
        for i, v in enumerate(values):
            v = float(v)
            if not same_real(data[i], v, dtype) or (mask[i] != math.isnan(v)):
                fail(f"{name}[{i}]: expected {v!r}, astropy reads {data[i]!r} (masked {mask[i]})")
    elif kind == "bool":
        start = offsets[name]
        for i, v in enumerate(values):
            byte = raw[i, start]
            expected = 0 if v is None else (ord("T") if v else ord("F"))
            if byte != expected:
                fail(f"{name}[{i}]: expected byte {expected}, found {byte}")
    elif kind == "string":
        for i, v in enumerate(values):
            if data[i] != (v or ""):
                fail(f"{name}[{i}]: expected {v!r}, astropy reads {data[i]!r}")
    elif kind == "vla_string":
        for i, v in enumerate(values):
            cell = data[i]
            if isinstance(cell, (str, bytes)):
                text = cell.decode("ascii") if isinstance(cell, bytes) else cell
            else:
                text = "".join(c.decode("ascii") if isinstance(c, bytes) else str(c) for c in np.asarray(cell).ravel())
            if text != v:
                fail(f"{name}[{i}]: expected {v!r}, astropy reads {text!r}")
    elif kind in ("array", "complex"):
        expected = np.array(values, dtype=object)
        actual = np.asarray(data)
        if kind == "complex":
            actual = np.stack([actual.real, actual.imag], axis=-1)
        compare_arrays(name, actual, expected, col.get("dtype"))
    elif kind == "vla":
        if col.get("zero") is not None:
            # astropy 5.2 applies TZERO to the first row of a variable-length column only (and fitsio
            # overflows on it): decode descriptors and heap with numpy, and add TZERO as the standard says
            data = raw_var_column(path, hdu, raw, offsets[name], col)
        for i, row in enumerate(values):
            cell = np.asarray(data[i])
            if col.get("complex"):
                cell = np.stack([cell.real, cell.imag], axis=-1) if len(cell) else cell.reshape(0, 2)
            compare_arrays(f"{name}[{i}]", cell, np.array(row, dtype=object).reshape(-1, 2) if col.get("complex")
                           else np.array(row, dtype=object), col.get("dtype"))
    else:
        fail(f"{name}: unknown kind {kind}")


def raw_var_column(path, hdu, raw, start, col):
    """The rows of an integer variable-length column, stored value + TZERO, as Python ints."""
    form = col["format"]
    wide = form[1] == "Q"
    code = form[2]
    dtype = {"B": ">u1", "I": ">i2", "J": ">i4", "K": ">i8"}[code]
    size = np.dtype(dtype).itemsize
    zero = int(col["zero"]) if not isinstance(col["zero"], float) else 2 ** 63
    heap = hdu._data_offset + hdu.header.get("THEAP", hdu.header["NAXIS1"] * hdu.header["NAXIS2"])
    with open(path, "rb") as f:
        content = f.read()
    rows = []
    for i in range(raw.shape[0]):
        descriptor = np.frombuffer(raw[i, start:start + (16 if wide else 8)].tobytes(), dtype=">i8" if wide else ">i4")
        count, offset = int(descriptor[0]), int(descriptor[1])
        stored = np.frombuffer(content, dtype=dtype, count=count, offset=heap + offset)
        rows.append(np.array([int(v) + zero for v in stored], dtype=object))
    return rows


def compare_arrays(name, actual, expected, dtype):
    if actual.shape != expected.shape:
        fail(f"{name}: shape {actual.shape}, expected {expected.shape}")
        return
    if dtype is not None and actual.dtype.str[1:] != np.dtype(dtype).str[1:]:
        fail(f"{name}: dtype {actual.dtype}, expected {dtype}")
    flat_a = actual.reshape(-1)
    flat_e = expected.reshape(-1)
    for i in range(len(flat_e)):
        a = flat_a[i]
        e = flat_e[i]
        if isinstance(e, bool) and actual.dtype.kind in "iu":
            ok = int(a) == ord("T" if e else "F")  # astropy 5.2 reads PL as the raw bytes
        elif isinstance(e, bool) or isinstance(a, (bool, np.bool_)):
            ok = bool(a) == bool(e)
        elif isinstance(e, int):
            ok = int(a) == e
        else:
            ok = same_real(a, float(e), np.float32 if actual.dtype == np.float32 or actual.dtype == np.complex64
                           else np.float64)
        if not ok:
            fail(f"{name}: element {i} is {a!r}, expected {e!r}")
            return


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path) as f:
        expected = json.load(f)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hdul = fits.open(path)
        hdu = hdul[1]
        table = Table.read(path, hdu=1)
    if hdu.header["XTENSION"] != "BINTABLE":
        fail("HDU 1 is not a binary table")
    if hdu.header["NAXIS2"] != expected["nrows"]:
        fail(f"NAXIS2 {hdu.header['NAXIS2']}, expected {expected['nrows']}")
    if hdu.header.get("EXTNAME") != expected.get("extname"):
        fail(f"EXTNAME {hdu.header.get('EXTNAME')!r}, expected {expected.get('extname')!r}")
    for key, value in expected.get("header", {}).items():
        if hdu.header.get(key) != value:
            fail(f"{key}: {hdu.header.get(key)!r}, expected {value!r}")
    if hdu.header["TFIELDS"] != len(expected["columns"]):
        fail(f"TFIELDS {hdu.header['TFIELDS']}, expected {len(expected['columns'])}")
    width = hdu.header["NAXIS1"]
    rows = hdu.header["NAXIS2"]
    with open(path, "rb") as f:
        f.seek(hdu._data_offset)
        raw = np.frombuffer(f.read(width * rows), dtype=np.uint8).reshape(rows, width)
    offsets = {name: hdu.data.dtype.fields[name][1] for name in hdu.data.dtype.names}
    for n, col in enumerate(expected["columns"], start=1):
        check_column(path, hdu, table, n, col, raw, offsets)
    print("OK" if not problems else "\n".join(problems[:50]))


main()
