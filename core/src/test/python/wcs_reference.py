#!/usr/bin/python3
"""Writes astropy.wcs (WCSLIB) transforms of celestial WCS headers, for org.jfits.wcs.WcsParityTest.

Usage: wcs_reference.py FITS_DATA_DIR OUTPUT_DIR

Two sets of headers:

  * every HDU of every file under FITS_DATA_DIR/real and FITS_DATA_DIR/derived whose header has a
    CTYPE keyword;
  * generated headers, one or more per projection (oblique ones, non-default LONPOLE/LATPOLE, PV
    parameters, CROTA2, CUNIT, swapped axes, alternate letters, a cube, SIP with and without AP/BP,
    TPV), written as small FITS files into OUTPUT_DIR/generated/.

For each it writes a case into OUTPUT_DIR/cases.txt, one "key values..." line each:

  case NAME / file PATH / hdu N / alt A (or _ for the primary WCS) / expect ok|unsupported|keyword
  pix_x, pix_y: 0-based pixel positions on a grid covering the image, plus random ones;
  lon0, lat0: astropy's all_pix2world(pix_x, pix_y, 0) on the celestial axes;
  lon1, lat1: astropy's all_pix2world(pix_x, pix_y, 1) (the same numbers read as 1-based);
  sky_lon, sky_lat: world positions (astropy's world of a coarser grid), and
  sky_x, sky_y: astropy's all_world2pix(sky_lon, sky_lat, 0) with tolerance 1e-12;
  far_lon, far_lat, far_x, far_y (headers without distortion): random positions over the whole
  sphere, and astropy's wcs_world2pix of them, NaN where WCSLIB rejects.

"expect" says what the header holds, judged from the header alone: "unsupported" for lookup-table
distortions (CPDIS/D2IM, read from other HDUs) and celestial axes without a projection code;
"keyword" for headers with a CTYPE but no celestial pair; "invalid" for generated headers WCSLIB
refuses (no native pole satisfies CRVAL and LONPOLE). NaN marks points WCSLIB rejects.
Nothing here is computed by jfits.
"""

import math
import os
import sys
import warnings

import numpy as np
from astropy.io import fits
from astropy import wcs as astropy_wcs

warnings.simplefilter("ignore")
RNG = np.random.default_rng(20261125)


def fmt(values):
    return " ".join("NaN" if not math.isfinite(v) else repr(float(v)) for v in values)


def celestial_of(header, fobj, key):
    try:
        w = astropy_wcs.WCS(header, fobj, key=key)
    except Exception:
        w = astropy_wcs.WCS(header, fobj, key=key, naxis=2)
    return w


def sizes(header, w):
    """NAXIS of the two celestial pixel axes (ZNAXIS for tile-compressed HDUs), at least 16."""
    axes = sorted([w.wcs.lng, w.wcs.lat])
    out = []
    for a in axes:
        n = header.get("ZNAXIS%d" % (a + 1), header.get("NAXIS%d" % (a + 1), 0)) or 0
        out.append(max(int(n), 16))
    return out


def pixel_points(nx, ny):
    gx, gy = np.meshgrid(np.linspace(-0.5, nx - 0.5, 13), np.linspace(-0.5, ny - 0.5, 13))
    rx = RNG.uniform(-0.5, nx - 0.5, 40)
    ry = RNG.uniform(-0.5, ny - 0.5, 40)
    return np.concatenate([gx.ravel(), rx]), np.concatenate([gy.ravel(), ry])


def transforms(w, nx, ny, header):
    """astropy's transforms of w (two celestial axes), in (longitude, latitude) order whatever the
    order of the axes in the header."""
    lng, lat = w.wcs.lng, w.wcs.lat

    def to_world(x, y, origin):
        world = w.all_pix2world(x, y, origin)
        return world[lng], world[lat]

    x, y = pixel_points(nx, ny)
    lon0, lat0 = to_world(x, y, 0)
    lon1, lat1 = to_world(x, y, 1)
    gx, gy = np.meshgrid(np.linspace(0, nx - 1, 7), np.linspace(0, ny - 1, 7))
    slon, slat = to_world(gx.ravel(), gy.ravel(), 0)
    keep = np.isfinite(slon) & np.isfinite(slat)
    slon, slat = slon[keep], slat[keep]
    world = [None, None]
    world[lng], world[lat] = slon, slat
    sx, sy = w.all_world2pix(world[0], world[1], 0, tolerance=1e-12, maxiter=200)
    out = dict(pix_x=x, pix_y=y, lon0=lon0, lat0=lat0, lon1=lon1, lat1=lat1,
               sky_lon=slon, sky_lat=slat, sky_x=sx, sky_y=sy)
    if not w.has_distortion and not is_tpv(header):
        out.update(far_points(w))
    return out


