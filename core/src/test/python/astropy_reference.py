#!/usr/bin/python3
"""Writes astropy's view of every FITS file in a test-data folder, for AstropyParityTest.

Usage: astropy_reference.py FITS_DATA_DIR OUTPUT_DIR

For every file under FITS_DATA_DIR/real and FITS_DATA_DIR/derived (plain or gzip-compressed) it
writes OUTPUT_DIR/<real|derived>__<file name>.json with:

  * "info": the rows of astropy's ``fits.info(output=False)``;
  * "hdus": per HDU its astropy class, every header card in ``header.cards`` order (keyword, value
    with a type tag, comment), and for every image HDU with data the names of two ``.npy`` files:
    the scaled image and the raw image (``do_not_scale_image_data=True``).

and OUTPUT_DIR/index.json listing the files. Nothing here is computed by jfits.

Choices, deliberately made:

  * Headers are read from a separate ``fits.open`` before any data is touched, because astropy
    rewrites BSCALE, BZERO and BLANK in the header once it has scaled the data.
  * The scaled reference is not astropy's array itself. astropy 5.2 scales BITPIX 8 and 16 data in
    float32 arithmetic (``np.multiply(data, bscale, data)`` on a float32 array), which can be one
    unit in the last place away from the correctly rounded value. The reference follows astropy's
    rules for the output dtype, the unsigned conventions and BLANK, but computes raw * BSCALE + BZERO
    in float64 and rounds once to the output dtype, as cfitsio does. The script then asserts that
    astropy's own scaled array is within one ulp of the reference (NaN at the same places, integers
    exactly equal), so the reference stays tied to astropy.
  * BLANK: astropy turns BLANK pixels into NaN only when the data is converted to floating point
    (not for the unsigned conventions), and its test is ``if self._blank:``, so BLANK = 0 is ignored.
    FITS 4.0 (section 4.4.2.5) says BLANK = 0 marks zeros as undefined, as cfitsio reads it; the
    reference follows the standard there and the ulp check excludes those pixels. No file in the
    test data has BLANK = 0 today, so this never differs from astropy in practice.
  * Tile-compressed images (CompImageHDU) get no image reference here (their pixels are compared by
    compressed_reference.py). Their listing rows and header cards are astropy's, which describe the
    image header astropy rebuilds from the table header (astropy_double_ext.fits stores EXTNAME =
    'COMPRESSED_IMAGE' and a second EXTNAME = 'ccd00'; astropy names the compressed HDU 'ccd00');
    "storedCards" holds the binary-table header as stored (astropy with
    ``disable_image_compression=True``).
  * Record-valued keyword cards (the draft distortion-paper convention, e.g. D2IM1 = 'EXTVER: 1' in
    astropy_dist_lookup.fits.gz) are shown by astropy as keyword 'D2IM1.EXTVER' with value 1.0. The
    convention is not part of the FITS standard; cfitsio and jfits read such a card as the string
    card it is. Such cards carry a "stored" entry (astropy's rawkeyword and rawvalue) as well.
  * Cards astropy cannot parse (astropy_dss.fits.gz: SKEW = -1.38..., -1.69..., two bare numbers)
    are tagged "unparsable" with the value field as stored; jfits keeps it verbatim, marked invalid.
  * Random-groups HDUs (GroupsHDU) get listing and headers, but no image: astropy gives a record
    array of groups, not an image, and jfits does not read them as images.
  * Files astropy cannot open as they are (see OPEN_WORKAROUNDS) are opened from a copy cut at the
    end of the last HDU that fitsio (cfitsio) finds; the pixels astropy reads from the copy are
    checked against fitsio's reading of the original file.
"""

import json
import math
import os
import shutil
import sys
import tempfile
import warnings

import numpy as np
from astropy.io import fits
from astropy.io.fits.card import Undefined

# Files astropy 5.2 cannot open unchanged, and why. Each is handled by opening a copy without the
# bytes after the last HDU.
OPEN_WORKAROUNDS = {
    # After its only HDU the file has one more 2880-byte block that holds a bare END card (followed
    # by a NUL byte and blanks). astropy takes it for an extension header and fails with
    # "AttributeError: '_BaseHDU' object has no attribute 'size'"; cfitsio and jfits ignore the
    # block, since it does not start with XTENSION.
    "eso_ntt_trailing.fits": "trailing block with a bare END card",
}
# astropy_verify.fits has NAXIS before BITPIX; astropy opens it (and keeps the cards in file order)
# without complaint, so it needs no workaround.


def tagged(value):
    """A card value as [type tag, text]: exact text so that Java parses the same number."""
    if isinstance(value, (bool, np.bool_)):
        return ["bool", "true" if value else "false"]
    if isinstance(value, (int, np.integer)):
        return ["int", str(int(value))]
    if isinstance(value, (float, np.floating)):
        return ["float", repr(float(value))]
    if isinstance(value, (complex, np.complexfloating)):
        return ["complex", [repr(float(value.real)), repr(float(value.imag))]]
    if isinstance(value, str):
        return ["str", value]
    if value is Undefined or isinstance(value, type(Undefined)):
        return ["undefined", None]
    raise TypeError(f"unexpected card value {value!r} of type {type(value)}")


