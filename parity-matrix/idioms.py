# The one list of idioms of the parity matrix. make_notebook.py turns it into parity.ipynb and
# PARITY.md; answers.py evaluates its astropy and fitsio expressions. Each section has Python set-up
# code (run by answers.py before the section's expressions), Java set-up code (a notebook cell) and
# idioms: I(id, astropy, fitsio, jfits, tol). `tol` is the largest absolute difference allowed for
# numbers (0: exact); arrays are compared element by element with the same tolerance, after their
# shape and dtype. Sections of phase "read" are answered by `answers.py read` (samples and the files
# answers.py writes with astropy); "written" sections read the files the notebook wrote with jfits
# (`answers.py written`).


class I:
    def __init__(self, id, astropy, fitsio, jfits, tol=0.0):
        self.id, self.astropy, self.fitsio, self.jfits, self.tol = id, astropy, fitsio, jfits, tol


class Section:
    def __init__(self, key, title, text, phase, py, java, idioms, magics=()):
        self.key, self.title, self.text, self.phase = key, title, text, phase
        self.py, self.java, self.idioms = py.strip(), java.strip(), idioms
        self.magics = list(magics)  # notebook magics, one cell each, run before the Java set-up


# Names the Python set-up of every section sees: fits, fitsio, np, Table, WCS, Cutout2D, SkyCoord,
# u, proj_plane_pixel_scales, S(name) (a sample), W(name) (the work folder), fitsinfo_lines(path),
# fitsheader_lines(ARGS...) (answers.py).
# The Java cells see S(name) and W(name) too, plus the helpers of the first cell.

SECTIONS = []


def section(*args, **kwargs):
    SECTIONS.append(Section(*args, **kwargs))


section("open", "Open a file and list its HDUs",
        "`Fits.open` reads headers only; `hdu(i)`, `hdu(NAME)` and `hdu(NAME, VER)` are `hdul[i]`, "
        "`hdul[NAME]`, `hdul[NAME, VER]`; `summaries()` are the rows of `hdul.info()`.",
        "read",
        py="""
t0, rosat, dss, cubeh = fits.open(S('astropy_test0.fits')), fits.open(S('fv_rosat_evt.fits')), fits.open(S('astropy_dss.fits.gz')), fits.open(S('fv_datacube.fits'))
ft0, frosat = fitsio.FITS(S('astropy_test0.fits')), fitsio.FITS(S('fv_rosat_evt.fits'))
""",
        java="""
FitsFile t0 = Fits.open(S("astropy_test0.fits"));
FitsFile rosat = Fits.open(S("fv_rosat_evt.fits"));
FitsFile dss = Fits.open(S("astropy_dss.fits.gz"));
FitsFile cubeh = Fits.open(S("fv_datacube.fits"));
FitsFile ngc = Fits.open(S("fv_ngc1316o.fits"));
""",
        idioms=[
            I("open.len", "len(t0)", "len(ft0)", "t0.size()"),
            I("open.filename", "t0.filename()", None, "t0.name()"),
            I("open.index_of", "t0.index_of(('SCI', 2))", None, 't0.hdu("SCI", 2).index()'),
            I("open.names", "[h.name for h in rosat]", None, "rosat.hdus().stream().map(Hdu::name).toList()"),
            I("open.extver", "t0[3].ver", "ft0[3].get_extver()", "t0.hdu(3).version()"),
            I("open.types", "[type(h).__name__ for h in rosat]", None, "rosat.summaries().stream().map(HduSummary::type).toList()"),
            I("open.cards", "[r[4] for r in t0.info(output=False)]", None, "t0.summaries().stream().map(HduSummary::cards).toList()"),
            I("open.dims", "[str(r[5]) for r in rosat.info(output=False)]", None, "rosat.summaries().stream().map(HduSummary::dimensions).toList()"),
            I("open.formats", "[r[6] for r in rosat.info(output=False)]", None, "rosat.summaries().stream().map(HduSummary::format).toList()"),
            I("open.gz_len", "len(dss)", "len(fitsio.FITS(S('astropy_dss.fits.gz')))", "dss.size()"),
            I("open.gz_name", "dss[1].name", None, "dss.hdu(1).name()"),
            I("open.shape", "t0[1].shape", "ft0[1].get_dims()", "t0.hdu(1).shape()"),
            I("open.cube_shape", "cubeh[0].shape", "fitsio.FITS(S('fv_datacube.fits'))[0].get_dims()", "cubeh.hdu(0).shape()"),
            I("open.by_name", "rosat['EVENTS'].header['NAXIS2']", "frosat['EVENTS'].get_nrows()", 'rosat.hdu("EVENTS").header().getLong("NAXIS2")'),
            I("open.bitpix", "[h.header['BITPIX'] for h in dss]", None, "dss.hdus().stream().map(Hdu::bitpix).toList()"),
            I("open.has_data", "[h.size > 0 for h in t0]", None, "t0.hdus().stream().map(Hdu::hasData).toList()"),
            I("open.header_offsets", "[h.fileinfo()['hdrLoc'] for h in rosat]", None, "rosat.hdus().stream().map(Hdu::headerOffset).toList()"),
            I("open.data_offsets", "[h.fileinfo()['datLoc'] for h in rosat]", None, "rosat.hdus().stream().map(Hdu::dataOffset).toList()"),
        ])

section("header", "Headers and cards",
        "`Header` keeps every card in order with typed getters; `card(KEY)` gives value, comment and "
        "the 80-character image.",
        "read",
        py="""
hdr, h0 = fits.getheader(S('fv_ngc1316o.fits')), fits.getheader(S('astropy_test0.fits'))
fhdr = fitsio.read_header(S('fv_ngc1316o.fits'))
""",
        java="""
Header hdr = ngc.hdu(0).header();
Header h0 = t0.hdu(0).header();
""",
        idioms=[
            I("hdr.string", "hdr['OBJECT']", "fhdr['OBJECT']", 'hdr.getString("OBJECT")'),
            I("hdr.float", "hdr['EQUINOX']", "fhdr['EQUINOX']", 'hdr.getDouble("EQUINOX")'),
            I("hdr.int", "hdr['NAXIS1']", "fhdr['NAXIS1']", 'hdr.getInt("NAXIS1")'),
            I("hdr.bool", "hdr['SIMPLE']", "fhdr['SIMPLE']", 'hdr.getBoolean("SIMPLE")'),
            I("hdr.comment", "hdr.comments['EQUINOX']", "fhdr.get_comment('EQUINOX')", 'hdr.card("EQUINOX").orElseThrow().comment()'),
            I("hdr.contains", "'EXPTIME' in hdr", "'EXPTIME' in fhdr", 'hdr.containsKey("EXPTIME")'),
            I("hdr.get_default", "hdr.get('EXPTIME', -1.0)", None, 'hdr.getDouble("EXPTIME", -1.0)'),
            I("hdr.len", "len(hdr)", None, "hdr.size()"),
            I("hdr.history_len", "len(hdr['HISTORY'])", None, "hdr.history().size()"),
            I("hdr.history_first", "hdr['HISTORY'][0]", None, "hdr.history().get(0)"),
            I("hdr.comment_cards", "list(hdr['COMMENT'])", None, "hdr.comments()"),
            I("hdr.card_image", "hdr.cards['CRVAL1'].image", None, 'hdr.card("CRVAL1").orElseThrow().image()'),
            I("hdr.keys", "list(hdr.keys())", None, "hdr.cards().stream().map(Card::keyword).toList()"),
            I("hdr.values", "[c.value for c in hdr.cards if c.keyword not in ('COMMENT', 'HISTORY', '')]", None,
              "hdr.cards().stream().filter(c -> !c.isCommentary()).map(Card::value).toList()"),
            I("hdr.comments_all", "[c.comment for c in h0.cards if c.keyword not in ('COMMENT', 'HISTORY', '')]", None,
              "h0.cards().stream().filter(c -> !c.isCommentary()).map(Card::comment).toList()"),
            I("hdr.values_t0", "[c.value for c in h0.cards if c.keyword not in ('COMMENT', 'HISTORY', '')]", None,
              "h0.cards().stream().filter(c -> !c.isCommentary()).map(Card::value).toList()"),
            I("hdr.images", "[c.image for c in h0.cards]", None, "h0.cards().stream().map(Card::image).toList()"),
            I("hdr.text", "h0.tostring(sep='\\n', endcard=False, padding=False) + '\\n'", None, "h0.toText()"),
            I("hdr.wildcard", "list(hdr['NAXIS*'].keys())", None,
              'hdr.cards().stream().map(Card::keyword).filter(k -> k.startsWith("NAXIS")).toList()'),
            I("hdr.getval", "fits.getval(S('astropy_test0.fits'), 'EXPTIME')", "fitsio.read_header(S('astropy_test0.fits'))['EXPTIME']", 'h0.getDouble("EXPTIME")'),
            I("hdr.ext", "fits.getheader(S('astropy_test0.fits'), ('SCI', 3))['EXTVER']", None, 't0.hdu("SCI", 3).header().getInt("EXTVER")'),
            I("hdr.table_header", "fits.getheader(S('fv_rosat_evt.fits'), 'EVENTS')['TTYPE5']", "frosat['EVENTS'].read_header()['TTYPE5']", 'rosat.hdu("EVENTS").header().getString("TTYPE5")'),
        ])

