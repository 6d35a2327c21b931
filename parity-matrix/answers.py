#!/usr/bin/python3
"""Reference values of the parity matrix, computed by astropy and fitsio.

    answers.py read SAMPLES WORK [SECTION...]     writes the fixture files into WORK with astropy
                                                  and numpy, then answers the "read" sections
    answers.py written SAMPLES WORK [SECTION...]  answers the "written" sections, which read the
                                                  files the notebook wrote with jfits into WORK

Prints one JSON object: for every idiom of the chosen sections (all sections of the phase when
none is named), ID -> the value of its astropy expression and, when it has one, ID#fitsio -> the
value of its fitsio expression. Arrays become {"shape", "dtype", "data"} (data flattened in C
order), NaN and infinities the strings "NaN", "Infinity", "-Infinity", masked values null.
"""
import io
import json
import math
import os
import sys
import warnings

import numpy as np
import fitsio
from astropy import units as u
from astropy.coordinates import SkyCoord
from astropy.io import fits
from astropy.nddata import Cutout2D
from astropy.table import Table
from astropy.wcs import WCS
from astropy.wcs.utils import proj_plane_pixel_scales

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import idioms  # noqa: E402

warnings.simplefilter("ignore")


def norm(x):
    """A JSON-ready form of a value."""
    if isinstance(x, np.ma.MaskedArray):
        return norm(x.tolist())
    if isinstance(x, np.ndarray):
        if x.dtype.kind in "SUO":
            return [norm(v) for v in x.tolist()]
        return {"shape": list(x.shape), "dtype": x.dtype.name, "data": [norm(v) for v in x.ravel().tolist()]}
    if isinstance(x, np.dtype):
        return x.name
    if isinstance(x, np.generic):
        return norm(x.item())
    if isinstance(x, bool) or x is None or isinstance(x, int) or isinstance(x, str):
        return x
    if isinstance(x, float):
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x
    if isinstance(x, bytes):
        return x.decode("ascii")
    if isinstance(x, (list, tuple)):
        return [norm(v) for v in x]
    if isinstance(x, dict):
        return {str(k): norm(v) for k, v in x.items()}
    if type(x).__name__ == "Undefined":
        return None
    return str(x)


def fitsinfo_lines(path):
    """The lines astropy's fitsinfo prints for a file (fits.info), trailing blanks removed."""
    buf = io.StringIO()
    fits.info(path, output=buf)
    return [line.rstrip() for line in buf.getvalue().splitlines()]


def fitsheader_lines(*args):
    """The card lines astropy's fitsheader script prints (its '# HDU n in FILE:' title left out)."""
    from astropy.io.fits.scripts import fitsheader
    buf, argv, stdout = io.StringIO(), sys.argv, sys.stdout
    sys.argv, sys.stdout = ["fitsheader", *args], buf
    try:
        fitsheader.main()
    finally:
        sys.argv, sys.stdout = argv, stdout
    return [line.rstrip() for line in buf.getvalue().splitlines() if line and not line.startswith("# HDU")]


def write_raw_images(path, hdus):
    """Images whose headers astropy formats and whose stored values numpy writes as they are:
    hdus is a list of (EXTNAME, stored array, extra cards)."""
    with open(path, "wb") as out:
        primary = fits.Header([("SIMPLE", True), ("BITPIX", 8), ("NAXIS", 0), ("EXTEND", True)])
        out.write(primary.tostring().encode("ascii"))
        for name, stored, extra in hdus:
            bitpix = {"u1": 8, "i2": 16, "i4": 32, "i8": 64, "f4": -32, "f8": -64}[stored.dtype.str[1:]]
            h = fits.Header([("XTENSION", "IMAGE"), ("BITPIX", bitpix), ("NAXIS", stored.ndim)])
            for i, n in enumerate(stored.shape[::-1]):
                h[f"NAXIS{i + 1}"] = n
            h["PCOUNT"], h["GCOUNT"], h["EXTNAME"] = 0, 1, name
            for key, value in extra:
                h[key] = value
            out.write(h.tostring().encode("ascii"))
            raw = stored.astype(stored.dtype.newbyteorder(">")).tobytes()
            out.write(raw + b"\0" * (-len(raw) % 2880))