def is_tpv(header):
    """WCSLIB turns TPV into TAN with a distortion astropy's has_distortion does not count. Far
    outside the region it was fitted on, the TPV polynomial's inverse is ill-posed."""
    return any(str(header[k]).endswith("TPV") for k in header.keys() if k.startswith("CTYPE"))


def far_points(w):
    """Random sky positions all over the sphere, with WCSLIB's pixels for them: NaN where a
    projection cannot show them (TAN's far hemisphere...). Not the antipode of the reference point
    or the seam, where the pixel is not unique."""
    lng, lat = w.wcs.lng, w.wcs.lat
    n = 80
    flon = RNG.uniform(0, 360, n)
    flat = np.degrees(np.arcsin(RNG.uniform(-1, 1, n)))
    world = [None, None]
    world[lng], world[lat] = flon, flat
    fx, fy = w.wcs_world2pix(world[0], world[1], 0)
    return dict(far_lon=flon, far_lat=flat, far_x=fx, far_y=fy)


def write_case(out, name, path, hdu, alt, expect, data=None):
    out.write("case %s\nfile %s\nhdu %d\nalt %s\nexpect %s\n" % (name, path, hdu, alt.strip() or "_", expect))
    for key, values in (data or {}).items():
        out.write("%s %s\n" % (key, fmt(values)))
    out.write("end\n")


def real_cases(data_dir, out):
    for folder in ("real", "derived"):
        for name in sorted(os.listdir(os.path.join(data_dir, folder))):
            path = os.path.join(data_dir, folder, name)
            try:
                hdul = fits.open(path)
            except Exception:
                continue
            with hdul:
                for index, hdu in enumerate(hdul):
                    header = hdu.header
                    if not any(k.startswith("CTYPE") for k in header.keys()):
                        continue
                    case = "%s/%s[%d]" % (folder, name, index)
                    real_case(out, case, folder + "/" + name, index, header, hdul)


def real_case(out, case, path, index, header, hdul):
    ctypes = [str(header[k]) for k in header.keys() if k.startswith("CTYPE") and len(k) <= 6]
    if any(c.startswith(p) for c in ctypes for p in ("RA", "DEC", "GLON", "GLAT", "ELON", "ELAT")) and \
            not any(len(c) >= 8 and c[4] == "-" and (c.startswith("RA") or c.startswith("DEC")) for c in ctypes):
        write_case(out, case, path, index, " ", "unsupported")
        return
    w = celestial_of(header, hdul, " ")
    if not w.has_celestial:
        write_case(out, case, path, index, " ", "keyword")
        return
    if any(k.startswith("CPDIS") or k.startswith("D2IMDIS") for k in header.keys()):
        write_case(out, case, path, index, " ", "unsupported")
        return
    cel = w if w.naxis == 2 else w.celestial
    nx, ny = sizes(header, w)
    write_case(out, case, path, index, " ", "ok", transforms(cel, nx, ny, header))


def base(ctype1, ctype2, crval, cdelt, n=64, crpix=None, **extra):
    h = fits.Header()
    h["CTYPE1"], h["CTYPE2"] = ctype1, ctype2
    h["CRVAL1"], h["CRVAL2"] = crval
    h["CDELT1"], h["CDELT2"] = cdelt
    h["CRPIX1"], h["CRPIX2"] = crpix if crpix else ((n + 1) / 2.0, (n + 1) / 2.0)
    for k, v in extra.items():
        h[k.replace("__", "-")] = v
    return h