section("image", "Image data: shape, dtype, values",
        "`Fits.read(path)` is `fits.getdata(path)`; `hdu.image().read()` reads any image HDU into an "
        "`INDArray` in numpy's axis order and astropy's dtype. Arrays are checked for shape, dtype "
        "and every element.",
        "read",
        py="""
data, cubed, dssd = fits.getdata(S('fv_ngc1316o.fits')), fits.getdata(S('fv_datacube.fits')), fits.getdata(S('astropy_dss.fits.gz'))
""",
        java="""
INDArray data = Fits.read(Path.of(S("fv_ngc1316o.fits")));
INDArray cubed = cubeh.hdu(0).image().read();
INDArray dssd = dss.hdu(0).image().read();
""",
        idioms=[
            I("img.ngc", "data", "fitsio.read(S('fv_ngc1316o.fits'))", "data"),
            I("img.dtype", "data.dtype.name", None, "dtype(data)"),
            I("img.pixel", "data[150, 220]", None, "data.getInt(150, 220)"),
            I("img.sum", "data.sum(dtype=np.int64)", None, "data.castTo(DataType.INT64).sumNumber().longValue()"),
            I("img.minmax", "[data.min(), data.max()]", None, "List.of(data.minNumber(), data.maxNumber())"),
            I("img.mean", "data.mean()", None, "data.castTo(DataType.DOUBLE).meanNumber().doubleValue()", 1e-9),
            I("img.cube", "cubed", "fitsio.read(S('fv_datacube.fits'))", "cubed"),
            I("img.cube_plane", "cubed[15]", None, "cubed.slice(15)"),
            I("img.gz", "dssd", "fitsio.read(S('astropy_dss.fits.gz'))", "dssd"),
            I("img.extver", "fits.getdata(S('astropy_test0.fits'), ('SCI', 2))", "fitsio.read(S('astropy_test0.fits'), ext=2)", 't0.hdu("SCI", 2).image().read()'),
            I("img.no_data", "t0[0].data is None", None, "!t0.hdu(0).hasData()"),
        ])

BITPIX = [("U8", "uint8"), ("I16", "int16"), ("I32", "int32"), ("I64", "int64"), ("F32", "float32 with NaN"),
          ("F64", "float64"), ("I8", "BITPIX 8, BZERO -128"), ("U16", "BITPIX 16, BZERO 32768"),
          ("U32", "BITPIX 32, BZERO 2^31"), ("U64", "BITPIX 64, BZERO 2^63"),
          ("S8", "BITPIX 8, BSCALE 2, BZERO -10, BLANK 255"), ("S16", "BITPIX 16, BSCALE 0.5, BZERO 100, BLANK -32768"),
          ("S32", "BITPIX 32, BSCALE 0.001, BZERO 5, BLANK -2147483648"), ("B16", "BITPIX 16, BLANK -1, no scaling")]

section("bitpix", "Every BITPIX, BSCALE/BZERO, BLANK and the unsigned conventions",
        "`answers.py` writes `bitpix.fits` (headers by astropy, stored integers by numpy): one "
        "extension per case. jfits must give astropy's dtype and values (BLANK → NaN when scaled); "
        "`image().raw()` is `do_not_scale_image_data=True`.",
        "read",
        py="""
bp = W('bitpix.fits')
""",
        java="""
FitsFile bpf = Fits.open(W("bitpix.fits"));
""",
        idioms=[I("bitpix." + e, f"fits.getdata(bp, '{e}')  # {what}",
                  f"fitsio.read(bp, ext='{e}')" if e in ("U8", "I16", "I32", "I64", "F32", "F64", "U16", "U32") else None,
                  f'bpf.hdu("{e}").image().read()') for e, what in BITPIX]
        + [I("bitpix.raw." + e, f"fits.getdata(bp, '{e}', do_not_scale_image_data=True)", None,
             f'bpf.hdu("{e}").image().raw().read()') for e in ("I8", "U16", "U32", "S8", "S16", "S32")])

