#!/usr/bin/python3
"""Writes astropy's view of every table HDU in a test-data folder, for TableParityTest.

Usage: astropy_table_reference.py FITS_DATA_DIR OUTPUT_DIR

For every binary (BINTABLE) and ASCII (TABLE) HDU of the files under FITS_DATA_DIR/real and
FITS_DATA_DIR/derived it writes, per column, astropy's values (``fits.open(...)[i].data[name]``) as a
little-endian ``.npy`` file, and one JSON per file (OUTPUT_DIR/<real|derived>__<name>.tables.json)
with the column metadata and the names of those files; OUTPUT_DIR/tables-index.json lists the files.
Nothing here is computed by jfits. Files astropy cannot open as they are are opened as the image
reference script does (``astropy_reference.open_path_for``).

Column kinds and what the reference holds:

  * "scalar": one number or logical per row (jfits: a Tablesaw column). Values in astropy's dtype,
    logicals as bool, and a boolean mask (``.mask.npy``) of the cells jfits must report as missing;
  * "string": one string per row (jfits: a Tablesaw string column); the strings are in the JSON as
    astropy gives them (trailing blanks stripped, bytes read as ISO-8859-1), with a mask of empty
    strings (Tablesaw's missing value);
  * "strings": a character column whose TDIM makes an array of strings per row; the strings flat in
    C order, with their shape;
  * "array": fixed-size arrays, bits (X, bool), complex (C/M, a last axis of 2: real, imaginary) and
    unsigned 64-bit scalars (jfits: an ND4J array) in astropy's dtype and shape;
  * "vla": variable-length arrays (P, Q): every row's values flat, and rows + 1 int64 offsets;
  * "empty": a column of repeat 0 (astropy_zerowidth.fits '0D'), which holds nothing.

Masks (what must be missing), computed from the stored bytes rather than from astropy's converted
values: integer cells equal to TNULL (binary tables compare the stored integer, before TSCAL/TZERO);
NaN in floating-point scalar columns; logical cells that are neither 'T' nor 'F' (astropy reads those
as False); ASCII-table numeric fields that are blank (astropy reads 0) or equal to TNULL. Where
astropy's ``Table.read`` masks too (unscaled TNULL integers, NaN floats, empty strings), the script
asserts that its mask is the same, which ties these masks to astropy.

Besides the test data, the script writes one table of its own, OUTPUT_DIR/generated/astropy_types.fits
(``generated_table``), for the types no file of the test data holds with telling values (complex
numbers, set bits, logical nulls, unsigned integers, scaled columns with TNULL, TDIM strings), and
describes it in the same way as key "generated/astropy_types.fits".

Left out, with the reason in the JSON ("skipped"): tile-compressed images (ZIMAGE = T, binary tables
that hold compressed tiles, not a table) and tile-compressed tables (ZTABLE = T; jfits does not
decompress tables yet). A column astropy cannot convert (fv_asciitab.fits RadVel: '- 23' is not a
number to astropy) is read with fitsio (cfitsio reads it as -23) and marked "source" in the JSON.
"""

import json
import os
import shutil
import sys
import tempfile
import warnings

import numpy as np
from astropy.io import fits
from astropy.table import Table

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from astropy_reference import fits_files, little_endian, open_path_for  # noqa: E402


