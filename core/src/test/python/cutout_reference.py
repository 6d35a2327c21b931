#!/usr/bin/python3
"""Writes astropy's cutouts of real and generated images, for CutoutParityTest.

Usage: cutout_reference.py FITS_DATA_DIR OUTPUT_DIR

Generated images (every BITPIX; BSCALE/BZERO/BLANK; the unsigned conventions; a 1500 x 1100
float32 image and a 1200 x 900 uint16 image, large enough for reads in several bands) are written
by astropy into OUTPUT_DIR/gen/. For each case (a file, an HDU, raw or scaled, a fill value, a plane
range, a list of boxes x, y, w, h in 0-based pixels) it cuts each box out of astropy's full
array (``fits.getdata``; for scaled data the float64-rounded-once reference of
astropy_reference.scaled_reference, checked to be within one ulp of astropy's own array) sliced as
``data[..., y:y+h, x:x+w]``, with the parts outside the image set to the fill value (NaN for floats,
the case's fill for integers), and the box's flag (INSIDE, PARTIAL, OUTSIDE); one .npy per case holds
all its cutouts raveled and concatenated in box order. OUTPUT_DIR/cases.json lists the cases with
the shape and flag of every cutout. Nothing here is computed by jfits.
"""

import json
import os
import sys
import warnings

import numpy as np
from astropy.io import fits

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from astropy_reference import assert_close_to_astropy, little_endian, scaled_reference  # noqa: E402

REAL = [
    ("real/astropy_1904-66_AZP.fits", 0),   # float32
    ("real/astropy_arange.fits", 0),        # int32 cube
    ("real/astropy_blank.fits", 0),         # int64 + BLANK, 1 x 1
    ("real/astropy_checksum.fits", 0),      # int16
    ("real/astropy_complex_mef.fits", 1),   # float32, 4 axes
    ("real/astropy_complex_mef.fits", 5),   # uint8, 1 axis: not an image for cutouts
    ("real/astropy_dist_lookup.fits.gz", 2),  # float32 1 x 4096, gzip
    ("real/astropy_dss.fits.gz", 0),        # int16, gzip
    ("real/astropy_fixed-1890.fits", 0),    # uint16
    ("real/astropy_scale.fits", 0),         # int16 with BSCALE/BZERO
    ("real/astropy_test0.fits", 1),         # int16 extension
    ("real/eso_isaac_1024.fits", 0),        # float32 1024 x 1024
    ("real/fv_datacube.fits", 0),           # int16 cube
    ("real/fv_ngc1316o.fits", 0),           # int16
    ("real/pdl_m51.fits", 0),               # int32
    ("real/skimage_multi.fits", 2),         # uint16
    ("derived/astropy_uint64_bzero.fits", 0),  # uint64, 1 axis
    ("derived/cfitsio_int8_bzero.fits", 0),    # int8
    ("derived/cfitsio_uint32_bzero.fits", 0),  # uint32
]