section("sections", "Sections and cutouts",
        "`image().read(start, shape)` is `hdu.section[...]` (only those bytes are read); "
        "`Box.around(x, y, w, h)` chooses the box `Cutout2D(data, (x, y), (h, w))` chooses, "
        "`image().cutout(...)` pads off-image pixels (0 for integers, NaN for floats) as "
        "`mode='partial'`; `skyCutouts` is `Cutout2D` with a `SkyCoord`.",
        "read",
        py="""
data, bp = fits.getdata(S('fv_ngc1316o.fits')), W('bitpix.fits')
ngch, cubeh = fits.open(S('fv_ngc1316o.fits')), fits.open(S('fv_datacube.fits'))
""",
        java="""
INDArray around(Hdu h, double x, double y, int w, int ht) {
    Box b = Box.around(x, y, w, ht);
    return h.image().cutout(b.x(), b.y(), b.width(), b.height());
}
Box box = Box.around(220, 150, 61, 41);
""",
        idioms=[
            I("sec.2d", "ngch[0].section[100:200, 170:270]", "fitsio.FITS(S('fv_ngc1316o.fits'))[0][100:200, 170:270]",
              "ngc.hdu(0).image().read(new long[] {100, 170}, new long[] {100, 100})"),
            I("sec.cube", "cubeh[0].section[3:5, 10:20, 30:40]", "fitsio.FITS(S('fv_datacube.fits'))[0][3:5, 10:20, 30:40]",
              "cubeh.hdu(0).image().read(new long[] {3, 10, 30}, new long[] {2, 10, 10})"),
            I("sec.scaled", "fits.open(bp)['S16'].section[1:4, 2:6]", None,
              'bpf.hdu("S16").image().read(new long[] {1, 2}, new long[] {3, 4})'),
            I("sec.unsigned", "fits.open(bp)['U16'].section[2:5, 0:7]", "fitsio.FITS(bp)['U16'][2:5, 0:7]",
              'bpf.hdu("U16").image().read(new long[] {2, 0}, new long[] {3, 7})'),
            I("cut.bbox", "Cutout2D(data, (220, 150), (41, 61)).bbox_original", None,
              "List.of(List.of(box.y(), box.y() + box.height() - 1), List.of(box.x(), box.x() + box.width() - 1))"),
            I("cut.data", "Cutout2D(data, (220, 150), (41, 61)).data", None, "around(ngc.hdu(0), 220, 150, 61, 41)"),
            I("cut.half_pixel", "Cutout2D(data, (100.5, 80.2), (20, 30)).data", None, "around(ngc.hdu(0), 100.5, 80.2, 30, 20)"),
            I("cut.partial", "Cutout2D(data, (5, 5), (20, 20), mode='partial', fill_value=0).data", None,
              "around(ngc.hdu(0), 5, 5, 20, 20)"),
            I("cut.partial_nan", "Cutout2D(fits.getdata(bp, 'F32'), (0, 0), (4, 4), mode='partial').data", None,
              'around(bpf.hdu("F32"), 0, 0, 4, 4)'),
            I("cut.cube", "cubeh[0].data[:, 10:20, 30:45]", None, "cubeh.hdu(0).image().cutout(30, 10, 15, 10)"),
            I("cut.sky", "Cutout2D(data, SkyCoord(50.2, -37.4, unit='deg', frame='fk4', equinox='B1950'), 60 * u.arcsec, "
              "wcs=WCS(ngch[0].header), mode='partial').data[None]", None,
              "ngc.hdu(0).image().skyCutouts(new double[] {50.2}, new double[] {-37.4}, 30.0).array()"),
        ])

section("wcs", "WCS: pixel ↔ sky",
        "`hdu.wcs()` (`Wcs.from(header)`) converts arrays of points, 0-based as astropy's `*_values` "
        "methods, or 1-based with `Origin.ONE`. NGC 1316 is SIN in FK4 B1950; the DSS image has a "
        "plate solution; the cube's celestial axes are SIN.",
        "read",
        py="""
w, wd, wc = WCS(fits.getheader(S('fv_ngc1316o.fits'))), WCS(fits.getheader(S('astropy_dss.fits.gz'))), WCS(fits.getheader(S('fv_datacube.fits')), naxis=2)
""",
        java="""
Wcs w = ngc.hdu(0).wcs();
Wcs wd = dss.hdu(0).wcs();
Wcs wc = cubeh.hdu(0).wcs();
INDArray p2w(Wcs wcs, double[] x, double[] y, Origin origin) {
    double[] a = new double[x.length], b = new double[x.length];
    wcs.pixelToWorld(x, y, a, b, origin);
    return Nd4j.createFromArray(new double[][] {a, b});
}
INDArray w2p(Wcs wcs, double[] a, double[] b) {
    double[] x = new double[a.length], y = new double[a.length];
    wcs.worldToPixel(a, b, x, y);
    return Nd4j.createFromArray(new double[][] {x, y});
}
""",
        idioms=[
            I("wcs.p2w", "np.array(w.pixel_to_world_values([0, 220, 439], [0, 150, 299]))", None,
              "p2w(w, new double[] {0, 220, 439}, new double[] {0, 150, 299}, Origin.ZERO)", 1e-9),
            I("wcs.w2p", "np.array(w.world_to_pixel_values([50.0, 50.3], [-37.5, -37.2]))", None,
              "w2p(w, new double[] {50.0, 50.3}, new double[] {-37.5, -37.2})", 1e-6),
            I("wcs.origin1", "np.array(w.all_pix2world([221, 1], [151, 1], 1))", None,
              "p2w(w, new double[] {221, 1}, new double[] {151, 1}, Origin.ONE)", 1e-9),
            I("wcs.scales", "proj_plane_pixel_scales(w)", None, "Nd4j.createFromArray(w.pixelScales())", 1e-12),
            I("wcs.projection", "w.wcs.ctype[0][5:]", None, "w.projectionCode()"),
            I("wcs.radesys", "w.wcs.radesys", None, "w.celestialSystem()"),
            I("wcs.equinox", "w.wcs.equinox", None, "w.equinox()"),
            I("wcs.dss_p2w", "np.array(wd.pixel_to_world_values([0, 50, 99], [0, 30, 99]))", None,
              "p2w(wd, new double[] {0, 50, 99}, new double[] {0, 30, 99}, Origin.ZERO)", 1e-8),
            I("wcs.dss_w2p", "np.array(wd.world_to_pixel_values([217.48, 217.45], [-62.70, -62.67]))", None,
              "w2p(wd, new double[] {217.48, 217.45}, new double[] {-62.70, -62.67})", 1e-6),
            I("wcs.cube_p2w", "np.array(wc.pixel_to_world_values([0, 32, 63], [0, 40, 63]))", None,
              "p2w(wc, new double[] {0, 32, 63}, new double[] {0, 40, 63}, Origin.ZERO)", 1e-9),
        ])

section("tables", "Tables: columns, rows, row filters",
        "`hdu.table().columns(...).rows(a, b).where(EXPR).read()` gives a `FitsTable`: scalar columns "
        "in a Tablesaw `Table`, units and formats in `columns()`; `where(...).rowIndices()` is "
        "fitsio's `where()`.",
        "read",
        py="""
ev, t = fits.getdata(S('fv_rosat_evt.fits'), 'EVENTS'), Table.read(S('fv_rosat_evt.fits'), hdu='EVENTS')
frosat, cols = fitsio.FITS(S('fv_rosat_evt.fits')), fits.open(S('fv_rosat_evt.fits'))['EVENTS'].columns
""",
        java="""
FitsTable ev = rosat.hdu("EVENTS").table().read();
Table t = ev.table();
""",
        idioms=[
            I("tab.colnames", "t.colnames", "frosat['EVENTS'].get_colnames()", "t.columnNames()"),
            I("tab.len", "len(t)", "frosat['EVENTS'].get_nrows()", "ev.rowCount()"),
            I("tab.units", "[c.unit or '' for c in cols]", None, "ev.columns().stream().map(ColumnInfo::unit).toList()"),
            I("tab.tforms", "[c.format for c in cols]", None, "ev.columns().stream().map(c -> c.format().text()).toList()"),
            I("tab.dtypes", "[t[c].dtype.name for c in t.colnames]", None, "t.columns().stream().map(c -> npType(c)).toList()"),
            I("tab.column", "ev['X']", "fitsio.read(S('fv_rosat_evt.fits'), ext='EVENTS', columns=['X'])['X']", 't.column("X")'),
            I("tab.cell", "ev['TIME'][0]", None, 't.doubleColumn("TIME").get(0)'),
            I("tab.mean", "ev['PI'].mean()", None, 't.numberColumn("PI").mean()', 1e-12),
            I("tab.rows", "ev[100:200]['PI']", "fitsio.read(S('fv_rosat_evt.fits'), ext='EVENTS', columns=['PI'], rows=range(100, 200))['PI']",
              'rosat.hdu("EVENTS").table().columns("PI").rows(100, 200).read().table().column("PI")'),
            I("tab.where_rows", "np.where((ev['PI'] > 100) & (ev['X'] < 4000))[0]", "frosat['EVENTS'].where('PI > 100 && X < 4000')",
              'Nd4j.createFromArray(rosat.hdu("EVENTS").table().where("PI > 100 && X < 4000").rowIndices())'),
            I("tab.where_read", "ev[ev['PI'] > 100]['TIME']", None,
              'rosat.hdu("EVENTS").table().where("PI > 100").columns("TIME").read().table().column("TIME")'),
            I("tab.where_expr", "np.where(np.sqrt(ev['DX'].astype(float) ** 2 + ev['DY'].astype(float) ** 2) < 3000)[0]",
              "frosat['EVENTS'].where('sqrt(DX*DX + DY*DY) < 3000')",
              'Nd4j.createFromArray(rosat.hdu("EVENTS").table().where("sqrt(DX*DX + DY*DY) < 3000").rowIndices())'),
            I("tab.gti", "fits.getdata(S('fv_rosat_evt.fits'), 'GTI')['STOP']", "fitsio.read(S('fv_rosat_evt.fits'), ext='GTI')['STOP']",
              'rosat.hdu("GTI").table().read().table().column("STOP")'),
            I("tab.gz_table", "fits.getdata(S('astropy_dss.fits.gz'), 1)['NUMBER_OF_OBJECTS']", None,
              "dss.hdu(1).table().read().table().column(\"NUMBER_OF_OBJECTS\")"),
            I("tab.gz_units", "[c.unit for c in fits.open(S('astropy_dss.fits.gz'))[1].columns]", None,
              "dss.hdu(1).table().read().columns().stream().map(ColumnInfo::unit).toList()"),
        ])