def generated():
    """(name, header, image shape in numpy order, alt) of each generated case."""
    sky = 360.0 / 72
    cases = [
        ("TAN", base("RA---TAN", "DEC--TAN", (150.1, 2.2), (-0.01, 0.01)), None),
        ("TAN_CD_rotated", base("RA---TAN", "DEC--TAN", (10.0, -45.0), (1, 1), CD1_1=-2e-3, CD1_2=1e-3,
                                CD2_1=1.2e-3, CD2_2=1.9e-3), None),
        ("TAN_near_pole", base("RA---TAN", "DEC--TAN", (33.0, 89.5), (-0.05, 0.05)), None),
        ("TAN_LONPOLE_150", base("RA---TAN", "DEC--TAN", (220.0, 35.0), (-0.02, 0.02), LONPOLE=150.0), None),
        ("TAN_PC_CROTA2", base("RA---TAN", "DEC--TAN", (83.6, 22.0), (-0.003, 0.003), CROTA2=25.0), None),
        ("TAN_PC", base("RA---TAN", "DEC--TAN", (300.0, -10.0), (-0.004, 0.005), PC1_1=0.9, PC1_2=-0.3,
                        PC2_1=0.25, PC2_2=0.95), None),
        ("TAN_arcsec", base("RA---TAN", "DEC--TAN", (45.0, 30.0), (-36.0, 36.0), CUNIT1="arcsec",
                            CUNIT2="arcsec"), None),
        ("TAN_swapped_axes", base("DEC--TAN", "RA---TAN", (-20.0, 120.0), (0.01, -0.01)), None),
        ("SIN", base("RA---SIN", "DEC--SIN", (201.0, -43.0), (-0.5, 0.5)), None),
        ("SIN_slant", base("RA---SIN", "DEC--SIN", (201.0, -43.0), (-0.4, 0.4), PV2_1=0.2, PV2_2=-0.3), None),
        ("NCP", base("RA---NCP", "DEC--NCP", (50.0, 60.0), (-0.3, 0.3)), None),
        ("ARC", base("RA---ARC", "DEC--ARC", (266.4, -28.9), (-2.0, 2.0)), None),
        ("ZEA", base("RA---ZEA", "DEC--ZEA", (0.0, 90.0), (-2.5, 2.5)), None),
        ("STG", base("RA---STG", "DEC--STG", (120.0, 10.0), (-1.5, 1.5)), None),
        ("AZP", base("RA---AZP", "DEC--AZP", (280.0, -66.0), (-0.8, 0.8), PV2_1=2.0, PV2_2=30.0), None),
        ("AZP_mu_half", base("RA---AZP", "DEC--AZP", (10.0, 40.0), (-1.0, 1.0), PV2_1=0.5), None),
        ("AZP_tilted_inside", base("RA---AZP", "DEC--AZP", (150.0, -20.0), (-1.0, 1.0), PV2_1=0.6,
                                   PV2_2=25.0), None),
        ("ZPN_turning_point", base("RA---ZPN", "DEC--ZPN", (75.0, 60.0), (-1.2, 1.2), PV2_1=1.0,
                                   PV2_3=-0.5), None),
        ("STG_south_pole", base("RA---STG", "DEC--STG", (0.0, -90.0), (-2.0, 2.0)), None),
        ("MER_oblique", base("RA---MER", "DEC--MER", (120.0, 40.0), (-1.0, 1.0)), None),
        ("CEA_oblique_LONPOLE", base("RA---CEA", "DEC--CEA", (300.0, -35.0), (-1.0, 1.0), PV2_1=1.0,
                                     LONPOLE=150.0), None),
        ("CEA_impossible_LONPOLE", base("RA---CEA", "DEC--CEA", (300.0, -35.0), (-1.0, 1.0),
                                        LONPOLE=30.0), None),
        ("SFL_oblique", base("RA---SFL", "DEC--SFL", (20.0, 50.0), (-1.0, 1.0)), None),
        ("HPX_oblique", base("RA---HPX", "DEC--HPX", (45.0, 30.0), (-2.0, 2.0)), None),
        ("ZPN", base("RA---ZPN", "DEC--ZPN", (5.0, 25.0), (-1.5, 1.5), PV2_0=0.0, PV2_1=1.0, PV2_2=0.0,
                     PV2_3=-0.05, PV2_5=0.002), None),
        ("CAR", base("RA---CAR", "DEC--CAR", (0.0, 0.0), (-sky, sky / 2), n=72), None),
        ("CAR_oblique", base("RA---CAR", "DEC--CAR", (40.0, 30.0), (-0.5, 0.5), LATPOLE=-20.0), None),
        ("MER", base("RA---MER", "DEC--MER", (0.0, 0.0), (-sky, sky / 2), n=72), None),
        ("CEA", base("RA---CEA", "DEC--CEA", (0.0, 0.0), (-sky, sky / 3), n=72, PV2_1=0.7), None),
        ("CYP", base("RA---CYP", "DEC--CYP", (0.0, 0.0), (-sky, sky / 2), n=72, PV2_1=2.0, PV2_2=0.7), None),
        ("SFL", base("RA---SFL", "DEC--SFL", (0.0, 0.0), (-sky, sky / 2), n=72), None),
        ("GLS", base("RA---GLS", "DEC--GLS", (30.0, 0.0), (-0.5, 0.5)), None),
        ("PAR", base("RA---PAR", "DEC--PAR", (0.0, 0.0), (-sky, sky / 2), n=72), None),
        ("MOL", base("RA---MOL", "DEC--MOL", (0.0, 0.0), (-sky, sky / 2), n=72), None),
        ("AIT", base("RA---AIT", "DEC--AIT", (0.0, 0.0), (-sky, sky / 2), n=72), None),
        ("AIT_galactic_oblique", base("GLON-AIT", "GLAT-AIT", (60.0, 20.0), (-1.0, 1.0)), None),
        ("COP", base("RA---COP", "DEC--COP", (30.0, 45.0), (-1.5, 1.5), PV2_1=45.0, PV2_2=10.0), None),
        ("COE_south", base("RA---COE", "DEC--COE", (200.0, -30.0), (-2.0, 2.0), PV2_1=-30.0, PV2_2=15.0),
         None),
        ("COD", base("RA---COD", "DEC--COD", (100.0, 60.0), (-2.0, 2.0), PV2_1=60.0, PV2_2=20.0), None),
        ("COD_tangent", base("RA---COD", "DEC--COD", (100.0, 60.0), (-2.0, 2.0), PV2_1=60.0), None),
        ("COO", base("RA---COO", "DEC--COO", (250.0, 45.0), (-1.5, 1.5), PV2_1=45.0, PV2_2=10.0), None),
        ("COE_whole_sky", base("RA---COE", "DEC--COE", (0.0, 40.0), (-sky, sky), n=72, PV2_1=40.0,
                               PV2_2=20.0), None),
        ("HPX", base("RA---HPX", "DEC--HPX", (0.0, 0.0), (-sky, sky), n=72), None),
        ("HPX_H6_K5", base("RA---HPX", "DEC--HPX", (0.0, 0.0), (-sky, sky), n=72, PV2_1=6, PV2_2=5), None),
        ("ELON_ZEA", base("ELON-ZEA", "ELAT-ZEA", (100.0, -30.0), (-1.0, 1.0), LONPOLE=170.0), None),
    ]
    alt = base("RA---TAN", "DEC--TAN", (1.0, 2.0), (1.0, 1.0))
    for k, v in base("RA---ARC", "DEC--ARC", (210.0, 54.0), (-0.2, 0.2)).items():
        alt[k + "A"] = v
    cases.append(("alternate_A", alt, "A"))
    sip = base("RA---TAN-SIP", "DEC--TAN-SIP", (150.0, 2.0), (1, 1), n=256, CD1_1=-1.5e-4, CD1_2=1e-6,
               CD2_1=2e-6, CD2_2=1.5e-4, A_ORDER=3, B_ORDER=3, A_2_0=2.5e-6, A_1_1=-1.2e-6, A_0_2=8e-7,
               A_3_0=1.5e-9, A_1_2=-6e-10, B_2_0=-9e-7, B_1_1=2.2e-6, B_0_2=1.1e-6, B_0_3=-1e-9,
               B_2_1=7e-10)
    cases.append(("SIP", sip, None))
    sip_inverse = sip.copy()
    fit = astropy_wcs.WCS(sip)
    for k, v in fit_inverse_sip(fit, 256).items():
        sip_inverse[k] = v
    cases.append(("SIP_with_AP_BP", sip_inverse, None))
    tpv = base("RA---TPV", "DEC--TPV", (35.0, -4.5), (1, 1), n=128, CD1_1=-7e-5, CD1_2=0.0, CD2_1=0.0,
               CD2_2=7e-5, PV1_0=1e-5, PV1_1=1.001, PV1_2=2e-4, PV1_4=-3e-3, PV1_5=1e-3, PV1_7=4e-2,
               PV1_11=-2e-2, PV2_0=-2e-5, PV2_1=0.999, PV2_2=-3e-4, PV2_4=2e-3, PV2_6=-1e-3,
               PV2_10=3e-2)
    cases.append(("TPV", tpv, None))
    cube = fits.Header()
    for k, v in (("CTYPE1", "RA---SIN"), ("CTYPE2", "DEC--SIN"), ("CTYPE3", "FREQ"),
                 ("CRVAL1", 83.8), ("CRVAL2", -5.4), ("CRVAL3", 1.4e9), ("CDELT1", -0.01),
                 ("CDELT2", 0.01), ("CDELT3", 1e6), ("CRPIX1", 20.0), ("CRPIX2", 30.0), ("CRPIX3", 1.0),
                 ("CUNIT3", "Hz")):
        cube[k] = v
    cases.append(("cube_RA_DEC_FREQ", cube, None))
    return cases


