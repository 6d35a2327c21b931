"""Compares a binary table written back by jfits with the table it was read from, with astropy.

Usage: compare_table_hdus.py ORIGINAL HDU WRITTEN

The written file's HDU 1 must have the original HDU's columns (names, TFORM, TUNIT, TDISP, TNULL,
TSCAL, TZERO, TDIM; variable-length TFORMs may differ in the maximum length in parentheses), the
same values as astropy reads them (NaN equal to NaN, variable-length columns row by row), and every
non-structural card of the original header with the same value. Empty TUNIT, TSCAL = 1 and TZERO = 0
are taken as absent, and trailing blanks of strings as insignificant, as FITS says. Prints OK, or one line per
difference.
"""
import re
import sys
import warnings

import numpy as np
from astropy.io import fits

STRUCTURAL = re.compile(r"(XTENSION|BITPIX|NAXIS\d*|PCOUNT|GCOUNT|TFIELDS|THEAP|CHECKSUM|DATASUM"
                        r"|T(TYPE|FORM|UNIT|DISP|NULL|SCAL|ZERO|DIM|BCOL)\d+)$")
problems = []


def same(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    if a.shape != b.shape:
        return False
    if a.dtype.kind in "SU" and b.dtype.kind in "SU":
        return bool(np.all(np.char.rstrip(a) == np.char.rstrip(b)))  # trailing blanks are not significant
    if a.dtype.kind in "fc" and b.dtype.kind in "fc":
        return bool(np.all((a == b) | (np.isnan(a) & np.isnan(b))))
    return bool(np.all(a == b))


def main():
    original_path, index, written_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the originals may carry their own warnings
        original = fits.open(original_path)[index]
        original_data = original.data
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the written file must not
        written = fits.open(written_path)[1]
        written_data = written.data
    oh, wh = original.header, written.header
    if oh["TFIELDS"] != wh["TFIELDS"] or oh["NAXIS2"] != wh["NAXIS2"]:
        problems.append(f"TFIELDS/NAXIS2 {wh['TFIELDS']}/{wh['NAXIS2']}, expected {oh['TFIELDS']}/{oh['NAXIS2']}")
        print("\n".join(problems))
        return
    for n in range(1, oh["TFIELDS"] + 1):
        for key in ("TTYPE", "TFORM", "TUNIT", "TDISP", "TNULL", "TSCAL", "TZERO", "TDIM"):
            k = f"{key}{n}"
            expected, actual = oh.get(k), wh.get(k)
            if key == "TFORM" and expected is not None and re.match(r"\d*[PQ]", expected):
                expected, actual = re.sub(r"\(.*", "", expected), re.sub(r"\(.*", "", actual or "")
                expected = re.sub(r"^1?", "1", expected)
            if key == "TFORM" and expected is not None:
                expected = re.sub(r"^(?=[A-Z])", "1", expected.strip())
            if key == "TDIM" and expected is not None:
                expected = expected.replace(" ", "")
            if key == "TUNIT" and expected == "":
                expected = None  # an empty unit is no unit: not written
            if (key, expected) in (("TSCAL", 1), ("TZERO", 0)):
                expected = None  # the defaults: not written
            if expected != actual and not (key in ("TSCAL", "TZERO") and expected is not None and actual is not None
                                           and float(expected) == float(actual)):
                problems.append(f"{k}: {actual!r}, expected {expected!r}")
        name = oh.get(f"TTYPE{n}")
        a = original_data.field(n - 1)
        b = written_data.field(n - 1)
        if re.match(r"\d*[PQ]", oh[f"TFORM{n}"]):
            for i in range(len(a)):
                if not same(a[i], b[i]):
                    problems.append(f"{name}[{i}]: {b[i]!r}, expected {a[i]!r}")
                    break
        elif not same(a, b):
            problems.append(f"{name}: values differ: {list(b[:3])!r}..., expected {list(a[:3])!r}...")
    for card in oh.cards:
        key = card.keyword
        if key in ("", "COMMENT", "HISTORY") or STRUCTURAL.match(key):
            continue
        if key not in wh:
            problems.append(f"card {key} missing")
        elif wh[key] != oh[key]:
            problems.append(f"card {key}: {wh[key]!r}, expected {oh[key]!r}")
    for kind in ("COMMENT", "HISTORY"):
        if kind in oh and [str(c) for c in oh[kind]] != [str(c) for c in wh.get(kind, [])]:
            problems.append(f"{kind} cards differ")
    print("OK" if not problems else "\n".join(problems[:40]))


main()