section("tabfix", "Table columns of every kind: strings, nulls, scaled, unsigned, arrays, VLA, ASCII",
        "`answers.py` writes `tables.fits` with astropy: a binary table `MIX` with a column of each "
        "kind and an ASCII table `ASC`. Scalar columns land in the Tablesaw `Table` (TNULL and NaN "
        "are missing values, compared with astropy's masked values: `None`), arrays in "
        "`array(NAME)`, variable-length columns in `ragged(NAME)`.",
        "read",
        py="""
tabs = W('tables.fits')
mix, mixt, asc = fits.getdata(tabs, 'MIX'), Table.read(tabs, hdu='MIX'), fits.getdata(tabs, 'ASC')
fmix = fitsio.FITS(tabs)['MIX']
""",
        java="""
FitsFile tabf = Fits.open(W("tables.fits"));
FitsTable mix = tabf.hdu("MIX").table().read();
FitsTable asc = tabf.hdu("ASC").table().read();
ColumnInfo col(FitsTable ft, String name) { return ft.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(); }
""",
        idioms=[
            I("tf.names", "mix.columns.names", "fmix.get_colnames()", "mix.columns().stream().map(ColumnInfo::name).toList()"),
            I("tf.strings", "list(mix['NAME'])", None, 'mix.table().column("NAME")'),
            I("tf.tnull", "mixt['INULL'].tolist()", None, 'mix.table().column("INULL")'),
            I("tf.tnull_value", "mix.columns['INULL'].null", None, 'col(mix, "INULL").nullValue()'),
            I("tf.nan", "mixt['FNULL'].tolist()", None, 'mix.table().column("FNULL")'),
            I("tf.scaled", "mix['SCALED']", None, 'mix.table().column("SCALED")'),
            I("tf.scaled_dtype", "mix['SCALED'].dtype.name", None, 'npType(mix.table().column("SCALED"))'),
            I("tf.uint16", "mix['U16']", "fmix['U16'][:]", 'mix.table().column("U16")'),
            I("tf.uint32", "mix['U32']", "fmix['U32'][:]", 'mix.table().column("U32")'),
            I("tf.int8", "mix['I8']", None, 'mix.table().column("I8")'),
            I("tf.int64", "mix['K']", "fmix['K'][:]", 'mix.table().column("K")'),
            I("tf.logical", "mix['LOG']", "fmix['LOG'][:]", 'mix.table().column("LOG")'),
            I("tf.array", "mix['ARR']", "fmix['ARR'][:]", 'mix.array("ARR")'),
            I("tf.tdim", "mix['MAT']", None, 'mix.array("MAT")'),
            I("tf.vla", "[r.tolist() for r in mix['VLA']]", None, 'rows(mix.ragged("VLA"))'),
            I("tf.vla_double", "[r.tolist() for r in mix['VLD']]", None, 'rows(mix.ragged("VLD"))'),
            I("tf.complex", "np.stack([mix['CPLX'].real, mix['CPLX'].imag], -1)", None, 'mix.array("CPLX")'),
            I("tf.bits", "mix['BITS']", None, 'mix.array("BITS")'),
            I("tf.units", "[c.unit or '' for c in mix.columns]", None, "mix.columns().stream().map(ColumnInfo::unit).toList()"),
            I("tf.where_null", "np.where(mixt['INULL'].mask)[0]", None, 'Nd4j.createFromArray(tabf.hdu("MIX").table().where("isnull(INULL)").rowIndices())'),
            I("tf.where_string", "np.where(mix['NAME'] == 'bb')[0]", "fmix.where(\"NAME == 'bb'\")",
              'Nd4j.createFromArray(tabf.hdu("MIX").table().where("NAME == \'bb\'").rowIndices())'),
            I("tf.where_unsigned", "np.where(mix['U16'] > 40000)[0]", "fmix.where('U16 > 40000')",
              'Nd4j.createFromArray(tabf.hdu("MIX").table().where("U16 > 40000").rowIndices())'),
            I("tf.where_nulls_skipped", "np.where(mixt['INULL'].filled(-1) > 2)[0]", "fmix.where('INULL > 2')",
              'Nd4j.createFromArray(tabf.hdu("MIX").table().where("INULL > 2").rowIndices())'),
            I("asc.strings", "list(asc['A'])", None, 'asc.table().column("A")'),
            I("asc.ints", "asc['I']", None, 'asc.table().column("I")'),
            I("asc.floats", "asc['F']", None, 'asc.table().column("F")'),
            I("asc.exp", "asc['E']", None, 'asc.table().column("E")'),
            I("asc.type", "type(fits.open(tabs)['ASC']).__name__", None, 'tabf.summaries().get(tabf.hdu("ASC").index()).type()'),
        ])

MAGIC_IMAGE = "%fits image ../samples/astropy_test0.fits[SCI,3] --section 5:15,10:30 --as msec"
MAGIC_TABLE = '%fits table ../samples/fv_rosat_evt.fits[EVENTS] --columns PI,TIME --rows 0:1000 --where "PI > 100" --as mev'
MAGIC_CUTOUT = "%fits cutout ../samples/fv_ngc1316o.fits --box 100,200,64,64 --as stamp"
MAGIC_SKY = '%fits sky ../samples/fv_ngc1316o.fits --at "50.2,-37.4;50.0,-37.5" --radius 30 --as stamps'