def cards_of(header):
    rows = []
    for card in header.cards:
        row = {"keyword": card.keyword}
        try:
            row["value"] = tagged(card.value)
            row["comment"] = card.comment
        except fits.VerifyError:
            # astropy refuses the value ("Unparsable card, fix it first"), e.g. astropy_dss.fits.gz's
            # SKEW = -1.38..., -1.69... (two numbers, no quotes). Record the raw value field (after
            # "= ") so the test can check that jfits keeps it verbatim and marks it invalid.
            # card.image would already be astropy's repaired card, so the image read from the file
            # (card._image) is used.
            row["value"] = ["unparsable", card._image[10:].strip()]
            row["comment"] = None
        if card.field_specifier is not None:
            # A record-valued keyword card (the draft distortion convention: D2IM1 = 'EXTVER: 1'),
            # which astropy shows as keyword 'D2IM1.EXTVER' with the float value 1.0. It is not part
            # of the FITS standard, and cfitsio and jfits read the card as the plain string card it
            # is, so the stored keyword and string are recorded too and the test compares with those.
            row["stored"] = {"keyword": card.rawkeyword, "value": tagged(card.rawvalue), "comment": card.comment}
        rows.append(row)
    return rows


def info_row(row):
    index, name, ver, kind, cards, dims, fmt, extra = row
    return {
        "index": index,
        "name": name,
        "ver": ver,
        "type": kind,
        "cards": cards,
        # a tuple of NAXISn for images, a 'nR x mC' string for tables, as astropy prints them
        "dimensions": str(dims) if isinstance(dims, tuple) else dims,
        "format": fmt,
        "extra": extra,
    }


def scaled_reference(raw, header, out_dtype):
    """raw * BSCALE + BZERO in float64 (or exact integers), rounded once to astropy's dtype."""
    bscale = header.get("BSCALE", 1)
    bzero = header.get("BZERO", 0)
    blank = header.get("BLANK")
    if blank is not None and not isinstance(blank, int):
        blank = None  # astropy ignores a non-integer BLANK (with a warning)
    bitpix = header["BITPIX"]
    if bitpix < 0:
        blank = None  # BLANK applies to integer data only
    if bscale == 1 and bzero == 0 and blank is None:
        assert out_dtype == raw.dtype.newbyteorder("="), (out_dtype, raw.dtype)
        return raw.astype(out_dtype)
    if out_dtype.kind in "iu":
        # the unsigned conventions (and BZERO = -128 for signed bytes): exact integers, BLANK ignored
        native = raw.astype(raw.dtype.newbyteorder("="))
        if bitpix == 64:
            # 2^63 does not fit in int64: flip the sign bit, which is adding 2^63 modulo 2^64
            result = native.view(np.uint64) ^ np.uint64(1 << 63)
        else:
            result = (native.astype(np.int64) + int(bzero)).astype(out_dtype)
        exact = [int(v) + int(bzero) for v in native.ravel().tolist()]
        assert result.ravel().tolist() == exact, "unsigned convention out of range"
        return result
    data = raw.astype(np.float64)
    # the same operations astropy applies, in the same order, skipping the neutral ones as it does
    if bscale != 1:
        data = data * np.float64(bscale)
    if bzero != 0:
        data = data + np.float64(bzero)
    result = data.astype(out_dtype)
    if blank is not None:
        result[raw == blank] = np.nan
    return result


def assert_close_to_astropy(reference, astropy_data, header, where):
    """astropy's own scaled data must equal the reference, floats within one ulp.

    Returns how many elements astropy has one ulp away (119 of 420 in astropy_scale.fits).
    """
    assert reference.shape == astropy_data.shape, where
    assert reference.dtype == astropy_data.dtype.newbyteorder("="), (where, reference.dtype, astropy_data.dtype)
    mine = reference
    theirs = astropy_data.astype(reference.dtype.newbyteorder("="))
    if reference.dtype.kind in "iu":
        assert np.array_equal(mine, theirs), where
        return 0
    skip = np.zeros(reference.shape, dtype=bool)
    if header.get("BLANK") == 0 and header["BITPIX"] > 0:
        skip = np.isnan(mine) & ~np.isnan(theirs)  # astropy ignores BLANK = 0, see the module notes
    assert np.array_equal(np.isnan(mine) & ~skip, np.isnan(theirs)), f"{where}: NaN at other places"
    finite = ~np.isnan(mine) & ~skip
    ulp = np.spacing(np.abs(mine[finite]).astype(reference.dtype))
    diff = np.abs(mine[finite].astype(np.float64) - theirs[finite].astype(np.float64))
    bad = diff > ulp.astype(np.float64)
    assert not bad.any(), f"{where}: astropy differs from the reference by more than 1 ulp at {np.argwhere(bad)[:5]}"
    return int(np.count_nonzero(diff))