def text(value):
    """A metadata value for the JSON: exact text for numbers, None when absent."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    return str(value)


def tdim_numpy_order(col, ascii):
    """The dims jfits reports: TDIM reversed, or [repeat] for a numeric/bit array, or [] for a scalar."""
    fmt = col.format
    if ascii:
        return []
    code = fmt.lstrip("0123456789")[0]
    if code in "PQ":
        return []
    repeat = tdim_repeat(fmt)
    if col.dim:
        parts = [int(p) for p in col.dim.strip()[1:-1].split(",")]
        return parts[::-1]
    if code == "A" or repeat == 1:
        return []
    return [repeat]


def tdim_repeat(fmt):
    digits = fmt[: len(fmt) - len(fmt.lstrip("0123456789"))]
    return int(digits) if digits else 1


def save(outdir, stem, array):
    np.save(os.path.join(outdir, stem), little_endian(np.ascontiguousarray(array)))
    return stem


def strings_of(values):
    flat = np.asarray(values).ravel()
    # as astropy's chararray gives an element: trailing whitespace stripped (bytes.rstrip)
    return [v.rstrip().decode("iso-8859-1") if isinstance(v, bytes) else str(v).rstrip() for v in flat.tolist()]


def missing_mask(col, values, stored, ascii):
    """The cells of a scalar column that jfits must report as missing (see the module notes).

    col: astropy's Column; values: astropy's converted values; stored: the stored field
    (``hdu.data.view(np.ndarray)[name]``); ascii: True for an ASCII table.
    """
    code = col.format[:1] if ascii else col.format.lstrip("0123456789")[:1]
    values = np.asarray(values)
    mask = np.zeros(values.shape[0], dtype=bool)
    if values.dtype.kind in "SU":
        return np.array([s == "" for s in strings_of(values)], dtype=bool)
    if ascii:
        fields = np.char.strip(np.asarray(stored).astype("S"))
        if code != "A":
            mask |= fields == b""
            if col.null is not None:
                mask |= fields == str(col.null).strip().encode("ascii")
    elif code == "L":
        mask |= (stored != ord("T")) & (stored != ord("F"))
    else:
        if col.null is not None and np.asarray(stored).dtype.kind in "iu":
            mask |= np.asarray(stored) == int(col.null)
        if values.dtype.kind == "f":
            mask |= np.isnan(values)
    return mask


def column_reference(hdu, col, raw, outdir, stem, ascii, fitsio_column=None):
    data = hdu.data
    name = col.name
    entry = {
        "name": name,
        "format": col.format,
        "unit": col.unit or "",
        "display": col.disp or "",
        "null": text(col.null),
        "scale": text(col.bscale),
        "zero": text(col.bzero),
        "tdim": col.dim,
        "dims": tdim_numpy_order(col, ascii),
    }
    if not ascii and col.format.lstrip("0123456789")[:1] not in "PQ" and tdim_repeat(col.format) == 0:
        entry["kind"] = "empty"  # repeat 0 (e.g. '0D'): no bytes in the row, astropy gives void items
        return entry
    try:
        values = data[name]
    except ValueError as e:
        if fitsio_column is None:
            entry["kind"] = "error"
            entry["error"] = str(e)
            return entry
        # astropy cannot convert the column; cfitsio (through fitsio) reads it, and is the reference
        entry["source"] = f"fitsio, since astropy fails: {e}"
        values = fitsio_column(name)
    code = col.format.lstrip("0123456789")[:1] if not ascii else col.format[:1]
    stored = raw[name] if raw is not None else None
    if not ascii and code in "PQ":
        rows = [np.asarray(v) for v in values]
        element = col.format.lstrip("0123456789")[1]
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        for i, r in enumerate(rows):
            offsets[i + 1] = offsets[i] + (r.shape[0] if r.ndim else 1)
        if element == "A":
            entry["kind"] = "vla-string"
            entry["strings"] = [bytes(np.asarray(r, dtype=np.uint8)).split(b"\0")[0].rstrip(b" ").decode("iso-8859-1")
                                if np.asarray(r).dtype.kind in "iu" else str(r) for r in rows]
            return entry
        flat = np.concatenate(rows) if rows else np.zeros(0)
        if flat.dtype.kind == "c":
            flat = flat.view(flat.real.dtype).reshape(flat.shape + (2,))
        entry["kind"] = "vla"
        entry["dtype"] = flat.dtype.newbyteorder("=").name
        entry["values"] = save(outdir, stem + ".values.npy", flat)
        entry["offsets"] = save(outdir, stem + ".offsets.npy", offsets)
        return entry
    if np.asarray(values).dtype.kind in "SU":
        # astropy's chararray strips trailing blanks when an element is taken, not in np.asarray
        strings = strings_of(np.asarray(values))
        values = np.asarray(values)
        if values.ndim > 1:
            entry["kind"] = "strings"
            entry["shape"] = list(values.shape)
            entry["strings"] = strings
            return entry
        entry["kind"] = "string"
        entry["strings"] = strings
        entry["mask"] = save(outdir, stem + ".mask.npy", missing_mask(col, values, stored, ascii))
        return entry
    values = np.asarray(values)
    is_array = values.ndim > 1 or values.dtype.kind == "c" or values.dtype == np.uint64
    if values.dtype.kind == "c":
        values = np.ascontiguousarray(values)
        values = values.view(values.real.dtype).reshape(values.shape + (2,))
    entry["dtype"] = values.dtype.newbyteorder("=").name
    entry["shape"] = list(values.shape)
    entry["values"] = save(outdir, stem + ".npy", values)
    if is_array:
        entry["kind"] = "array"
        return entry
    entry["kind"] = "scalar"
    mask = missing_mask(col, values, stored, ascii)
    entry["mask"] = save(outdir, stem + ".mask.npy", mask)
    return entry


def check_table_read_masks(hdu, entries, outdir, ascii, where):
    """astropy's Table.read masks agree with ours wherever it masks: unscaled TNULL, NaN, ''."""
    try:
        table = Table.read(hdu)
    except Exception as e:  # noqa: BLE001 - recorded, the column values are compared anyway
        return f"Table.read failed: {e}"
    for entry in entries:
        if entry.get("kind") != "scalar" or entry["format"].lstrip("0123456789")[:1] == "L":
            continue
        if entry["scale"] not in (None, "1", "1.0") or entry["zero"] not in (None, "0", "0.0"):
            continue
        column = table[entry["name"]]
        theirs = np.asarray(getattr(column, "mask", np.zeros(len(column), dtype=bool)))
        if theirs.shape == ():
            theirs = np.full(len(column), bool(theirs))
        if ascii:
            continue  # Table.read does not mask blank ASCII fields (it reads them as 0)
        mine = np.load(os.path.join(outdir, entry["mask"]))
        assert np.array_equal(mine, theirs), f"{where} {entry['name']}: Table.read masks {theirs}, reference {mine}"
    return None