section("magics", "Notebook magics",
        "The `%fits` magics read into notebook variables (`--as NAME`) what the Java calls above read: "
        "`image --section` is `hdu.section[...]`, `table --columns --rows --where` is "
        "`fitsio.read(..., columns=, rows=)` plus a row filter, `cutout --box` a slice, `sky` is "
        "`Cutout2D` around sky positions.",
        "read",
        py="""
t0, ev, data = fits.open(S('astropy_test0.fits')), fits.getdata(S('fv_rosat_evt.fits'), 'EVENTS'), fits.getdata(S('fv_ngc1316o.fits'))
first = ev[:1000]
wcs_ngc = WCS(fits.getheader(S('fv_ngc1316o.fits')))
""",
        java="",
        magics=[MAGIC_IMAGE, MAGIC_TABLE, MAGIC_CUTOUT, MAGIC_SKY],
        idioms=[
            I("mag.image", "t0['SCI', 3].section[5:15, 10:30]", None, f"msec /* {MAGIC_IMAGE} */"),
            I("mag.table_columns", "[c for c in ev.columns.names if c in ('TIME', 'PI')]", None, f"mev.table().columnNames() /* {MAGIC_TABLE} */"),
            I("mag.table_where", "first[first['PI'] > 100]['TIME']", None, 'mev.table().column("TIME")'),
            I("mag.cutout", "data[200:264, 100:164]", None, f"stamp /* {MAGIC_CUTOUT} */"),
            I("mag.sky", "np.stack([Cutout2D(data, SkyCoord(ra, dec, unit='deg', frame='fk4', equinox='B1950'), 60 * u.arcsec, "
              "wcs=wcs_ngc, mode='partial').data for ra, dec in ((50.2, -37.4), (50.0, -37.5))])", None, f"stamps.array() /* {MAGIC_SKY} */"),
        ])

section("checksum", "Checksums",
        "`verifyChecksums()` recomputes CHECKSUM and DATASUM of every HDU (`OK`, `MISSING`, "
        "`BAD_DATA`, `BAD_HEADER`). `answers.py` writes `checksums.fits` with `checksum=True` and "
        "`checksums-bad.fits`, a copy with one data byte changed.",
        "read",
        py="""
ck, bad = fits.open(W('checksums.fits')), fits.open(W('checksums-bad.fits'))
""",
        java="""
FitsFile ckf = Fits.open(W("checksums.fits"));
FitsFile badf = Fits.open(W("checksums-bad.fits"));
""",
        idioms=[
            I("ck.verify", "[h.verify_checksum() == 1 and h.verify_datasum() == 1 for h in ck]", None,
              "ckf.verifyChecksums().stream().map(c -> c.status() == ChecksumStatus.OK).toList()"),
            I("ck.datasum", "[int(h.header['DATASUM']) for h in ck]", None, "ckf.verifyChecksums().stream().map(HduChecksum::dataSum).toList()"),
            I("ck.missing", "['CHECKSUM' in h.header or 'DATASUM' in h.header for h in fits.open(S('fv_rosat_evt.fits'))]", None,
              "rosat.verifyChecksums().stream().map(c -> c.status() != ChecksumStatus.MISSING).toList()"),
            I("ck.datasum_computed", "[h.add_datasum() for h in fits.open(S('fv_rosat_evt.fits'))]", None,
              "rosat.verifyChecksums().stream().map(HduChecksum::dataSum).toList()"),
            I("ck.bad_data", "[h.verify_datasum() == 1 for h in bad]", None,
              "badf.verifyChecksums().stream().map(c -> c.status() != ChecksumStatus.BAD_DATA).toList()"),
        ])

section("compress", "Tile-compressed images",
        "`answers.py` writes `compressed.fits` with astropy's `CompImageHDU` (RICE_1, GZIP_1, GZIP_2, "
        "HCOMPRESS_1, PLIO_1, quantised floats); jfits reads them with the same `image().read()` "
        "as plain images (sections read only the tiles they touch); `compression()` describes the "
        "Z-keywords.",
        "read",
        py="""
comp, compraw = fits.open(W('compressed.fits')), fits.open(W('compressed.fits'), disable_image_compression=True)
""",
        java="""
FitsFile compf = Fits.open(W("compressed.fits"));
""",
        idioms=[I("cz." + e, f"comp['{e}'].data", None, f'compf.hdu("{e}").image().read()')
                for e in ("RICE", "GZIP1", "GZIP2", "HCOMP", "PLIO", "FLOATQ")]
        + [
            I("cz.section", "comp['RICE'].data[10:50, 100:130]", None, 'compf.hdu("RICE").image().read(new long[] {10, 100}, new long[] {40, 30})'),
            I("cz.raw", "fits.open(W('compressed.fits'), do_not_scale_image_data=True)['U16'].data", None, 'compf.hdu("U16").image().raw().read()'),
            I("cz.unsigned", "comp['U16'].data", None, 'compf.hdu("U16").image().read()'),
            I("cz.type", "type(comp['RICE']).__name__", None, 'compf.summaries().get(compf.hdu("RICE").index()).type()'),
            I("cz.zcmptype", "[compraw[i].header['ZCMPTYPE'] for i in range(1, len(compraw))]", None,
              "compf.hdus().stream().skip(1).map(h -> h.compression().compression()).toList()"),
            I("cz.ztile", "[compraw['HCOMP'].header['ZTILE1'], compraw['HCOMP'].header['ZTILE2']]", None, 'compf.hdu("HCOMP").compression().tiles()'),
            I("cz.header", "comp['RICE'].header['BITPIX']", None, 'compf.hdu("RICE").header().getInt("BITPIX")'),
            I("cz.stored_header", "compraw['RICE'].header['ZIMAGE']", None, 'compf.hdu("RICE").storedHeader().getBoolean("ZIMAGE")'),
        ])

section("cli_read", "Command line: fitsinfo, fitsheader, fitsdiff, fitscheck",
        "The `jfits` command (`bin/jfits`): here its `Main` runs in the notebook's JVM, with the "
        "same arguments as on the shell. `cli(...)` returns the exit status and what it printed.",
        "read",
        py="""
ck = W('checksums.fits')
""",
        java="""
record Cli(int status, String out) {
    List<String> lines() { return out.lines().map(String::stripTrailing).toList(); }
}
Cli cli(String... args) throws Exception {
    var ctor = org.jfits.cli.Main.class.getDeclaredConstructor(java.io.PrintStream.class, java.io.PrintStream.class);
    ctor.setAccessible(true);
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    Object main = ctor.newInstance(new java.io.PrintStream(out, true, "UTF-8"), new java.io.PrintStream(err, true, "UTF-8"));
    var run = org.jfits.cli.Main.class.getDeclaredMethod("run", String[].class);
    run.setAccessible(true);
    return new Cli((Integer) run.invoke(main, (Object) args), out.toString("UTF-8"));
}
""",
        idioms=[
            I("cli.fitsinfo", "fitsinfo_lines(S('astropy_test0.fits'))  # fitsinfo FILE", None, 'cli("info", S("astropy_test0.fits")).lines()'),
            I("cli.fitsinfo_tables", "fitsinfo_lines(S('fv_rosat_evt.fits'))", None, 'cli("info", S("fv_rosat_evt.fits")).lines()'),
            I("cli.fitsheader", "fitsheader_lines('-e', '1', S('astropy_test0.fits'))  # fitsheader -e 1 FILE", None,
              'cli("header", S("astropy_test0.fits"), "--hdu", "1").lines().stream().filter(l -> !l.equals("END")).toList()'),
            I("cli.fitsheader_primary", "fitsheader_lines(S('fv_ngc1316o.fits'))  # fitsheader FILE", None,
              'cli("header", S("fv_ngc1316o.fits")).lines().stream().filter(l -> !l.equals("END")).toList()'),
            I("cli.fitsdiff_same", "fits.FITSDiff(S('fv_ngc1316o.fits'), S('fv_ngc1316o.fits')).identical  # fitsdiff A A", None,
              'cli("diff", S("fv_ngc1316o.fits"), S("fv_ngc1316o.fits")).status() == 0'),
            I("cli.fitsdiff_other", "fits.FITSDiff(S('fv_ngc1316o.fits'), S('astropy_dss.fits.gz')).identical", None,
              'cli("diff", S("fv_ngc1316o.fits"), S("astropy_dss.fits.gz")).status() == 0'),
            I("cli.fitsdiff_rtol_pass", "fits.FITSDiff(W('near-a.fits'), W('near-b.fits'), rtol=1e-6).identical  # fitsdiff --rtol 1e-6", None,
              'cli("diff", W("near-a.fits"), W("near-b.fits"), "--rtol", "1e-6").status() == 0'),
            I("cli.fitsdiff_rtol_fail", "fits.FITSDiff(W('near-a.fits'), W('near-b.fits'), rtol=1e-9).identical", None,
              'cli("diff", W("near-a.fits"), W("near-b.fits"), "--rtol", "1e-9").status() == 0'),
            I("cli.fitscheck_ok", "all(h.verify_checksum() == 1 and h.verify_datasum() == 1 for h in fits.open(ck))  # fitscheck FILE", None,
              'cli("verify", W("checksums.fits")).status() == 0'),
            I("cli.fitscheck_bad", "all(h.verify_datasum() == 1 for h in fits.open(W('checksums-bad.fits')))", None,
              'cli("verify", W("checksums-bad.fits")).status() == 0'),
        ])

