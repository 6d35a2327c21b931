#!/usr/bin/python3
"""Writes parity.ipynb, PARITY.md and the counts in README.md from the idioms of idioms.py (run
from anywhere: /usr/bin/python3 parity-matrix/make_notebook.py). The outputs are deterministic."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import idioms  # noqa: E402

HELPERS = r'''
// Helpers of the parity matrix. answers(...) runs answers.py (astropy and fitsio) and returns its JSON;
// check(ID, VALUE, TOL) compares a jfits value with the reference of idiom ID (and with fitsio's, when
// the idiom has one); verdict() makes the cell fail when a check of the section failed.
import com.google.gson.*;
import org.nd4j.linalg.api.buffer.DataType;
import org.jfits.header.*;
import org.jfits.image.*;
import org.jfits.wcs.*;
import org.jfits.table.*;
import org.jfits.checksum.*;
import org.jfits.write.*;
import org.jfits.compress.*;
import tech.tablesaw.columns.Column;

String SAMPLES = Path.of("../samples").toAbsolutePath().normalize().toString();
Path WORK = Files.createTempDirectory("jfits-parity");
String S(String name) { return SAMPLES + "/" + name; }
String W(String name) { return WORK.resolve(name).toString(); }

JsonObject answers(String mode, String... sections) throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "answers.py", mode, SAMPLES, WORK.toString()));
    command.addAll(Arrays.asList(sections));
    Path err = WORK.resolve("answers.err");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IllegalStateException("answers.py " + mode + " failed:\n" + Files.readString(err));
    return JsonParser.parseString(out).getAsJsonObject();
}

JsonObject REF = answers("read");
List<String> FAILS = new ArrayList<>();
int[] CHECKED = {0};

void more(String section) throws Exception {
    for (var e : answers("written", section).entrySet()) REF.add(e.getKey(), e.getValue());
}

String npName(DataType t) {
    return switch (t) {
        case BOOL -> "bool"; case BYTE -> "int8"; case UBYTE -> "uint8"; case SHORT -> "int16"; case UINT16 -> "uint16";
        case INT -> "int32"; case UINT32 -> "uint32"; case LONG -> "int64"; case UINT64 -> "uint64";
        case HALF -> "float16"; case FLOAT -> "float32"; case DOUBLE -> "float64"; default -> t.toString();
    };
}
String dtype(INDArray a) { return npName(a.dataType()); }
String npType(Column<?> c) {
    return switch (c.type().name()) {
        case "SHORT" -> "int16"; case "INTEGER" -> "int32"; case "LONG" -> "int64"; case "FLOAT" -> "float32";
        case "DOUBLE" -> "float64"; case "BOOLEAN" -> "bool"; case "STRING" -> "str"; default -> c.type().name();
    };
}
List<Object> rows(RaggedColumn r) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
        INDArray row = r.row(i);
        out.add(row.length() == 0 ? List.of() : Arrays.stream(Nd4j.toFlattened('c', row.castTo(DataType.DOUBLE)).toDoubleVector()).boxed().toList());
    }
    return out;
}

String brief(JsonElement e) { String s = String.valueOf(e); return s.length() > 120 ? s.substring(0, 120) + "..." : s; }

List<Object> asList(Object v) {
    if (v instanceof Column<?> c) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) out.add(c.type().name().equals("STRING") ? c.get(i) : c.isMissing(i) ? null : c.get(i));
        return out;
    }
    if (v instanceof Collection<?> c) return new ArrayList<>(c);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) out.add(java.lang.reflect.Array.get(v, i));
    return out;
}

String diff(JsonElement ref, Object v, double tol, String at) {
    if (v instanceof Optional<?> o) v = o.orElse(null);
    if (v instanceof INDArray a) {
        if (!ref.isJsonObject()) return at + "an array where the reference is " + brief(ref);
        JsonObject o = ref.getAsJsonObject();
        long[] shape = new long[o.getAsJsonArray("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = o.getAsJsonArray("shape").get(i).getAsLong();
        if (!Arrays.equals(shape, a.shape())) return at + "shape " + Arrays.toString(a.shape()) + ", reference " + Arrays.toString(shape);
        if (!dtype(a).equals(o.get("dtype").getAsString())) return at + "dtype " + dtype(a) + ", reference " + o.get("dtype").getAsString();
        double[] d = a.length() == 0 ? new double[0] : Nd4j.toFlattened('c', a.castTo(DataType.DOUBLE)).toDoubleVector();
        JsonArray data = o.getAsJsonArray("data");
        for (int i = 0; i < d.length; i++) {
            String why = diff(data.get(i), d[i], tol, at + "[" + i + "]");
            if (why != null) return why;
        }
        return null;
    }
    if (v instanceof Column<?> || v instanceof Collection<?> || (v != null && v.getClass().isArray())) {
        List<Object> list = asList(v);
        JsonArray r;
        if (ref.isJsonArray()) r = ref.getAsJsonArray();
        else if (ref.isJsonObject() && ref.getAsJsonObject().has("data") && ref.getAsJsonObject().getAsJsonArray("shape").size() == 1) r = ref.getAsJsonObject().getAsJsonArray("data");
        else return at + "a list where the reference is " + brief(ref);
        if (r.size() != list.size()) return at + list.size() + " elements, reference " + r.size() + ": " + brief(ref);
        for (int i = 0; i < list.size(); i++) {
            String why = diff(r.get(i), list.get(i), tol, at + "[" + i + "]");
            if (why != null) return why;
        }
        return null;
    }
    if (v == null) return ref.isJsonNull() ? null : at + "null, reference " + brief(ref);
    if (!ref.isJsonPrimitive()) return at + v + ", reference " + brief(ref);
    JsonPrimitive p = ref.getAsJsonPrimitive();
    if (v instanceof Boolean b) return p.isBoolean() && p.getAsBoolean() == b ? null : at + b + ", reference " + p;
    if (v instanceof Number n) {
        double x = n.doubleValue(), r;
        if (p.isBoolean()) return (x != 0) == p.getAsBoolean() ? null : at + n + ", reference " + p;   // a BOOL array cast to double
        if (p.isString()) {
            r = switch (p.getAsString()) { case "NaN" -> Double.NaN; case "Infinity" -> Double.POSITIVE_INFINITY; case "-Infinity" -> Double.NEGATIVE_INFINITY; default -> 0.5; };
            if (r == 0.5) return at + n + ", reference " + p;
        } else if (p.isNumber()) {
            if (tol == 0 && (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof java.math.BigInteger))
                return new java.math.BigDecimal(p.getAsString()).compareTo(new java.math.BigDecimal(n.toString())) == 0 ? null : at + n + ", reference " + p;
            r = Double.parseDouble(p.getAsString());
        } else return at + n + ", reference " + p;
        if (Double.isNaN(r) || Double.isNaN(x)) return Double.isNaN(r) && Double.isNaN(x) ? null : at + n + ", reference " + p;
        return (tol == 0 ? r == x : Math.abs(r - x) <= tol) ? null : at + n + ", reference " + p + (tol == 0 ? "" : " (tolerance " + tol + ")");
    }
    String s = v.toString();
    return p.isString() && p.getAsString().equals(s) ? null : at + "\"" + s + "\", reference " + p;
}

void check(String id, Object value, double tol) {
    CHECKED[0]++;
    JsonElement ref = REF.get(id);
    String why = ref == null ? "no reference value" : diff(ref, value, tol, "");
    if (why != null) FAILS.add(id + ": " + why);
    JsonElement fitsio = REF.get(id + "#fitsio");
    String whyFitsio = fitsio == null ? null : diff(fitsio, value, tol, "");
    if (whyFitsio != null) FAILS.add(id + " (fitsio): " + whyFitsio);
}

void verdict() {
    if (FAILS.isEmpty()) return;
    String message = String.join("\n", FAILS);
    FAILS.clear();
    throw new AssertionError("jfits differs from the reference:\n" + message);
}
"Reference values: " + REF.size()
'''.strip()


def md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def code(text):
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": text}


def java_literal_tol(tol):
    return "0" if tol == 0 else repr(tol)


def total():
    return sum(len(s.idioms) for s in idioms.SECTIONS)


def notebook():
    cells = [md(
        "# Parity matrix: astropy.io.fits and fitsio idioms in jfits\n\n"
        "Each idiom below has its astropy expression (and fitsio's where fitsio has one), the jfits "
        "expression, and a check of the jfits value against the reference value that `answers.py` "
        "computes live with astropy 5.2 and fitsio (`/usr/bin/python3`). Numbers must be equal, or "
        "within the tolerance stated in the check; arrays must have the reference's shape and dtype "
        "and equal elements. A difference makes the section's last cell throw.\n\n"
        f"{total()} idioms in {len(idioms.SECTIONS)} sections; the same list is in `PARITY.md`. "
        "Generated by `make_notebook.py` from `idioms.py`: edit those, not this notebook."),
        code(HELPERS)]
    for sec in idioms.SECTIONS:
        cells.append(md(f"## {sec.title}\n\n{sec.text}"))
        for magic in sec.magics:
            cells.append(code(magic))
        if sec.java:
            cells.append(code(sec.java))
        lines = []
        for idm in sec.idioms:
            lines.append(f"// astropy: {idm.astropy}")
            if idm.fitsio:
                lines.append(f"// fitsio:  {idm.fitsio}")
            lines.append(f'check("{idm.id}", {idm.jfits}, {java_literal_tol(idm.tol)});')
        lines.append("verdict();")
        lines.append(f'"{sec.key}: {len(sec.idioms)} idioms match"')
        cells.append(code("\n".join(lines)))
    cells.append(md("## Summary"))
    cells.append(code('if (CHECKED[0] != ' + str(total()) + ') throw new AssertionError("checked " + CHECKED[0]);\n'
                      'for (FitsFile f : List.of(t0, rosat, dss, cubeh, ngc, bpf, tabf, ckf, badf, compf, wcompf)) f.close();\n'
                      'try (var paths = Files.walk(WORK)) {  // the temporary folder\n'
                      '    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());\n'
                      '}\n'
                      'CHECKED[0] + " idioms checked, all equal to astropy (and fitsio where given)"'))
    for i, cell in enumerate(cells):
        cell["id"] = f"p{i:03d}"
        lines = cell["source"].split("\n")
        cell["source"] = [line + "\n" for line in lines[:-1]] + [lines[-1]]
        order = ["cell_type", "execution_count", "id", "metadata", "outputs", "source"]
        cells[i] = {k: cell[k] for k in order if k in cell}
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Java (jfits)", "language": "java", "name": "jfits"},
            "language_info": {"file_extension": ".jshell", "mimetype": "text/x-java-source", "name": "java"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def cell_text(text):
    return "`" + text.replace("|", "\\|") + "`" if text else ""


def parity_md():
    out = ["# Parity matrix", "",
           "Generated by `make_notebook.py` from `idioms.py`; checked by `parity.ipynb` (see `README.md`). "
           "Values of the astropy and fitsio expressions are computed live by `answers.py`; the jfits "
           "value must match them (exactly, or within the tolerance given; arrays in shape, dtype and "
           "every element).", "",
           f"{total()} idioms in {len(idioms.SECTIONS)} sections.", ""]
    for sec in idioms.SECTIONS:
        out.append(f"- {sec.title}: {len(sec.idioms)}")
    out += ["", "| section | astropy | fitsio | jfits | checked |", "| --- | --- | --- | --- | --- |"]
    for sec in idioms.SECTIONS:
        for idm in sec.idioms:
            how = "exact" if idm.tol == 0 else f"abs. difference ≤ {idm.tol:g}"
            how += " against astropy" + (" and fitsio" if idm.fitsio else "")
            how += " (file written by jfits)" if sec.phase == "written" else ""
            out.append(f"| {sec.title} | {cell_text(idm.astropy)} | {cell_text(idm.fitsio)} | {cell_text(idm.jfits)} | "
                       f"`{idm.id}`: {how} |")
    return "\n".join(out) + "\n"


def readme_counts():
    every = [i for s in idioms.SECTIONS for i in s.idioms]
    out = [f"{len(every)} idioms in {len(idioms.SECTIONS)} sections; {sum(1 for i in every if i.fitsio)} of them are "
           f"checked against fitsio as well as astropy, "
           f"{sum(len(s.idioms) for s in idioms.SECTIONS if s.phase == 'written')} check files jfits wrote (read back by "
           f"astropy and fitsio), {sum(1 for i in every if i.tol)} allow a stated tolerance (WCS, means, scaled and "
           f"quantised writes), all others must be equal.", "", "| section | idioms |", "| --- | --- |"]
    out += [f"| {s.title} | {len(s.idioms)} |" for s in idioms.SECTIONS]
    return "\n".join(out)


def update_readme():
    path = os.path.join(HERE, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    begin, end = "<!-- counts: written by make_notebook.py -->\n", "<!-- /counts -->"
    a, b = text.index(begin) + len(begin), text.index(end)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text[:a] + readme_counts() + "\n" + text[b:])


def main():
    ids = [i.id for s in idioms.SECTIONS for i in s.idioms]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise SystemExit(f"duplicate idiom ids: {dupes}")
    with open(os.path.join(HERE, "parity.ipynb"), "w", encoding="utf-8") as f:
        json.dump(notebook(), f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(HERE, "PARITY.md"), "w", encoding="utf-8") as f:
        f.write(parity_md())
    update_readme()
    print(f"parity.ipynb, PARITY.md and the counts in README.md: {total()} idioms in {len(idioms.SECTIONS)} sections")


if __name__ == "__main__":
    main()