def make_fixtures(samples, work):
    rng = np.random.default_rng(20261205)
    shape = (6, 7)
    u8 = rng.integers(0, 256, shape).astype(np.uint8)
    s16 = rng.integers(-32768, 32768, shape).astype(np.int16)
    s16[0, 0], s16[5, 6] = -32768, -32768
    s8 = rng.integers(0, 256, shape).astype(np.uint8)
    s8[1, 1] = 255
    s32 = rng.integers(-2**31, 2**31, shape).astype(np.int32)
    s32[2, 3] = -2**31
    b16 = rng.integers(-5, 5, shape).astype(np.int16)
    f32 = rng.normal(0, 100, shape).astype(np.float32)
    f32[3, 4] = np.nan
    write_raw_images(os.path.join(work, "bitpix.fits"), [
        ("U8", u8, []),
        ("I16", rng.integers(-32768, 32768, shape).astype(np.int16), []),
        ("I32", rng.integers(-2**31, 2**31, shape).astype(np.int32), []),
        ("I64", rng.integers(-2**63, 2**63 - 1, shape, dtype=np.int64), []),
        ("F32", f32, []),
        ("F64", rng.normal(0, 1e10, shape), []),
        ("I8", rng.integers(0, 256, shape).astype(np.uint8), [("BZERO", -128)]),
        ("U16", rng.integers(-32768, 32768, shape).astype(np.int16), [("BZERO", 32768)]),
        ("U32", rng.integers(-2**31, 2**31, shape).astype(np.int32), [("BZERO", 2**31)]),
        ("U64", rng.integers(-2**63, 2**63 - 1, shape, dtype=np.int64), [("BZERO", 2**63)]),
        ("S8", s8, [("BSCALE", 2.0), ("BZERO", -10.0), ("BLANK", 255)]),
        ("S16", s16, [("BSCALE", 0.5), ("BZERO", 100.0), ("BLANK", -32768)]),
        ("S32", s32, [("BSCALE", 0.001), ("BZERO", 5.0), ("BLANK", -2**31)]),
        ("B16", b16, [("BLANK", -1)]),
    ])

    n = 5
    cols = [
        fits.Column(name="NAME", format="4A", array=np.array(["a", "bb", "", "dddd", "e"])),
        fits.Column(name="INULL", format="J", null=-999, array=np.array([1, -999, 3, 4, -999], dtype=np.int32)),
        fits.Column(name="FNULL", format="E", unit="Jy", array=np.array([1.5, np.nan, 2.5, np.nan, 0], dtype=np.float32)),
        fits.Column(name="SCALED", format="I", array=np.array([0, 1, 2, 3, -4], dtype=np.int16)),    # TSCAL/TZERO below
        fits.Column(name="U16", format="I", bzero=32768, array=np.array([0, 1, 65535, 32768, 40001], dtype=np.uint16)),
        fits.Column(name="U32", format="J", bzero=2**31, array=np.array([0, 4294967295, 5, 2**31, 9], dtype=np.uint32)),
        fits.Column(name="I8", format="B", array=np.array([0, 255, 128, 127, 133], dtype=np.uint8)),  # TZERO -128 below
        fits.Column(name="K", format="K", array=np.array([2**62, -2**62, 0, 1, -1], dtype=np.int64)),
        fits.Column(name="LOG", format="L", array=np.array([True, False, True, True, False])),
        fits.Column(name="ARR", format="3E", unit="m", array=rng.normal(0, 1, (n, 3)).astype(np.float32)),
        fits.Column(name="MAT", format="6J", dim="(3,2)", array=rng.integers(-1000, 1000, (n, 2, 3)).astype(np.int32)),
        fits.Column(name="VLA", format="PJ()", array=np.array(
            [np.array(r, dtype=np.int32) for r in ([1, 2, 3], [], [4], [5, 6], [7, 8, 9, 10])], dtype=object)),
        fits.Column(name="VLD", format="PD()", array=np.array(
            [np.array(r) for r in ([0.5], [1.25, -2.0], [], [3.0, 4.0, 5.0], [6.5])], dtype=object)),
        fits.Column(name="CPLX", format="C", array=(rng.normal(0, 1, n) + 1j * rng.normal(0, 1, n)).astype(np.complex64)),
        fits.Column(name="BITS", format="12X", array=rng.integers(0, 2, (n, 12)).astype(bool)),
    ]
    mix = fits.BinTableHDU.from_columns(cols, name="MIX")
    asc = fits.TableHDU.from_columns([
        fits.Column(name="A", format="A6", array=np.array(["one", "two", "three"])),
        fits.Column(name="I", format="I6", array=np.array([1, -20, 300])),
        fits.Column(name="F", format="F9.3", array=np.array([1.5, -2.25, 1000.125])),
        fits.Column(name="E", format="E13.5", array=np.array([1.5e-10, -2.5e20, 3.0])),
    ], name="ASC")
    tables = os.path.join(work, "tables.fits")
    fits.HDUList([fits.PrimaryHDU(), mix, asc]).writeto(tables, overwrite=True)
    # the stored integers are written as they are, then declared scaled: TSCAL4/TZERO4 and TZERO7
    with open(tables, "r+b") as f:
        header = fits.Header.fromfile(f)
        size = len(header.tostring())
        f.seek(0)
        primary = fits.Header.fromfile(f)
        start = len(primary.tostring())
        f.seek(start)
        h = fits.Header.fromfile(f)
        old = len(h.tostring())
        h.insert("TFORM4", ("TSCAL4", 0.5), after=True)
        h.insert("TSCAL4", ("TZERO4", 10.0), after=True)
        h.insert("TFORM7", ("TZERO7", -128), after=True)
        text = h.tostring().encode("ascii")
        assert len(text) == old, "the table header grew by a block"
        f.seek(start)
        f.write(text)

    ngc = fits.getdata(os.path.join(samples, "fv_ngc1316o.fits"))
    image = fits.PrimaryHDU(ngc)
    table = fits.BinTableHDU.from_columns([fits.Column(name="X", format="D", array=np.arange(10.0))], name="T")
    ck = os.path.join(work, "checksums.fits")
    fits.HDUList([image, table]).writeto(ck, overwrite=True, checksum=True)
    raw = bytearray(open(ck, "rb").read())
    raw[2880 * 2 + 1000] ^= 0x10                    # one data byte of the image (header: 2 blocks)
    open(os.path.join(work, "checksums-bad.fits"), "wb").write(bytes(raw))

    near = ngc.astype(np.float64) + 0.5
    fits.PrimaryHDU(near).writeto(os.path.join(work, "near-a.fits"), overwrite=True)
    fits.PrimaryHDU(near * (1 + 1e-8)).writeto(os.path.join(work, "near-b.fits"), overwrite=True)

    u16 = (ngc.astype(np.int32) + 30000).astype(np.uint16)
    comp = [fits.PrimaryHDU()]
    for name, kind, extra in (("RICE", "RICE_1", {}), ("GZIP1", "GZIP_1", {}), ("GZIP2", "GZIP_2", {"tile_shape": (10, 100)}),
                              ("HCOMP", "HCOMPRESS_1", {"tile_shape": (20, 440)}), ("PLIO", "PLIO_1", {})):
        comp.append(fits.CompImageHDU(ngc, compression_type=kind, name=name, **extra))
    comp.append(fits.CompImageHDU(ngc.astype(np.float32) * np.float32(0.37), compression_type="RICE_1", name="FLOATQ",
                                  quantize_level=16, dither_seed=7))
    comp.append(fits.CompImageHDU(u16, compression_type="RICE_1", name="U16"))
    fits.HDUList(comp).writeto(os.path.join(work, "compressed.fits"), overwrite=True)