def generate(folder):
    """Small images of every BITPIX and scaling convention, written by astropy."""
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(20261125)
    shape = (23, 37)
    out = []

    def write(name, data, **cards):
        hdu = fits.PrimaryHDU(data)
        for k, v in cards.items():
            hdu.header[k] = v
        path = os.path.join(folder, name)
        hdu.writeto(path, overwrite=True)
        out.append(path)

    write("u8.fits", rng.integers(0, 256, shape, dtype=np.uint8))
    write("i16.fits", rng.integers(-32768, 32768, shape, dtype=np.int16))
    write("i32.fits", rng.integers(-2**31, 2**31, shape, dtype=np.int32))
    write("i64.fits", rng.integers(-2**63, 2**63, shape, dtype=np.int64))
    f32 = rng.standard_normal(shape).astype(np.float32)
    f32[3, 4] = np.nan
    write("f32.fits", f32)
    f64 = rng.standard_normal(shape)
    f64[0, 0] = np.inf
    write("f64.fits", f64)
    write("u16.fits", rng.integers(0, 65536, shape, dtype=np.uint16))
    write("u32.fits", rng.integers(0, 2**32, shape, dtype=np.uint32))
    write("u64.fits", rng.integers(0, 2**64, shape, dtype=np.uint64))
    write("i8.fits", rng.integers(-128, 128, shape, dtype=np.int8))
    # scaled integers written as stored values plus the scaling cards
    i16 = rng.integers(-32768, 32768, shape, dtype=np.int16)
    i16[5, 6] = -32768
    hdu = fits.PrimaryHDU(i16, do_not_scale_image_data=True)
    hdu.header["BSCALE"] = 0.25  # exact in float32, so astropy's float32 arithmetic agrees
    hdu.header["BZERO"] = 1500.0
    hdu.header["BLANK"] = -32768
    hdu.writeto(os.path.join(folder, "i16_scaled_blank.fits"), overwrite=True)
    out.append(os.path.join(folder, "i16_scaled_blank.fits"))
    i32 = rng.integers(-2**31, 2**31, shape, dtype=np.int32)
    i32[1, 2] = 7
    hdu = fits.PrimaryHDU(i32, do_not_scale_image_data=True)
    hdu.header["BSCALE"] = 2.5
    hdu.header["BZERO"] = -3.0
    hdu.header["BLANK"] = 7
    hdu.writeto(os.path.join(folder, "i32_scaled_blank.fits"), overwrite=True)
    out.append(os.path.join(folder, "i32_scaled_blank.fits"))
    u8 = rng.integers(0, 256, shape, dtype=np.uint8)
    hdu = fits.PrimaryHDU(u8, do_not_scale_image_data=True)
    hdu.header["BSCALE"] = 0.5
    hdu.header["BZERO"] = 10.0
    hdu.writeto(os.path.join(folder, "u8_scaled.fits"), overwrite=True)
    out.append(os.path.join(folder, "u8_scaled.fits"))
    write("cube_f64.fits", rng.standard_normal((6, 9, 11)))
    # larger images: reads in several bands and several converting threads
    write("big_f32.fits", rng.standard_normal((1100, 1500)).astype(np.float32))
    write("big_u16.fits", rng.integers(0, 65536, (900, 1200), dtype=np.uint16))
    return out