section("write_img", "Writing images: every type, scaling, header cards",
        "`FitsWriter` writes HDUs into a temporary file renamed into place; `ImageHdu.of(array)` "
        "picks BITPIX (and BZERO for unsigned and signed-byte types) from the array's type; "
        "`ScaledImageHdu` stores floats as scaled integers with NaN → BLANK; `HeaderBuilder` adds "
        "cards. The jfits value of each check is what was written; the reference is what astropy "
        "(and fitsio) read from the file.",
        "written",
        py="""
wimg = W('written-images.fits')
""",
        java="""
INDArray base = Nd4j.arange(42).reshape(6, 7).castTo(DataType.DOUBLE);
Map<String, INDArray> src = new LinkedHashMap<>();
src.put("U8", base.mul(6).castTo(DataType.UBYTE));
src.put("I8", base.sub(21).castTo(DataType.BYTE));
src.put("I16", base.mul(1500).sub(30000).castTo(DataType.SHORT));
src.put("U16", base.mul(1500).castTo(DataType.UINT16));
src.put("I32", base.mul(-5e7).add(1e9).castTo(DataType.INT));
src.put("U32", base.mul(1e8).castTo(DataType.UINT32));
src.put("I64", base.mul(-2e17).add(4e18).castTo(DataType.LONG));
src.put("U64", base.mul(4e17).castTo(DataType.UINT64));
src.put("F32", base.mul(0.37).sub(3).castTo(DataType.FLOAT));
src.get("F32").putScalar(0, 0, Float.NaN);
src.put("F64", base.mul(Math.PI).sub(1e10));
INDArray cube3 = Nd4j.arange(60).reshape(3, 4, 5).castTo(DataType.FLOAT);
String longText = "a long string value that does not fit on one card, so it goes on CONTINUE cards after LONGSTRN";
try (FitsWriter out = FitsWriter.create(Path.of(W("written-images.fits"))).checksums(true)) {
    out.write(ImageHdu.of(cube3).cards(new HeaderBuilder()
        .add("EXPTIME", 30.5, "seconds").add("OBSERVER", "E. Hubble", "who").add("DONE", true, "flag")
        .add("BIGINT", 1234567890123L, "a long").add("ESO DET DIT", 1.5, "HIERARCH")
        .add("LONGSTR", longText, "with a comment").history("written by jfits")));
    for (var e : src.entrySet()) out.write(ImageHdu.of(e.getValue()).name(e.getKey()));
    out.write(ScaledImageHdu.withTolerance(src.get("F32"), 16, 0.01).name("SC16"));
    out.write(ScaledImageHdu.of(src.get("F64").add(1e10), 32, 0.001, 5).name("SC32"));
}
more("write_img");
""",
        idioms=[I("wimg." + e, f"fits.getdata(wimg, '{e}')",
                  f"fitsio.read(wimg, ext='{e}')" if e in ("U8", "I16", "U16", "I32", "U32", "I64", "F32", "F64") else None,
                  f'src.get("{e}")') for e in ("U8", "I8", "I16", "U16", "I32", "U32", "I64", "U64", "F32", "F64")]
        + [
            I("wimg.bzero_u16", "fits.getheader(wimg, 'U16')['BZERO']", None, "32768"),
            I("wimg.bitpix", "[h.header['BITPIX'] for h in fits.open(wimg)]", None,
              "List.of(-32, 8, 8, 16, 16, 32, 32, 64, 64, -32, -64, 16, 32)"),
            I("wimg.cube", "fits.getdata(wimg, 0)", "fitsio.read(wimg, ext=0)", "cube3"),
            I("wimg.scaled16", "fits.getdata(wimg, 'SC16')", None, 'src.get("F32")', 0.0101),
            I("wimg.scaled32", "fits.getdata(wimg, 'SC32')", None, 'src.get("F64").add(1e10)', 0.0006),
            I("wimg.float", "fits.getheader(wimg)['EXPTIME']", "fitsio.read_header(wimg)['EXPTIME']", "30.5"),
            I("wimg.comment", "fits.getheader(wimg).comments['EXPTIME']", "fitsio.read_header(wimg).get_comment('EXPTIME')", '"seconds"'),
            I("wimg.string", "fits.getheader(wimg)['OBSERVER']", "fitsio.read_header(wimg)['OBSERVER']", '"E. Hubble"'),
            I("wimg.bool", "fits.getheader(wimg)['DONE']", "fitsio.read_header(wimg)['DONE']", "true"),
            I("wimg.long", "fits.getheader(wimg)['BIGINT']", "fitsio.read_header(wimg)['BIGINT']", "1234567890123L"),
            I("wimg.hierarch", "fits.getheader(wimg)['ESO DET DIT']", None, "1.5"),
            I("wimg.hierarch_card", "[c.image for c in fits.getheader(wimg).cards if c.keyword == 'ESO DET DIT'][0]"
              " == fits.Card('ESO DET DIT', 1.5, 'HIERARCH').image", None, "true"),
            I("wimg.long_string", "fits.getheader(wimg)['LONGSTR']", "fitsio.read_header(wimg)['LONGSTR']", "longText"),
            I("wimg.history", "list(fits.getheader(wimg)['HISTORY'])", None, 'List.of("written by jfits")'),
            I("wimg.checksums", "[h.verify_checksum() == 1 and h.verify_datasum() == 1 for h in fits.open(wimg)]", None,
              "Collections.nCopies(13, true)"),
            I("wimg.extnames", "[h.name for h in fits.open(wimg)][1:]", None,
              'java.util.stream.Stream.concat(src.keySet().stream(), java.util.stream.Stream.of("SC16", "SC32")).toList()'),
        ])