def little_endian(array):
    return array.astype(array.dtype.newbyteorder("<"), copy=False)


def open_path_for(path, workdir):
    """The path astropy should open: the file itself, or a cut copy for the known exceptions."""
    name = os.path.basename(path)
    if name not in OPEN_WORKAROUNDS:
        return path, None
    import fitsio

    with fitsio.FITS(path) as f:
        ends = [hdu.get_offsets()["data_end"] for hdu in f]
    end = int(math.ceil(max(ends) / 2880.0) * 2880)
    copy = os.path.join(workdir, name)
    with open(path, "rb") as src, open(copy, "wb") as dst:
        dst.write(src.read(end))
    note = f"{OPEN_WORKAROUNDS[name]}: astropy reads a copy of the first {end} bytes"
    return copy, note


def check_against_fitsio(path, index, raw):
    """For files astropy cannot open as they are: the stored pixels fitsio reads must match."""
    import fitsio

    with fitsio.FITS(path) as f:
        hdu = f[index]
        # fitsio scales with BSCALE/BZERO; undo nothing: compare raw values where no scaling applies
        header = hdu.read_header()
        bscale = header.get("BSCALE", 1)
        bzero = header.get("BZERO", 0)
        data = hdu.read()
    expected = raw.astype(np.float64) * bscale + bzero
    assert np.array_equal(data.astype(np.float64), expected), f"{path}[{index}]: fitsio disagrees"


def describe(path, key, outdir, workdir):
    open_path, note = open_path_for(path, workdir)
    result = {"file": key, "note": note, "info": [], "hdus": []}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # 1. listing and headers, before any data is read
        with fits.open(open_path) as hdul:
            result["info"] = [info_row(r) for r in hdul.info(output=False)]
            kinds = [type(h).__name__ for h in hdul]
            headers = [h.header.copy() for h in hdul]
        # stored headers of compressed images: the binary-table headers
        with fits.open(open_path, disable_image_compression=True) as hdul:
            stored = [h.header.copy() for h in hdul]
        assert len(stored) == len(headers), path
        # 2. raw data, then astropy's scaled data
        with fits.open(open_path, do_not_scale_image_data=True) as raw_list, fits.open(open_path) as scaled_list:
            for index, kind in enumerate(kinds):
                header = headers[index]
                entry = {
                    "index": index,
                    "type": kind,
                    "cards": cards_of(header),
                    "image": None,
                }
                if kind == "CompImageHDU":
                    entry["storedCards"] = cards_of(stored[index])
                if kind in ("PrimaryHDU", "ImageHDU"):
                    raw = raw_list[index].data
                    if raw is not None:
                        astropy_scaled = scaled_list[index].data
                        where = f"{key}[{index}]"
                        raw = np.asarray(raw)
                        raw = raw.astype(raw.dtype.newbyteorder("="))
                        reference = scaled_reference(raw, header, astropy_scaled.dtype.newbyteorder("="))
                        # elements where astropy's float32 arithmetic is one ulp off the reference
                        ulp_off = assert_close_to_astropy(reference, astropy_scaled, header, where)
                        if note is not None:
                            check_against_fitsio(path, index, raw)
                        stem = f"{key.replace('/', '__')}__hdu{index}"
                        np.save(os.path.join(outdir, stem + ".scaled.npy"), little_endian(reference))
                        np.save(os.path.join(outdir, stem + ".raw.npy"), little_endian(raw))
                        entry["image"] = {
                            "shape": list(raw.shape),
                            "dtype": reference.dtype.name,
                            "rawDtype": raw.dtype.name,
                            "scaled": stem + ".scaled.npy",
                            "raw": stem + ".raw.npy",
                            "astropyOneUlpOff": ulp_off,
                        }
                result["hdus"].append(entry)
    return result


def fits_files(data_dir):
    """(key, path) of every FITS file under the data folder's real/ and derived/, in a stable order."""
    for folder in ("real", "derived"):
        for name in sorted(os.listdir(os.path.join(data_dir, folder))):
            path = os.path.join(data_dir, folder, name)
            if os.path.isfile(path) and (".fits" in name or name.endswith(".fz")):
                yield f"{folder}/{name}", path


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: astropy_reference.py FITS_DATA_DIR OUTPUT_DIR")
    data_dir, outdir = argv[1], argv[2]
    os.makedirs(outdir, exist_ok=True)
    index = {"astropy": __import__("astropy").__version__, "numpy": np.__version__, "files": []}
    workdir = tempfile.mkdtemp(prefix="astropy-reference-")
    try:
        for key, path in fits_files(data_dir):
            described = describe(path, key, outdir, workdir)
            json_name = key.replace("/", "__") + ".json"
            with open(os.path.join(outdir, json_name), "w") as out:
                json.dump(described, out, indent=1)
            index["files"].append({"file": key, "json": json_name})
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    with open(os.path.join(outdir, "index.json"), "w") as out:
        json.dump(index, out, indent=1)


if __name__ == "__main__":
    main(sys.argv)