def fit_inverse_sip(w, n):
    """AP/BP of order 4 fitted by least squares to the forward SIP on a grid: a fitted inverse,
    as pipelines write one, deliberately not exact."""
    u, v = np.meshgrid(np.linspace(-n / 2, n / 2, 40), np.linspace(-n / 2, n / 2, 40))
    u, v = u.ravel(), v.ravel()
    fu = u + poly(w.sip.a, u, v)
    fv = v + poly(w.sip.b, u, v)
    terms = [(p, q) for p in range(5) for q in range(5) if p + q <= 4]
    m = np.stack([fu ** p * fv ** q for p, q in terms], axis=1)
    cu = np.linalg.lstsq(m, u - fu, rcond=None)[0]
    cv = np.linalg.lstsq(m, v - fv, rcond=None)[0]
    out = {"AP_ORDER": 4, "BP_ORDER": 4}
    for (p, q), a, b in zip(terms, cu, cv):
        out["AP_%d_%d" % (p, q)] = float(a)
        out["BP_%d_%d" % (p, q)] = float(b)
    return out


def poly(c, u, v):
    total = np.zeros_like(u)
    for p in range(c.shape[0]):
        for q in range(c.shape[1]):
            if c[p, q] != 0:
                total += c[p, q] * u ** p * v ** q
    return total