def fitsio_reader(path, index):
    """Reads one column with fitsio (cfitsio), for the columns astropy cannot convert."""
    def read(name):
        import fitsio

        return fitsio.read(path, ext=index, columns=[name])[name]
    return read


def describe(path, key, outdir, workdir):
    open_path, note = open_path_for(path, workdir)
    result = {"file": key, "note": note, "tables": []}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fits.open(open_path, disable_image_compression=True) as hdul:
            for index, hdu in enumerate(hdul):
                if not isinstance(hdu, (fits.BinTableHDU, fits.TableHDU)):
                    continue
                ascii = isinstance(hdu, fits.TableHDU)
                entry = {"index": index, "ascii": ascii, "rows": int(hdu.header["NAXIS2"]), "skipped": None}
                if hdu.header.get("ZIMAGE") is True:
                    entry["skipped"] = "tile-compressed image (ZIMAGE = T)"
                elif hdu.header.get("ZTABLE") is True:
                    entry["skipped"] = "tile-compressed table (ZTABLE = T): not decompressed yet"
                if entry["skipped"] is None:
                    raw = hdu.data.view(np.ndarray) if hdu.data is not None else None
                    stem = f"{key.replace('/', '__')}__hdu{index}"
                    columns = []
                    for number, col in enumerate(hdu.columns, start=1):
                        columns.append(column_reference(hdu, col, raw, outdir, f"{stem}__col{number}", ascii,
                                                        fitsio_reader(path, index)))
                    entry["columns"] = columns
                    entry["tableReadNote"] = check_table_read_masks(hdu, columns, outdir, ascii, f"{key}[{index}]")
                result["tables"].append(entry)
    return result


