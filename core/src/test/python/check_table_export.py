#!/usr/bin/python3
"""Checks ``jfits export`` .npz files of table HDUs against astropy, for TableExportTest.

Usage: check_table_export.py MANIFEST.json

The manifest lists exports: {"npz", "fits", "hdu", "columns" (a list, or null for all), "start",
"stop"}. For each, every member of the .npz is compared with astropy's ``fits.open(fits)[hdu].data``
sliced to rows [start, stop):

  * the members are exactly: one array per column, ``<col>.values`` and ``<col>.offsets`` for
    variable-length columns, ``<col>.mask`` for a scalar column with missing cells;
  * dtypes are astropy's (native byte order; strings ``S<width>``, logicals and bits bool);
  * values are equal (floats bit for bit, NaN at the same places); strings as astropy gives them;
    under a mask only the mask is compared;
  * masks equal astropy_table_reference.missing_mask (TNULL, NaN, empty strings, logical nulls, blank
    ASCII fields), plus signed integers equal to their type's minimum, which is Tablesaw's missing
    value (a known limitation of jfits' Tablesaw columns).

Prints one line per problem and exits 1 if there is any; prints "checked N exports" otherwise.
"""

import json
import os
import sys
import tempfile
import warnings

import numpy as np
from astropy.io import fits

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from astropy_reference import open_path_for  # noqa: E402
from astropy_table_reference import missing_mask, strings_of, tdim_repeat  # noqa: E402


def same(a, b):
    """Equal shapes and values; floats bit for bit except that NaN equals NaN."""
    a = np.asarray(a)
    b = np.asarray(b)
    if a.shape != b.shape:
        return False
    if a.dtype.kind in "fc":
        a = a.astype(a.dtype.newbyteorder("="))
        b = b.astype(a.dtype)
        nan_a, nan_b = np.isnan(a), np.isnan(b)
        if not np.array_equal(nan_a, nan_b):
            return False
        return a[~nan_a].tobytes() == b[~nan_b].tobytes()
    return np.array_equal(a, b)


def check(export, problems, workdir):
    where = f"{os.path.basename(export['fits'])}[{export['hdu']}] {export['columns'] or 'all'} rows {export['start']}:{export['stop']}"
    start, stop = export["start"], export["stop"]
    open_path, _ = open_path_for(export["fits"], workdir)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fits.open(open_path) as hdul, np.load(export["npz"]) as npz:
            hdu = hdul[export["hdu"]]
            ascii = isinstance(hdu, fits.TableHDU)
            raw = hdu.data.view(np.ndarray)
            wanted = export["columns"] or hdu.columns.names
            columns = [c for c in hdu.columns if c.name.lower() in [w.lower() for w in wanted]]
            members = set(npz.files)
            expected_members = set()
            for col in columns:
                name = col.name
                code = col.format[:1] if ascii else col.format.lstrip("0123456789")[:1]
                if not ascii and code in "PQ":
                    expected_members |= {name + ".values", name + ".offsets"}
                    rows = [np.asarray(v) for v in hdu.data[name][start:stop]]
                    offsets = np.concatenate([[0], np.cumsum([len(r) for r in rows])]).astype(np.int64)
                    values = np.concatenate(rows) if rows else np.zeros(0)
                    got_values, got_offsets = npz[name + ".values"], npz[name + ".offsets"]
                    if got_offsets.dtype != np.int64 or not np.array_equal(got_offsets, offsets):
                        problems.append(f"{where} {name}: offsets {got_offsets} ({got_offsets.dtype}), astropy {offsets}")
                    if got_values.dtype != values.dtype.newbyteorder("=") or not same(got_values, values):
                        problems.append(f"{where} {name}: values {got_values.dtype} differ from astropy's {values.dtype}")
                    continue
                expected_members.add(name)
                if name not in members:
                    continue
                got = npz[name]
                if not ascii and tdim_repeat(col.format) == 0:
                    if got.shape[0] != stop - start:
                        problems.append(f"{where} {name}: a column of repeat 0 has shape {got.shape}")
                    continue
                try:
                    values = np.asarray(hdu.data[name])[start:stop]
                except ValueError:
                    # astropy cannot convert it (fv_asciitab.fits RadVel: '- 23'); only its presence is checked
                    if name + ".mask" in members:
                        expected_members.add(name + ".mask")
                    continue
                expected_dtype = values.dtype.newbyteorder("=")
                if values.dtype.kind == "U":
                    # astropy gives some character columns as str (astropy_memtest.fits, with TZERO on
                    # them); the export keeps the stored bytes, S<width>
                    expected_dtype = np.dtype(f"S{values.dtype.itemsize // 4}")
                if got.dtype != expected_dtype:
                    problems.append(f"{where} {name}: dtype {got.dtype}, astropy {expected_dtype}")
                    continue
                if got.shape != values.shape:
                    problems.append(f"{where} {name}: shape {got.shape}, astropy {values.shape}")
                    continue
                if values.ndim > 1 or values.dtype.kind == "c" or values.dtype == np.uint64:
                    mine = strings_of(got) if got.dtype.kind == "S" else got
                    theirs = strings_of(values) if values.dtype.kind in "SU" else values
                    if not same(mine, theirs):
                        problems.append(f"{where} {name}: array values differ from astropy's")
                    continue
                mask = missing_mask(col, values, raw[name][start:stop], ascii)
                if values.dtype.kind == "i":
                    # Tablesaw's missing value is the minimum of a short/int/long column, so a stored
                    # minimum reads as missing in jfits (astropy_ascii_i4-i20.fits col3 holds -2^63);
                    # documented in ScalarDecoder, accepted here
                    mask = mask | (values == np.iinfo(values.dtype).min)
                if mask.any():
                    expected_members.add(name + ".mask")
                    got_mask = npz[name + ".mask"] if name + ".mask" in members else None
                    if got_mask is None or got_mask.dtype != np.bool_ or not np.array_equal(got_mask, mask):
                        problems.append(f"{where} {name}: mask {got_mask}, expected {mask}")
                if values.dtype.kind in "SU":
                    mine, theirs = strings_of(got), strings_of(values)
                    if mine != theirs:
                        problems.append(f"{where} {name}: strings {mine[:5]}..., astropy {theirs[:5]}...")
                elif not same(got[~mask], values[~mask]):
                    bad = np.nonzero(got[~mask] != values[~mask])[0][:5]
                    problems.append(f"{where} {name}: values differ from astropy's at unmasked cells {bad}")
            if members != expected_members:
                problems.append(f"{where}: members {sorted(members)}, expected {sorted(expected_members)}")


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: check_table_export.py MANIFEST.json")
    with open(argv[1]) as f:
        exports = json.load(f)
    problems = []
    workdir = tempfile.mkdtemp(prefix="check-table-export-")
    for export in exports:
        try:
            check(export, problems, workdir)
        except Exception as e:  # noqa: BLE001 - reported as a problem of that export
            problems.append(f"{export['npz']}: {type(e).__name__}: {e}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"checked {len(exports)} exports")


if __name__ == "__main__":
    main(sys.argv)