def boxes_for(rows, cols, rng, big):
    """Boxes inside, on corners and edges, partly and wholly outside, and (small images) larger than it."""
    w = max(1, min(7, cols // 2))
    h = max(1, min(5, rows // 2))
    boxes = [
        (0, 0, w, h), (cols - w, rows - h, w, h), (cols - w, 0, w, h), (0, rows - h, w, h),
        (-2, -3, w, h), (cols - 2, rows - 1, w, h), (cols // 2, -1, w, h), (-w + 1, rows // 2, w, h),
        (cols + 5, 0, w, h), (-10 - w, -10 - h, w, h), (0, rows, w, h),
        (cols - 1, rows - 1, 1, 1),
    ]
    if not big:
        boxes += [(-1, -1, cols + 2, rows + 2), (0, 0, cols, rows)]
    for _ in range(6):
        bw = int(rng.integers(1, max(2, cols // 2 + 1)))
        bh = int(rng.integers(1, max(2, rows // 2 + 1)))
        boxes.append((int(rng.integers(-bw, cols + 1)), int(rng.integers(-bh, rows + 1)), bw, bh))
    return boxes


def uniform_boxes(rows, cols, rng, n, size):
    """n boxes of one size, anywhere from partly off the left/bottom to partly off the right/top."""
    return [(int(rng.integers(-size // 2, cols - size // 2 + 1)), int(rng.integers(-size // 2, rows - size // 2 + 1)),
             size, size) for _ in range(n)]


def cut(data, box, fill, planes):
    x, y, w, h = box
    lead = data.shape[:-2]
    if planes is not None:
        lead = lead[:-1] + (planes[1],)
        data = data[..., planes[0]:planes[0] + planes[1], :, :]
    rows, cols = data.shape[-2:]
    out = np.full(lead + (h, w), fill, dtype=data.dtype)
    x0, x1 = max(x, 0), min(x + w, cols)
    y0, y1 = max(y, 0), min(y + h, rows)
    if x0 < x1 and y0 < y1:
        out[..., y0 - y:y1 - y, x0 - x:x1 - x] = data[..., y0:y1, x0:x1]
        flag = "INSIDE" if (x0, y0, x1, y1) == (x, y, x + w, y + h) else "PARTIAL"
    else:
        flag = "OUTSIDE"
    return out, flag


def largest_fill(dtype):
    """The type's largest value, or for 64-bit types a large one that a double holds exactly."""
    if dtype.itemsize < 8:
        return int(np.iinfo(dtype).max)
    return 2**62 if dtype.kind == "i" else 2**63 + 2**62


def reference_arrays(path, index):
    """(scaled reference, raw) arrays of one HDU."""
    with fits.open(path) as h:
        header = h[index].header.copy()
    with fits.open(path, do_not_scale_image_data=True) as h:
        raw = np.array(h[index].data)
    with fits.open(path) as h:
        scaled_astropy = np.array(h[index].data)
    reference = scaled_reference(raw, header, scaled_astropy.dtype.newbyteorder("="))
    assert_close_to_astropy(reference, scaled_astropy, header, f"{path}[{index}]")
    return reference, raw.astype(raw.dtype.newbyteorder("="))


def main(argv):
    data_dir, out_dir = argv[1], argv[2]
    rng = np.random.default_rng(1125)
    files = [(os.path.join(data_dir, f), i, f) for f, i in REAL]
    files += [(p, 0, "gen/" + os.path.basename(p)) for p in generate(os.path.join(out_dir, "gen"))]
    cases = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path, index, key in files:
            scaled, raw = reference_arrays(path, index)
            if scaled.ndim < 2:
                cases.append({"file": path, "key": key, "hdu": index, "error": "axes"})
                continue
            rows, cols = scaled.shape[-2:]
            variants = [("scaled", None, None)]
            if raw.dtype != scaled.dtype or not np.array_equal(raw, scaled, equal_nan=True):
                variants.append(("raw", None, None))
            if scaled.dtype.kind in "iu":
                variants.append(("scaled", largest_fill(scaled.dtype), None))
            if raw.dtype.kind in "iu" and raw.dtype != scaled.dtype:
                variants.append(("raw", int(np.iinfo(raw.dtype).min), None))
            big = rows * cols > 500_000
            if scaled.dtype.kind == "f" and not big:
                variants.append(("scaled", -1.5, None))
            if scaled.ndim >= 3 and scaled.shape[-3] > 2:
                variants.append(("scaled", None, (1, scaled.shape[-3] - 2)))
            for mode, fill, planes in variants:
                data = raw if mode == "raw" else scaled
                fill_value = fill if fill is not None else (np.nan if data.dtype.kind == "f" else 0)
                batches = {"mixed": boxes_for(rows, cols, rng, big)}
                batches["uniform"] = uniform_boxes(rows, cols, rng, 300 if big else 40, 32 if big else 4)
                if big:
                    # rows shared by many boxes: one band must serve several boxes at once
                    batches["overlapping"] = [(int(x), 500 + int(x) % 40, 33, 21) for x in range(0, cols - 20, 3)]
                for batch, boxes in batches.items():
                    name = "%03d-%s.npy" % (len(cases), batch)
                    cutouts, flags, shapes = [], [], []
                    for box in boxes:
                        out, flag = cut(data, box, fill_value, planes)
                        cutouts.append(out.ravel())
                        flags.append(flag)
                        shapes.append(list(out.shape))
                    # every cutout of the batch, raveled and concatenated in box order
                    np.save(os.path.join(out_dir, name), little_endian(np.concatenate(cutouts)))
                    cases.append({"file": path, "key": key, "hdu": index, "raw": mode == "raw", "fill": fill,
                                  "planes": planes, "batch": batch, "boxes": [list(b) for b in boxes],
                                  "npy": name, "shapes": shapes, "flags": flags, "dtype": data.dtype.name})
    with open(os.path.join(out_dir, "cases.json"), "w") as f:
        json.dump({"cases": cases}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv)