section("write_tab", "Writing tables",
        "`TableHdu.of(table)` writes a Tablesaw table as a BINTABLE (missing integers → TNULL, "
        "missing floats → NaN, strings padded), `array(...)` adds a fixed-size array column, "
        "`ragged(...)` a variable-length one, `unit(...)` TUNITn.",
        "written",
        py="""
wtab = W('written-table.fits')
wt, wtt = fits.getdata(wtab, 'SRC'), Table.read(wtab, hdu='SRC')
""",
        java="""
Table sources = Table.create("sources",
    StringColumn.create("NAME", "a", "bb", "ccc d", "e"),
    DoubleColumn.create("FLUX", 1.5, Double.NaN, 3.25, -0.5),
    IntColumn.create("FLAGS", new int[] {0, 4, 1, 7}),
    ShortColumn.create("CNT", new short[] {1, -2, 300, 4}),
    LongColumn.create("BIG", new long[] {1L << 40, -3, 0, 9}),
    BooleanColumn.create("OK", true, false, true, true));
sources.intColumn("FLAGS").setMissing(2);
INDArray spec = Nd4j.arange(16).reshape(4, 4).castTo(DataType.FLOAT).mul(0.5f);
RaggedColumn hits = new RaggedColumn("HITS", Nd4j.createFromArray(new int[] {1, 2, 3, 4, 5, 6}), new long[] {0, 3, 3, 4, 6});
try (FitsWriter out = FitsWriter.create(Path.of(W("written-table.fits")))) {
    out.write(TableHdu.of(sources).array("SPEC", spec).ragged("HITS", hits).unit("FLUX", "Jy").name("SRC"));
}
more("write_tab");
""",
        idioms=[
            I("wtab.names", "wtt.colnames", "fitsio.FITS(wtab)['SRC'].get_colnames()", 'List.of("NAME", "FLUX", "FLAGS", "CNT", "BIG", "OK", "SPEC", "HITS")'),
            I("wtab.strings", "list(wt['NAME'])", None, 'sources.column("NAME")'),
            I("wtab.nan", "wtt['FLUX'].tolist()", None, 'sources.column("FLUX")'),
            I("wtab.tnull", "wtt['FLAGS'].tolist()", None, 'sources.column("FLAGS")'),
            I("wtab.short", "wt['CNT']", "fitsio.read(wtab, ext='SRC')['CNT']", 'sources.column("CNT")'),
            I("wtab.long", "wt['BIG']", "fitsio.read(wtab, ext='SRC')['BIG']", 'sources.column("BIG")'),
            I("wtab.bool", "wt['OK']", "fitsio.read(wtab, ext='SRC')['OK']", 'sources.column("OK")'),
            I("wtab.array", "wt['SPEC']", "fitsio.read(wtab, ext='SRC')['SPEC']", "spec"),
            I("wtab.vla", "[r.tolist() for r in wt['HITS']]", None, "rows(hits)"),
            I("wtab.unit", "str(wtt['FLUX'].unit)", None, '"Jy"'),
            I("wtab.tforms", "[c.format for c in fits.open(wtab)['SRC'].columns]", None,
              'Fits.open(W("written-table.fits")).hdu("SRC").table().read().columns().stream().map(c -> c.format().text()).toList()'),
        ])

section("copies", "Copies and conversions: tables written back, selected rows, exports",
        "`TableHdu.of(fitsTable)` writes a table read by jfits back (TFORMs, TNULL, TSCAL/TZERO, TDIM, "
        "units kept), `SelectedRowsHdu` copies the rows and columns a `where` selects without "
        "decoding them (as `jfits convert FILE[EXT] --out OUT.fits --where EXPR`), and "
        "`jfits export`/`jfits cutout` write `.npy` files that `np.load` reads.",
        "written",
        py="""
tcopy, sel, bright = W('table-copy.fits'), W('selected.fits'), W('bright.fits')
""",
        java="""
try (FitsWriter out = FitsWriter.create(Path.of(W("table-copy.fits")))) {
    out.write(TableHdu.of(mix));
}
try (FitsFile in = Fits.open(S("fv_rosat_evt.fits")); FitsWriter out = FitsWriter.create(Path.of(W("selected.fits")))) {
    out.write(SelectedRowsHdu.of(in.hdu("EVENTS").table().where("PI > 100").columns("TIME", "PI", "X")));
}
int convert = cli("convert", S("fv_rosat_evt.fits") + "[EVENTS]", "--out", W("bright.fits"), "--where", "PI > 100 && X < 4000").status();
int export = cli("export", S("astropy_test0.fits"), "--hdu", "2", "--out", W("sci2.npy")).status();
int cutout = cli("cutout", S("fv_ngc1316o.fits"), "--hdu", "0", "--box", "100,200,64,64", "--out", W("cut.npy")).status();
if (convert != 0 || export != 0 || cutout != 0) throw new AssertionError("exit codes " + List.of(convert, export, cutout));
FitsTable bright = rosat.hdu("EVENTS").table().where("PI > 100 && X < 4000").read();
more("copies");
""",
        idioms=[
            I("copy.names", "fits.open(tcopy)[1].columns.names", "fitsio.FITS(tcopy)[1].get_colnames()", "mix.columns().stream().map(ColumnInfo::name).toList()"),
            I("copy.tforms", "[c.format.canonical for c in fits.open(tcopy)[1].columns]", None, "mix.columns().stream().map(c -> c.format().text()).toList()"),
            I("copy.strings", "list(fits.getdata(tcopy, 1)['NAME'])", None, 'mix.table().column("NAME")'),
            I("copy.tnull", "Table.read(tcopy, hdu=1)['INULL'].tolist()", None, 'mix.table().column("INULL")'),
            I("copy.nan", "Table.read(tcopy, hdu=1)['FNULL'].tolist()", None, 'mix.table().column("FNULL")'),
            I("copy.scaled", "fits.getdata(tcopy, 1)['SCALED']", None, 'mix.table().column("SCALED")'),
            I("copy.unsigned", "fits.getdata(tcopy, 1)['U32']", "fitsio.read(tcopy, ext=1)['U32']", 'mix.table().column("U32")'),
            I("copy.int64", "fits.getdata(tcopy, 1)['K']", "fitsio.read(tcopy, ext=1)['K']", 'mix.table().column("K")'),
            I("copy.tdim", "fits.getdata(tcopy, 1)['MAT']", None, 'mix.array("MAT")'),
            I("copy.vla", "[r.tolist() for r in fits.getdata(tcopy, 1)['VLA']]", None, 'rows(mix.ragged("VLA"))'),
            I("copy.complex", "np.stack([fits.getdata(tcopy, 1)['CPLX'].real, fits.getdata(tcopy, 1)['CPLX'].imag], -1)", None, 'mix.array("CPLX")'),
            I("copy.bits", "fits.getdata(tcopy, 1)['BITS']", None, 'mix.array("BITS")'),
            I("sel.columns", "fits.open(sel)[1].columns.names", "fitsio.FITS(sel)[1].get_colnames()", 'List.of("X", "PI", "TIME")'),
            I("sel.rows", "fits.getdata(sel, 1)['TIME']", "fitsio.read(sel, ext=1)['TIME']", 'ev.table().where(ev.table().shortColumn("PI").isGreaterThan(100)).column("TIME")'),
            I("sel.tcrvl", "fits.getheader(sel, 1)['TCRVL1']", None, 'ev.header().getDouble("TCRVL1")'),
            I("conv.where", "fits.getdata(bright, 1)['X']  # jfits convert FILE[EVENTS] --out OUT.fits --where EXPR", None, 'bright.table().column("X")'),
            I("conv.len", "len(fits.getdata(bright, 1))", "fitsio.FITS(bright)[1].get_nrows()", "bright.rowCount()"),
            I("export.npy", "np.load(W('sci2.npy'))  # jfits export FILE --hdu 2 --out sci2.npy", None, 't0.hdu(2).image().read()'),
            I("export.cutout", "np.load(W('cut.npy'))  # jfits cutout FILE --box 100,200,64,64", None,
              "ngc.hdu(0).image().read(new long[] {200, 100}, new long[] {64, 64})"),
        ])