def main():
    mode, samples, work = sys.argv[1], sys.argv[2], sys.argv[3]
    chosen = set(sys.argv[4:])
    if mode not in ("read", "written"):
        raise SystemExit("usage: answers.py read|written SAMPLES WORK [SECTION...]")
    if mode == "read":
        make_fixtures(samples, work)
    ns = dict(fits=fits, fitsio=fitsio, np=np, Table=Table, WCS=WCS, Cutout2D=Cutout2D, SkyCoord=SkyCoord, u=u,
              proj_plane_pixel_scales=proj_plane_pixel_scales, fitsinfo_lines=fitsinfo_lines,
              fitsheader_lines=fitsheader_lines,
              S=lambda name: os.path.join(samples, name), W=lambda name: os.path.join(work, name))
    result = {}
    for sec in idioms.SECTIONS:
        if sec.phase != mode or (chosen and sec.key not in chosen):
            continue
        exec(sec.py, ns)
        for idiom in sec.idioms:
            result[idiom.id] = norm(eval(idiom.astropy, ns))
            if idiom.fitsio:
                result[idiom.id + "#fitsio"] = norm(eval(idiom.fitsio, ns))
    json.dump(result, sys.stdout, sort_keys=True, allow_nan=False)
    print()


if __name__ == "__main__":
    main()