def generated_cases(out_dir, out):
    folder = os.path.join(out_dir, "generated")
    os.makedirs(folder, exist_ok=True)
    for name, header, alt in generated():
        key = alt or " "
        naxis = 3 if "CTYPE3" in header else 2
        n1 = 40 if naxis == 3 else int(round(2 * header.get("CRPIX1" + key.strip(), 32) - 1)) or 64
        n2 = 50 if naxis == 3 else int(round(2 * header.get("CRPIX2" + key.strip(), 32) - 1)) or 64
        n1, n2 = max(n1, 16), max(n2, 16)
        shape = (3, n2, n1) if naxis == 3 else (n2, n1)
        hdu = fits.PrimaryHDU(np.zeros(shape, dtype=np.float32))
        for k, v in header.items():
            hdu.header[k] = v
        path = os.path.join(folder, name + ".fits")
        hdu.writeto(path, overwrite=True)
        try:
            w = astropy_wcs.WCS(fits.getheader(path), key=key)
        except astropy_wcs.InvalidTransformError:
            write_case(out, "generated/" + name, path, 0, key, "invalid")
            continue
        cel = w if naxis == 2 else w.celestial
        write_case(out, "generated/" + name, path, 0, key, "ok", transforms(cel, n1, n2, header))


def main():
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "cases.txt"), "w") as out:
        real_cases(data_dir, out)
        generated_cases(out_dir, out)


if __name__ == "__main__":
    main()