section("write_comp", "Writing tile-compressed images",
        "`CompressedImageHdu.of(array)` writes RICE_1 row tiles by default; `algorithm(...)`, "
        "`tile(...)`, `quantize(...)` choose the rest, as `CompImageHDU(data, compression_type=..., "
        "tile_shape=..., quantize_level=...)`. Integers come back exactly; quantised floats are "
        "compared with what jfits itself reads back (both decoders agree bit for bit) and with the "
        "array written within the quantisation error jfits reports.",
        "written",
        py="""
wcomp = fits.open(W('written-compressed.fits'))
wcompraw = fits.open(W('written-compressed.fits'), disable_image_compression=True)
data = fits.getdata(S('fv_ngc1316o.fits'))
""",
        java="""
INDArray fdata = data.castTo(DataType.FLOAT).mul(0.37f);
CompressedImageHdu fq = CompressedImageHdu.of(fdata).quantize(16).name("FLOATQ");
try (FitsWriter out = FitsWriter.create(Path.of(W("written-compressed.fits")))) {
    out.write(CompressedImageHdu.of(data).name("RICE"));
    out.write(CompressedImageHdu.of(data).algorithm(TileCompression.GZIP_2).tile(100, 10).name("GZIP2"));
    out.write(CompressedImageHdu.of(data).algorithm(TileCompression.HCOMPRESS_1).name("HCOMP"));
    out.write(CompressedImageHdu.of(data).algorithm(TileCompression.PLIO_1).name("PLIO"));
    out.write(CompressedImageHdu.of(src.get("U16")).name("U16"));
    out.write(fq);
}
FitsFile wcompf = Fits.open(W("written-compressed.fits"));
more("write_comp");
""",
        idioms=[I("wcz." + e, f"wcomp['{e}'].data", None, "data") for e in ("RICE", "GZIP2", "HCOMP", "PLIO")]
        + [
            I("wcz.unsigned", "wcomp['U16'].data", None, 'src.get("U16")'),
            I("wcz.float_readback", "wcomp['FLOATQ'].data", None, 'wcompf.hdu("FLOATQ").image().read()'),
            I("wcz.float_error", "float(np.abs(wcomp['FLOATQ'].data.astype(float) - data * np.float32(0.37)).max())", None,
              "fq.maxQuantizationError()", 1e-6),
            I("wcz.zcmptype", "[h.header['ZCMPTYPE'] for h in wcompraw[1:]]", None,
              'List.of("RICE_1", "GZIP_2", "HCOMPRESS_1", "PLIO_1", "RICE_1", "RICE_1")'),
            I("wcz.ztile", "[wcompraw['GZIP2'].header['ZTILE1'], wcompraw['GZIP2'].header['ZTILE2']]", None, "List.of(100, 10)"),
        ])

section("edit", "Editing headers and appending HDUs",
        "`HeaderUpdate.of(path, hdu)` is `fits.setval`/`hdul[0].header[...] = ...` with "
        "`mode='update'`: set, remove, add HISTORY; `FitsWriter.append(path)` is `fits.append`.",
        "written",
        py="""
ed = W('edited.fits')
""",
        java="""
Path ed = Path.of(W("edited.fits"));
Files.copy(Path.of(S("fv_ngc1316o.fits")), ed);
HeaderUpdate.of(ed, 0).set("OBJECT", "NGC 1316 edited", "target").set("NEWKEY", 42, "added")
    .remove("OBSERVER").history("edited by jfits").apply();
INDArray extra = Nd4j.arange(12).reshape(3, 4).castTo(DataType.INT);
try (FitsWriter out = FitsWriter.append(ed)) {
    out.write(ImageHdu.of(extra).name("EXTRA"));
}
more("edit");
""",
        idioms=[
            I("ed.set", "fits.getval(ed, 'OBJECT')", "fitsio.read_header(ed)['OBJECT']", '"NGC 1316 edited"'),
            I("ed.comment", "fits.getheader(ed).comments['OBJECT']", None, '"target"'),
            I("ed.new", "fits.getval(ed, 'NEWKEY')", "fitsio.read_header(ed)['NEWKEY']", "42"),
            I("ed.removed", "'OBSERVER' in fits.getheader(ed)", "'OBSERVER' in fitsio.read_header(ed)", "false"),
            I("ed.history", "fits.getheader(ed)['HISTORY'][-1]", None, '"edited by jfits"'),
            I("ed.data", "fits.getdata(ed)", None, "data"),
            I("ed.append_len", "len(fits.open(ed))", "len(fitsio.FITS(ed))", "2"),
            I("ed.append_data", "fits.getdata(ed, 'EXTRA')", "fitsio.read(ed, ext='EXTRA')", "extra"),
        ])

section("cli_write", "Command line: fpack, funpack, setkey",
        "`jfits compress IN OUT --algorithm RICE_1` is `fpack`, `jfits decompress IN OUT` is "
        "`funpack`, `jfits setkey FILE KEY=VALUE/COMMENT` is `fits.setval`.",
        "written",
        py="""
packed, unpacked, keyed = W('packed.fits.fz'), W('unpacked.fits'), W('keyed.fits')
""",
        java="""
int fpack = cli("compress", S("fv_ngc1316o.fits"), W("packed.fits.fz"), "--algorithm", "GZIP_1").status();
int funpack = cli("decompress", W("compressed.fits"), W("unpacked.fits")).status();
Files.copy(Path.of(S("astropy_test0.fits")), Path.of(W("keyed.fits")));
int setkey = cli("setkey", W("keyed.fits"), "--hdu", "1", "OBSERVER=E. Hubble/who", "EXPTIME=30.5").status();
if (fpack != 0 || funpack != 0 || setkey != 0) throw new AssertionError("exit codes " + List.of(fpack, funpack, setkey));
more("cli_write");
""",
        idioms=[
            I("cli.fpack", "fits.getdata(packed, 1)  # fpack -g FILE", None, "data"),
            I("cli.fpack_type", "fits.open(packed, disable_image_compression=True)[1].header['ZCMPTYPE']", None, '"GZIP_1"'),
            I("cli.funpack", "fits.getdata(unpacked, 'RICE')  # funpack FILE.fz", None, "data"),
            I("cli.funpack_float", "fits.getdata(unpacked, 'FLOATQ')", None, 'compf.hdu("FLOATQ").image().read()'),
            I("cli.funpack_names", "[h.name for h in fits.open(unpacked)]", None, "compf.hdus().stream().map(Hdu::name).toList()"),
            I("cli.setkey", "[fits.getval(keyed, 'OBSERVER', 1), fits.getval(keyed, 'EXPTIME', 1)]", None, 'List.of("E. Hubble", 30.5)'),
            I("cli.setkey_comment", "fits.getheader(keyed, 1).comments['OBSERVER']", None, '"who"'),
        ])