def generated_table(path):
    """A table of the types no file of the test data holds with telling values: complex scalars and
    arrays, bits that are set, a logical null, the unsigned 16/32/64-bit conventions, TSCAL/TZERO
    with TNULL, an array of strings (TDIM), a 2-D TDIM array with unit and display format, and a
    complex variable-length column. Written by astropy, then patched byte by byte."""
    n = 7
    rng = np.random.default_rng(20261125)
    cols = [
        fits.Column("cplx", "C", array=(rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(np.complex64)),
        fits.Column("dcplx", "2M", array=rng.standard_normal((n, 2)) + 1j * rng.standard_normal((n, 2))),
        fits.Column("bits", "13X", array=rng.integers(0, 2, (n, 13)).astype(bool)),
        fits.Column("flag", "L", array=np.array([True, False, True, True, False, False, True])),
        fits.Column("u16", "I", bzero=32768, array=np.array([0, 1, 65535, 32768, 40000, 2, 3], dtype=np.uint16)),
        fits.Column("u32", "J", bzero=2**31, array=np.array([0, 1, 2**32 - 1, 2**31, 3000000000, 2, 3], dtype=np.uint32)),
        fits.Column("u64", "K", bzero=2**63, array=np.array([0, 1, 2**64 - 1, 2**63, 2**63 + 5, 2, 3], dtype=np.uint64)),
        fits.Column("scaled", "J", null=-99, array=np.array([0, 7, -99, 3, -4, 5, 6], dtype=np.int32)),
        fits.Column("nul", "I", null=-1, array=np.array([1, -1, 2, -1, 3, 4, 5], dtype=np.int16)),
        fits.Column("strs", "12A", dim="(4,3)", array=np.array([[f"a{i}{j}" for j in range(3)] for i in range(n)])),
        fits.Column("cube", "6E", dim="(3,2)", unit="m", disp="F8.3",
                    array=rng.standard_normal((n, 2, 3)).astype(np.float32)),
        fits.Column("vcplx", "PC()", array=np.array([np.full(k, 1 + 2j * k, dtype=np.complex64) for k in range(n)],
                                                     dtype=object)),
    ]
    fits.BinTableHDU.from_columns(cols).writeto(path, overwrite=True)
    # byte surgery where astropy's writer will not go: a logical null (byte 0), and TSCAL/TZERO on a
    # column of stored integers that includes its TNULL (cards added before END)
    with fits.open(path) as f:
        header_start, start, width = f[1]._header_offset, f[1]._data_offset, f[1].header["NAXIS1"]
        flag = f[1].data.dtype.fields["flag"][1]
        number = f[1].columns.names.index("scaled") + 1
    raw = bytearray(open(path, "rb").read())
    raw[start + 3 * width + flag] = 0
    end = raw.index(b"END" + b" " * 77, header_start)
    assert end + 3 * 80 <= start, "no room for two more cards"
    cards = f"{'TSCAL%d' % number:8}= {0.5:>20}".ljust(80) + f"{'TZERO%d' % number:8}= {10.25:>20}".ljust(80)
    raw[end:end + 240] = (cards + "END").ljust(240).encode("ascii")
    with open(path, "wb") as out:
        out.write(raw)


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: astropy_table_reference.py FITS_DATA_DIR OUTPUT_DIR")
    data_dir, outdir = argv[1], argv[2]
    os.makedirs(outdir, exist_ok=True)
    index = {"astropy": __import__("astropy").__version__, "numpy": np.__version__, "files": []}
    workdir = tempfile.mkdtemp(prefix="astropy-table-reference-")
    try:
        os.makedirs(os.path.join(outdir, "generated"), exist_ok=True)
        generated = "generated/astropy_types.fits"
        generated_table(os.path.join(outdir, generated))
        sources = list(fits_files(data_dir)) + [(generated, os.path.join(outdir, generated))]
        for key, path in sources:
            described = describe(path, key, outdir, workdir)
            if not described["tables"]:
                continue
            json_name = key.replace("/", "__") + ".tables.json"
            with open(os.path.join(outdir, json_name), "w") as out:
                json.dump(described, out, indent=1)
            index["files"].append({"file": key, "json": json_name})
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    with open(os.path.join(outdir, "tables-index.json"), "w") as out:
        json.dump(index, out, indent=1)


if __name__ == "__main__":
    main(sys.argv)
